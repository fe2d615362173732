"""Absolute URLs name configured hosts only, and HTTPS sites ask browsers to stay on HTTPS."""

import json

import pytest
from flask import request_started

from tests.conftest import (
    SHORT_ARTICLE,
    TEST_DATABASE_URL,
    forget_signed_in_user,
    make_token,
    with_fresh_schema,
)
from verify import create_app
from verify.config import ConfigError

EVIL = {"Host": "evil.example"}


def build_app(**settings):
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": TEST_DATABASE_URL, **settings}
    )
    request_started.connect(forget_signed_in_user, app)
    return app


@pytest.fixture
def public_app():
    yield from with_fresh_schema(build_app(PUBLIC_BASE_URL="https://verify.example.org/"))


def claim_id(client) -> int:
    """Post an article and verify its first claim, so its page carries a ClaimReview."""
    headers = {"Authorization": f"Bearer {make_token('ana', 'fact-checker')}"}
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    claim = response.get_json()["claims"][0]
    client.patch(
        f"/api/claims/{claim['id']}",
        json={"status": "verified"},
        headers={**headers, "If-Match": str(claim["version"])},
    )
    return claim["id"]


def claim_review(page: str) -> dict:
    start = page.index('<script type="application/ld+json">') + 35
    return json.loads(page[start : page.index("</script>", start)])


@pytest.mark.parametrize(
    "path",
    ["/", "/claims/1", "/oembed?url=http://evil.example/claims/1", "/sign-in", "/api/claims"],
)
def test_an_unknown_host_is_refused(client, path):
    response = client.get(path, headers=EVIL)
    assert response.status_code == 400
    assert b"evil.example/claims" not in response.data


def test_without_a_base_url_known_local_hosts_build_the_links(client, article):
    claim = article["claims"][0]["id"]
    page = client.get(f"/claims/{claim}", headers={"Host": "127.0.0.1:5000"})
    assert f'href="http://127.0.0.1:5000/claims/{claim}"' in page.get_data(as_text=True)


def test_a_base_url_builds_every_absolute_url_whatever_the_host(public_app):
    client = public_app.test_client()
    claim = claim_id(client)
    page = client.get(f"/claims/{claim}", headers=EVIL).get_data(as_text=True)
    assert "evil.example" not in page
    assert f'<link rel="canonical" href="https://verify.example.org/claims/{claim}">' in page
    assert claim_review(page)["url"] == f"https://verify.example.org/claims/{claim}"
    assert "https://verify.example.org/oembed?url=https" in page
    embed = client.get(
        "/oembed", query_string={"url": f"https://verify.example.org/claims/{claim}"}, headers=EVIL
    )
    assert embed.status_code == 200
    body = embed.get_json()
    assert body["provider_url"] == "https://verify.example.org/"
    assert "evil.example" not in embed.get_data(as_text=True)
    assert f"https://verify.example.org/badges/claims/{claim}.svg" in body["html"]


def test_oembed_only_knows_claim_pages_of_the_configured_site(public_app):
    client = public_app.test_client()
    claim = claim_id(client)
    response = client.get(
        "/oembed", query_string={"url": f"http://evil.example/claims/{claim}"}, headers=EVIL
    )
    assert response.status_code == 404


def test_trusted_hosts_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("TRUSTED_HOSTS", "news.example, .news.example")
    app = build_app()
    assert app.config["TRUSTED_HOSTS"] == ["news.example", ".news.example"]
    client = app.test_client()
    assert client.get("/api/openapi.json", headers={"Host": "www.news.example"}).status_code == 200
    assert client.get("/api/openapi.json", headers=EVIL).status_code == 400


@pytest.mark.parametrize(
    "base",
    [
        "verify.example.org",
        "ftp://verify.example.org",
        "https://verify.example.org/app",
        "https://",
    ],
)
def test_a_base_url_must_be_a_plain_origin(base):
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL"):
        build_app(PUBLIC_BASE_URL=base)


@pytest.fixture
def https_app(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    yield from with_fresh_schema(build_app())


def test_https_sites_send_strict_transport_security(https_app):
    client = https_app.test_client()
    claim = claim_id(client)
    for path in (
        "/",
        "/sign-in",
        "/api/claims",
        f"/badges/claims/{claim}.svg",
        f"/oembed?url=http://localhost/claims/{claim}",
    ):
        response = client.get(path, base_url="https://localhost")
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000", path


def test_plain_http_sites_do_not(client, article):
    for path in ("/", f"/badges/claims/{article['claims'][0]['id']}.svg"):
        assert "Strict-Transport-Security" not in client.get(path).headers
