import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from tests.conftest import SHORT_ARTICLE
from tests.sql_support import statements_sent
from verify.extensions import db
from verify.models import Article, Claim, ClaimEvent


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_post_article_returns_it_with_its_claims(client, auth_header):
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header())
    assert response.status_code == 201
    article = response.get_json()
    assert response.headers["Location"].endswith(f"/api/articles/{article['id']}")
    assert article["title"] == SHORT_ARTICLE["title"]
    assert article["outlet"] == "Test Gazette"
    claims = {claim["source"]: claim for claim in article["claims"]}
    quote = claims["Ana Ruiz"]
    assert "protects every school" in quote["text"]
    assert quote["kind"] == "direct_quote"
    assert quote["status"] == "unverified"
    assert SHORT_ARTICLE["body"][quote["start"] : quote["end"]] == quote["text"]


def test_same_article_twice_returns_the_stored_one(client, auth_header):
    first = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header())
    again = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header("editor"))
    assert again.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"]
    assert count(Article) == 1
    assert count(Claim) == len(first.get_json()["claims"])


@pytest.mark.parametrize("role", ["fact-checker", "editor", "admin"])
def test_every_role_may_post_articles(client, auth_header, role):
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header(role))
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": "Some text."}, "title"),
        ({"title": "A title"}, "body"),
        ({"title": "   ", "body": "Some text."}, "title"),
        ({"title": "A title", "body": ""}, "body"),
        ({"title": "A title", "body": "Text.", "url": "javascript:alert(1)"}, "url"),
        ({"title": "A title", "body": "Text.", "published_at": "yesterday"}, "published_at"),
    ],
)
def test_invalid_article_is_refused_naming_the_field(client, auth_header, payload, field):
    response = client.post("/api/articles", json=payload, headers=auth_header())
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == 422
    assert field in error["fields"]
    assert count(Article) == 0


def test_malformed_json_is_a_400(client, auth_header):
    response = client.post(
        "/api/articles",
        data='{"title": "x", "body": ',
        headers={**auth_header(), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == 400


def test_article_over_the_size_limit_is_a_413(app, client, auth_header):
    app.config["MAX_ARTICLE_BYTES"] = 1000
    body = "He said it was fine. " * 100
    response = client.post(
        "/api/articles", json={"title": "Long", "body": body}, headers=auth_header()
    )
    assert response.status_code == 413
    assert "body" in response.get_json()["error"]["fields"]
    assert count(Article) == 0


def test_a_two_megabyte_article_is_accepted(client, auth_header):
    filler = "The river rose slowly through the night. " * 40
    blocks = [
        f'{filler}\n\n"Berth {n} will reopen in May," the port authority said.\n\n'
        for n in range(1200)
    ]
    body = "".join(blocks)
    assert 1_900_000 < len(body.encode()) <= 2 * 1024 * 1024
    response = client.post(
        "/api/articles", json={"title": "Big", "body": body}, headers=auth_header()
    )
    assert response.status_code == 201
    assert len(response.get_json()["claims"]) == len(blocks)


def test_posting_needs_a_token(client):
    response = client.post("/api/articles", json=SHORT_ARTICLE)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == 401


def test_a_wrong_token_is_refused(client):
    response = client.post(
        "/api/articles", json=SHORT_ARTICLE, headers={"Authorization": "Bearer nope"}
    )
    assert response.status_code == 401


def test_extraction_past_its_deadline_is_refused_midway_and_stores_nothing(
    app, client, auth_header
):
    # One paragraph of 2 MB: the deadline must be checked inside it, not only between paragraphs.
    app.config["EXTRACTION_TIMEOUT_SECONDS"] = 0.2
    body = "The minister said it would rain. " * 60_000
    started = time.process_time()
    response = client.post(
        "/api/articles", json={"title": "T", "body": body}, headers=auth_header()
    )
    assert time.process_time() - started < 1.5
    assert response.status_code == 422
    message = response.get_json()["error"]["message"]
    assert "longer than 0.2 s" in message and "EXTRACTION_TIMEOUT_SECONDS" in message
    assert (count(Article), count(Claim), count(ClaimEvent)) == (0, 0, 0)


def test_an_extraction_bug_is_a_500_and_stores_nothing(app, client, auth_header, monkeypatch):
    # The real extract_claims runs; one of its steps fails as a bug would.
    def broken(text, claims):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr("verify.extraction.pipeline.resolve_sources", broken)
    headers = auth_header()
    app.testing = False
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    app.testing = True
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == 500
    assert "exploded" not in response.get_data(as_text=True)
    assert (count(Article), count(Claim), count(ClaimEvent)) == (0, 0, 0)


def test_list_and_get_articles(client, article):
    listed = client.get("/api/articles")
    assert listed.status_code == 200
    assert [a["id"] for a in listed.get_json()] == [article["id"]]
    shown = client.get(f"/api/articles/{article['id']}").get_json()
    assert shown["body"] == SHORT_ARTICLE["body"]
    assert len(shown["claims"]) == len(article["claims"])


def test_unknown_article_is_a_404(client):
    response = client.get("/api/articles/999999")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == 404


def test_openapi_spec_lists_the_routes(client):
    spec = client.get("/api/openapi.json").get_json()
    assert {"/api/articles", "/api/claims/{claim_id}", "/api/claims/{claim_id}/history"} <= set(
        spec["paths"]
    )
    assert "patch" in spec["paths"]["/api/claims/{claim_id}"]


def claims_body(count: int) -> str:
    """An article of `count` distinct attributed sentences, five to a paragraph."""
    sentences = [f"Anna Berg{n % 7} said the bridge number {n} is closed." for n in range(count)]
    return "\n\n".join(" ".join(sentences[n : n + 5]) for n in range(0, count, 5))


def test_an_article_with_too_many_claims_is_refused_and_stores_nothing(client, auth_header):
    response = client.post(
        "/api/articles", json={"title": "T", "body": claims_body(1501)}, headers=auth_header()
    )
    assert response.status_code == 422
    assert "1501 claims, more than the 1500" in response.get_json()["error"]["message"]
    assert (count(Article), count(Claim), count(ClaimEvent)) == (0, 0, 0)


def test_an_article_of_500_claims_is_stored_in_a_few_statements(client, auth_header):
    with statements_sent() as statements:
        response = client.post(
            "/api/articles", json={"title": "T", "body": claims_body(500)}, headers=auth_header()
        )
    assert response.status_code == 201
    assert len(response.get_json()["claims"]) == 500
    sent = Counter(statement.split("(")[0].split("\n")[0].strip() for statement in statements)
    # Each source is looked up once and the events inserted together, not one by one.
    assert sum(n for kind, n in sent.items() if kind.startswith("SELECT")) < 15, sent
    assert 1 <= sent["INSERT INTO sources"] <= 7, sent
    assert sent["INSERT INTO claim_events"] == 1, sent
    # SQLite cannot return the ids of a many-row insert in order, so it is sent row by row there.
    row_by_row = db.engine.dialect.name == "sqlite"
    assert sent["INSERT INTO claims"] == (500 if row_by_row else 1), sent
    assert count(ClaimEvent) == 500
