import pytest

from tests.conftest import PASSWORD, SHORT_ARTICLE, make_user
from verify import create_app
from verify.extensions import db


def request_token(client, username="ana", password=PASSWORD):
    return client.post("/api/tokens", json={"username": username, "password": password})


def test_a_password_buys_a_token_once(client):
    make_user("ana", "fact-checker")
    response = request_token(client)
    assert response.status_code == 201
    body = response.get_json()
    assert body["role"] == "fact-checker" and body["expires_at"]
    headers = {"Authorization": f"Bearer {body['token']}"}
    created = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    assert created.status_code == 201


@pytest.mark.parametrize("username", ["ana", "nobody"])
def test_a_wrong_password_is_a_401_that_reveals_nothing(client, username):
    make_user("ana", "fact-checker")
    response = request_token(client, username=username, password="wrong")
    assert response.status_code == 401
    assert response.get_json()["error"]["message"] == "Unknown username or wrong password."


def test_token_request_names_missing_fields(client):
    response = client.post("/api/tokens", json={"username": "ana"})
    assert response.status_code == 422
    assert "password" in response.get_json()["error"]["fields"]


def test_a_revoked_token_stops_working(client):
    make_user("ana", "fact-checker")
    headers = {"Authorization": f"Bearer {request_token(client).get_json()['token']}"}
    assert client.delete("/api/tokens", headers=headers).status_code == 204
    again = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
    assert again.status_code == 401


def test_deactivated_users_lose_their_tokens(client):
    user = make_user("ana", "fact-checker")
    headers = {"Authorization": f"Bearer {request_token(client).get_json()['token']}"}
    user.active = False
    db.session.commit()
    assert client.post("/api/articles", json=SHORT_ARTICLE, headers=headers).status_code == 401


def test_token_requests_are_rate_limited(app, client):
    app.config["SIGN_IN_RATE_LIMIT"] = "3 per minute"
    make_user("ana", "fact-checker")
    statuses = [request_token(client, password="wrong").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    limited = request_token(client)
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.get_json()["error"]["code"] == 429


def test_pages_carry_security_headers(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_no_cache_keeps_what_a_signed_in_user_saw(client, sign_in, article, auth_header):
    claim_page = f"/claims/{article['claims'][0]['id']}"
    assert "Cache-Control" not in client.get(claim_page).headers
    by_token = client.get(claim_page, headers=auth_header("editor"))
    assert by_token.headers["Cache-Control"] == "private, no-store"
    signed_in = sign_in("editor")
    for path in (claim_page, "/", "/queue", f"/review/articles/{article['id']}"):
        assert signed_in.get(path).headers["Cache-Control"] == "private, no-store", path
    badge = signed_in.get(f"/badges/claims/{article['claims'][0]['id']}.svg")
    assert badge.headers["Cache-Control"].startswith("public")


def test_badges_may_be_framed_by_other_sites(client, article):
    response = client.get(f"/badges/claims/{article['claims'][0]['id']}.svg")
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_cookies_are_secure_when_served_over_https(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    app = create_app({"DATABASE_URL": "sqlite://", "SECRET_KEY": "a-test-key"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_sign_in_form_is_rate_limited(app, client):
    app.config["SIGN_IN_RATE_LIMIT"] = "2 per minute"
    make_user("ana", "fact-checker")
    wrong = {"username": "ana", "password": "wrong"}
    assert client.post("/sign-in", data=wrong).status_code == 200
    assert client.post("/sign-in", data=wrong).status_code == 200
    limited = client.post("/sign-in", data={"username": "ana", "password": PASSWORD})
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers
    assert client.get("/sign-in").status_code == 200
