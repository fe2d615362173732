"""Embeddable badges: SVG and shields.io JSON, conditional requests, caching, cost."""

import time

import pytest
from sqlalchemy import func, select, update

from tests.conftest import SHORT_ARTICLE
from tests.newsroom import add_article
from tests.sql_support import connection_checkouts, statements_sent
from verify.extensions import db
from verify.models import Article, Claim
from verify.services import badges


def set_status(client, auth_header, claim_id, status):
    version = client.get(f"/api/claims/{claim_id}").get_json()["version"]
    response = client.patch(
        f"/api/claims/{claim_id}",
        json={"status": status},
        headers={**auth_header(), "If-Match": str(version)},
    )
    assert response.status_code == 200


def test_claim_badge_is_an_svg_with_an_etag(client, article, auth_header):
    claim = article["claims"][0]
    response = client.get(f"/badges/claims/{claim['id']}.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert b"unverified" in response.data
    etag = response.headers["ETag"]
    assert (
        client.get(f"/badges/claims/{claim['id']}.svg", headers={"If-None-Match": etag}).status_code
        == 304
    )
    client.patch(
        f"/api/claims/{claim['id']}",
        json={"status": "disputed"},
        headers={**auth_header(), "If-Match": str(claim["version"])},
    )
    changed = client.get(f"/badges/claims/{claim['id']}.svg", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and b"disputed" in changed.data


def test_unknown_badge_is_a_404(client):
    assert client.get("/badges/claims/99999.svg").status_code == 404


@pytest.mark.parametrize("kind", ["claims", "articles"])
@pytest.mark.parametrize("extension", ["svg", "json"])
@pytest.mark.parametrize("number", ["99999", "0", "99999999999", "99999999999999999999"])
def test_unknown_badges_are_json_404s(client, kind, extension, number):
    response = client.get(f"/badges/{kind}/{number}.{extension}")
    assert response.status_code == 404
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json()["error"]["code"] == 404


def test_badges_may_be_cached_briefly_by_anyone(client, article):
    response = client.get(f"/badges/claims/{article['claims'][0]['id']}.svg")
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


def test_a_304_keeps_the_caching_headers(client, article):
    path = f"/badges/claims/{article['claims'][0]['id']}.json"
    etag = client.get(path).headers["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304 and response.data == b""
    assert "Content-Length" not in response.headers
    assert response.headers["ETag"] == etag
    assert response.headers["Cache-Control"] == "public, max-age=60"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_claim_badge_json_follows_the_shields_endpoint_format(client, article, auth_header):
    claim = article["claims"][0]
    response = client.get(f"/badges/claims/{claim['id']}.json")
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.get_json() == {
        "schemaVersion": 1,
        "label": "claim",
        "message": "unverified",
        "color": "9e6a00",
    }
    etag = response.headers["ETag"]
    set_status(client, auth_header, claim["id"], "verified")
    changed = client.get(f"/badges/claims/{claim['id']}.json", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.get_json()["message"] == "verified" and changed.get_json()["color"] == "2e7d32"


def test_svg_and_json_of_one_claim_have_different_etags(client, article):
    claim_id = article["claims"][0]["id"]
    svg = client.get(f"/badges/claims/{claim_id}.svg").headers["ETag"]
    assert (
        client.get(f"/badges/claims/{claim_id}.json", headers={"If-None-Match": svg}).status_code
        == 200
    )


def test_article_badge_sums_up_its_claims(client, auth_header):
    article = add_article(
        [{"text": "One"}, {"text": "Two"}, {"text": "Three"}, {"text": "Gone", "dismissed": True}]
    )
    ids = [claim.id for claim in article.claims]
    path = f"/badges/articles/{article.id}"
    first = client.get(f"{path}.svg")
    assert first.mimetype == "image/svg+xml"
    assert b"claims: 0/3 verified" in first.data and b"#9e6a00" in first.data
    set_status(client, auth_header, ids[0], "verified")
    set_status(client, auth_header, ids[1], "disputed")
    changed = client.get(f"{path}.svg", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200
    assert b"claims: 1/3 verified, 1 disputed" in changed.data and b"#c62828" in changed.data
    assert (
        client.get(f"{path}.svg", headers={"If-None-Match": changed.headers["ETag"]}).status_code
        == 304
    )
    data = client.get(f"{path}.json").get_json()
    assert data == {
        "schemaVersion": 1,
        "label": "claims",
        "message": "1/3 verified, 1 disputed",
        "color": "c62828",
    }


def test_article_badge_without_claims_says_so(client):
    article = add_article([])
    response = client.get(f"/badges/articles/{article.id}.json")
    assert response.get_json()["message"] == "no claims"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_fully_verified_article_badge_is_green(client):
    article = add_article([{"text": "One", "status": "verified"}])
    assert client.get(f"/badges/articles/{article.id}.json").get_json()["color"] == "2e7d32"


def test_dismissed_claims_have_no_badge(client):
    article = add_article([{"text": "False extraction", "dismissed": True}])
    claim_id = article.claims[0].id
    assert client.get(f"/badges/claims/{claim_id}.svg").status_code == 404
    assert client.get(f"/badges/claims/{claim_id}.json").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/badges/claims/{claim}.svg", "/badges/claims/{claim}.json", "/badges/articles/{article}.svg"],
)
def test_a_badge_takes_one_connection_and_no_session_or_user(sign_in, path):
    client = sign_in("editor")
    article = add_article([{"text": "One"}])
    url = path.format(claim=article.claims[0].id, article=article.id)
    db.session.expire_all()
    with statements_sent("SELECT") as statements, connection_checkouts() as taken:
        response = client.get(url)
    assert response.status_code == 200
    # The badge itself reads through a raw DBAPI cursor, unseen here; any ORM query (a session
    # or user load) would show up as a statement.
    assert statements == [] and len(taken) == 1
    assert "Set-Cookie" not in response.headers and "Vary" not in response.headers


def test_badges_answer_head_and_refuse_other_methods(client, article):
    path = f"/badges/claims/{article['claims'][0]['id']}.svg"
    head = client.head(path)
    assert head.status_code == 200 and head.data == b""
    assert int(head.headers["Content-Length"]) == len(client.get(path).data)
    refused = client.post(path)
    assert refused.status_code == 405 and refused.headers["Allow"] == "GET, HEAD"
    assert refused.get_json()["error"]["code"] == 405


def test_other_paths_under_badges_are_json_404s(client):
    response = client.get("/badges/claims/abc.svg")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == 404


def test_badges_are_kept_at_most_their_cache_time_and_say_how_old(app, client, monkeypatch):
    app.config["BADGE_CACHE_SECONDS"] = 30
    claim_id = add_article([{"text": "One"}]).claims[0].id
    path = f"/badges/claims/{claim_id}.json"
    assert client.get(path).get_json()["message"] == "unverified"
    # A change that bypasses the ORM (another process, say) is not seen at once...
    db.session.execute(
        update(Claim)
        .where(Claim.id == claim_id)
        .values(status="verified", version=Claim.version + 1)
    )
    db.session.commit()
    now = time.monotonic()
    monkeypatch.setattr(badges.time, "monotonic", lambda: now + 12.5)
    kept = client.get(path)
    assert kept.get_json()["message"] == "unverified"
    assert kept.headers["Age"] == "13" and kept.headers["Cache-Control"] == "public, max-age=60"
    # ...but once the cache time is over, the next request reads it.
    monkeypatch.setattr(badges.time, "monotonic", lambda: now + 31)
    fresh = client.get(path)
    assert fresh.get_json()["message"] == "verified" and "Age" not in fresh.headers


def test_badge_cache_can_be_turned_off(app, client):
    app.config["BADGE_CACHE_SECONDS"] = 0
    claim_id = add_article([{"text": "One"}]).claims[0].id
    path = f"/badges/claims/{claim_id}.svg"
    assert b"unverified" in client.get(path).data
    db.session.execute(update(Claim).where(Claim.id == claim_id).values(status="disputed"))
    db.session.commit()
    assert b"disputed" in client.get(path).data


def test_an_article_badge_asked_for_before_the_article_is_posted_is_fresh(app, client, auth_header):
    app.config["BADGE_CACHE_SECONDS"] = 30
    next_id = (db.session.scalar(select(func.max(Article.id))) or 0) + 1
    assert client.get(f"/badges/articles/{next_id}.json").status_code == 404
    posted = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header())
    assert posted.get_json()["id"] == next_id
    claims = len(posted.get_json()["claims"])
    response = client.get(f"/badges/articles/{next_id}.json")
    assert response.status_code == 200
    assert response.get_json()["message"] == f"0/{claims} verified"
