"""Parallel writers on a served instance: every write is answered and kept, never a 500."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from flask_migrate import upgrade
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from tests.conftest import SHORT_ARTICLE, make_token
from tests.served import fresh_database_url, gunicorn
from tests.sql_support import statements_sent
from verify import create_app
from verify.extensions import db
from verify.models import Article, Claim, Source
from verify.services import ingest

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
        return requests.post(
            f"{base}/api/articles", json=article(number), headers=headers, timeout=60
        )

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
            headers={**headers, "If-Match": str(version)},
            timeout=60,
        )
        outcomes.append(response.status_code)
        if done.is_set() and attempt >= 4:
            return


def test_patches_during_an_ingest_are_kept(served):
    base, headers, _ = served
    posted = requests.post(
        f"{base}/api/articles", json=article(100), headers=headers, timeout=60
    ).json()
    claim_ids = [claim["id"] for claim in posted["claims"]]
    done, outcomes = threading.Event(), []
    reviewers = [
        threading.Thread(target=review_until, args=(base, headers, claim_ids, done, outcomes))
        for _ in range(2)
    ]
    for reviewer in reviewers:
        reviewer.start()
    big = requests.post(
        f"{base}/api/articles", json=article(101, paragraphs=400), headers=headers, timeout=60
    )
    done.set()
    for reviewer in reviewers:
        reviewer.join()
    assert big.status_code == 201, big.text
    assert set(outcomes) <= {200, 409}, outcomes
    assert outcomes.count(200) >= 1


class SerializationFailure(Exception):
    sqlstate = "40001"


class Deadlock(Exception):
    sqlstate = "40P01"


@pytest.mark.parametrize(
    "refusal",
    [
        Exception("database is locked"),
        SerializationFailure("could not serialize access"),
        Deadlock("deadlock detected"),
    ],
    ids=str,
)
def test_a_write_refused_for_another_writer_is_run_again(client, auth_header, monkeypatch, refusal):
    headers = auth_header()
    original, calls = ingest.insert_claims, []

    def insert_claims_once_refused(article, claims, notes):
        calls.append(claims)
        if len(calls) == 1:
            raise OperationalError("INSERT INTO claims", {}, refusal)
        return original(article, claims, notes)

    monkeypatch.setattr(ingest, "insert_claims", insert_claims_once_refused)
    with statements_sent("BEGIN") as begins:
        response = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    assert response.status_code == 201, response.get_json()
    assert db.session.scalar(select(func.count(Article.id))) == 1
    assert len(calls) == 2
    assert len(response.get_json()["claims"]) == len(calls[1]) > 0
    if db.engine.dialect.name == "sqlite":
        assert "BEGIN IMMEDIATE" in begins


def test_a_source_another_request_stored_meanwhile_is_shared(client, auth_header, monkeypatch):
    headers = auth_header()
    first = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers).get_json()
    # As if the other request's source row was committed just after the lookup.
    monkeypatch.setattr(ingest, "stored_sources", lambda keys: {})
    later = {
        "title": "Ruiz defends the budget",
        "body": '"No school will close," Mayor Ana Ruiz said on Tuesday.\n'
        "Teachers said the plan came too late.\n",
    }
    response = client.post("/api/articles", json=later, headers=headers)
    assert response.status_code == 201, response.get_json()
    ruiz = {claim.source_id for claim in claims_naming("Ruiz", first["id"])}
    again = {claim.source_id for claim in claims_naming("Ruiz", response.get_json()["id"])}
    assert len(ruiz) == 1 and again == ruiz
    assert db.session.scalar(select(func.count(Source.id)).where(Source.name == "Ana Ruiz")) == 1


def claims_naming(word: str, article_id: int) -> list[Claim]:
    query = select(Claim).where(Claim.article_id == article_id, Claim.source_text.contains(word))
    return list(db.session.scalars(query))
