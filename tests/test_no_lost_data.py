"""Failures leave nothing half written; accepted changes are never lost."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from tests.conftest import SHORT_ARTICLE
from verify.extensions import db
from verify.models import Article, Claim, ClaimEvent, Source
from verify.services import ingest


def row_counts() -> tuple:
    models = (Article, Claim, ClaimEvent, Source)
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in models)


@pytest.fixture
def production_errors(app):
    """Let the app answer unexpected errors with a 500 instead of raising them."""
    app.testing = False
    yield app
    app.testing = True


def test_a_database_error_mid_ingest_stores_nothing(
    client, auth_header, monkeypatch, production_errors
):
    headers = auth_header()
    original = ingest.insert_claims

    def insert_one_claim_then_fail(article, claims, notes):
        assert len(claims) >= 2
        original(article, claims[:1], notes[:1])
        raise OperationalError("INSERT INTO claims", {}, Exception("disk I/O error"))

    monkeypatch.setattr(ingest, "insert_claims", insert_one_claim_then_fail)
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == 500
    assert "disk I/O" not in response.get_data(as_text=True)
    assert row_counts() == (0, 0, 0, 0)


def test_the_article_can_be_posted_again_after_a_failure(
    client, auth_header, monkeypatch, production_errors
):
    headers = auth_header()

    def broken(article, claims, notes):
        raise OperationalError("INSERT", {}, Exception("connection lost"))

    with monkeypatch.context() as patch:
        patch.setattr(ingest, "insert_claims", broken)
        assert client.post("/api/articles", json=SHORT_ARTICLE, headers=headers).status_code == 500
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    assert response.status_code == 201
    assert row_counts()[0] == 1
