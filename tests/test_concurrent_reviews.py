"""Many reviewers saving the same claims at once: every accepted change is kept."""

import threading
import uuid
from collections import Counter

import pytest
from sqlalchemy import func, select

from tests.conftest import SHORT_ARTICLE, TEST_DATABASE_URL, make_token, with_fresh_schema
from verify import create_app
from verify.extensions import db
from verify.models import Claim, ClaimEvent

THREADS = 8
ATTEMPTS = 6


@pytest.fixture
def shared_app(tmp_path):
    """An app on a database that several threads reach through their own connections."""
    url = TEST_DATABASE_URL
    if not url.startswith("postgresql"):
        url = f"sqlite:///{tmp_path / 'concurrent.sqlite'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "t"})
    yield from with_fresh_schema(app)


def reviewer(app, token, claim_ids, outcomes):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    for attempt in range(ATTEMPTS):
        for claim_id in claim_ids:
            version = client.get(f"/api/claims/{claim_id}").get_json()["version"]
            status = ("verified", "disputed", "unverified")[attempt % 3]
            response = client.patch(
                f"/api/claims/{claim_id}",
                # A unique note: a change that changes nothing is not a new version.
                json={"status": status, "note": f"attempt {attempt} {uuid.uuid4().hex}"},
                headers={**headers, "If-Match": str(version)},
            )
            outcomes.append((claim_id, response.status_code))


def test_concurrent_patches_lose_nothing(shared_app):
    token = make_token("reviewer", "fact-checker")
    client = shared_app.test_client()
    posted = client.post(
        "/api/articles", json=SHORT_ARTICLE, headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    claim_ids = [claim["id"] for claim in posted["claims"]]
    outcomes: list = []
    threads = [
        threading.Thread(target=reviewer, args=(shared_app, token, claim_ids, outcomes))
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == THREADS * ATTEMPTS * len(claim_ids)
    assert {status for _, status in outcomes} <= {200, 409}
    accepted = Counter(claim_id for claim_id, status in outcomes if status == 200)
    db.session.rollback()  # read what the reviewers committed, not an older snapshot
    for claim_id in claim_ids:
        claim = db.session.get(Claim, claim_id)
        reviews = db.session.scalar(
            select(func.count()).where(
                ClaimEvent.claim_id == claim_id, ClaimEvent.action == "review"
            )
        )
        assert accepted[claim_id] >= 1
        assert reviews == accepted[claim_id]
        assert claim.version == 1 + accepted[claim_id]
