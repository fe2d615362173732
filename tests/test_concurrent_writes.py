"""Parallel writers on a served instance: every write is answered and kept, never a 500."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from flask_migrate import upgrade
from sqlalchemy import func, select

from tests.conftest import make_token
from tests.served import fresh_database_url, gunicorn
from verify import create_app
from verify.extensions import db
from verify.models import Article

PARALLEL_POSTS = 12


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """gunicorn with two workers on a migrated database; yields (base URL, headers, app)."""
    with fresh_database_url(tmp_path_factory.mktemp("served")) as url:
        app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "t"})
        with app.app_context():
            upgrade()
            headers = {"Authorization": f"Bearer {make_token('writer', 'fact-checker')}"}
            db.session.remove()
            with gunicorn(url, workers=2) as base:
                yield base, headers, app
            db.session.remove()
            db.engine.dispose()


def article(number: int, paragraphs: int = 2) -> dict:
    body = "".join(
        f'"Line {number}-{i} protects every school," Mayor Ana Ruiz said on Monday. '
        f"The opposition claimed that plan {number}-{i} would raise taxes next year.\n\n"
        for i in range(paragraphs)
    )
    return {"title": f"Budget {number}", "body": body}


def stored_articles(app) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count(Article.id)))
        db.session.remove()
    return count


def test_parallel_article_posts_are_all_stored(served):
    base, headers, app = served
    before = stored_articles(app)

    def post(number):
        return requests.post(f"{base}/api/articles", json=article(number), headers=headers,
                             timeout=60)

    with ThreadPoolExecutor(PARALLEL_POSTS) as pool:
        responses = list(pool.map(post, range(PARALLEL_POSTS)))
    assert [response.status_code for response in responses] == [201] * PARALLEL_POSTS
    assert stored_articles(app) == before + PARALLEL_POSTS


def review_until(base, headers, claim_ids, done: threading.Event, outcomes: list) -> None:
    """PATCH claims one after another until done is set (or 300 requests)."""
    for attempt in range(300):
        claim_id = claim_ids[attempt % len(claim_ids)]
        version = requests.get(f"{base}/api/claims/{claim_id}", timeout=60).json()["version"]
        response = requests.patch(
            f"{base}/api/claims/{claim_id}",
            json={"status": ("verified", "disputed")[attempt % 2], "note": f"try {attempt}"},
            headers={**headers, "If-Match": str(version)}, timeout=60,
        )
        outcomes.append(response.status_code)
        if done.is_set() and attempt >= 4:
            return


def test_patches_during_an_ingest_are_kept(served):
    base, headers, _ = served
    posted = requests.post(f"{base}/api/articles", json=article(100), headers=headers,
                           timeout=60).json()
    claim_ids = [claim["id"] for claim in posted["claims"]]
    done, outcomes = threading.Event(), []
    reviewers = [threading.Thread(target=review_until,
                                  args=(base, headers, claim_ids, done, outcomes))
                 for _ in range(2)]
    for reviewer in reviewers:
        reviewer.start()
    big = requests.post(f"{base}/api/articles", json=article(101, paragraphs=400),
                        headers=headers, timeout=60)
    done.set()
    for reviewer in reviewers:
        reviewer.join()
    assert big.status_code == 201, big.text
    assert set(outcomes) <= {200, 409}, outcomes
    assert outcomes.count(200) >= 1
