"""Signing in and out: where ?next= may lead, and what ends a session or remember cookie."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest

from tests.conftest import PASSWORD, make_user
from verify.extensions import db
from verify.models import ApiToken
from verify.services import accounts

NEW_PASSWORD = "a fresh passphrase of mine"
ATTACKS = [
    "////evil.example/phish",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    " //evil.example",
    "/\x0b/evil.example",
    "https://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,x",
    "evil.example",
    "//evil.example@localhost",
    "/" + "x" * 3000,
]


def sign_in(client, username="ana", password=PASSWORD, remember=False, next_url=None):
    data = {"username": username, "password": password}
    if remember:
        data["remember_me"] = "y"
    url = "/sign-in" if next_url is None else "/sign-in?" + next_url
    return client.post(url, data=data)


@pytest.mark.parametrize("target", ATTACKS)
def test_next_never_leads_to_another_site(client, target):
    make_user("ana", "editor")
    response = sign_in(client, next_url=urlencode({"next": target}))
    assert response.status_code == 302
    assert response.headers["Location"] == "/queue", repr(target)


def test_a_nul_in_next_is_refused_before_any_redirect(client):
    make_user("ana", "editor")
    response = sign_in(client, next_url=urlencode({"next": "\x00//evil.example"}))
    assert response.status_code == 400
    assert "Location" not in response.headers


@pytest.mark.parametrize("target", ["/queue?status=verified", "/claims/1", "/reports/unverified"])
def test_next_leads_to_a_path_on_this_site(client, target):
    make_user("ana", "editor")
    response = sign_in(client, next_url=urlencode({"next": target}))
    assert response.headers["Location"] == target


def copy_cookies(client, *names: str) -> dict:
    names = names or ("session", "remember_token")
    return {name: client.get_cookie(name).value for name in names if client.get_cookie(name)}


def replay(app, cookies: dict):
    """Send copied cookies from another browser."""
    browser = app.test_client()
    for name, value in cookies.items():
        browser.set_cookie(name, value)
    return browser.get("/queue")


def signed_in(app, cookies: dict) -> bool:
    return replay(app, cookies).status_code == 200


def test_a_copied_session_cookie_stops_working_at_sign_out(app, client):
    make_user("ana", "editor")
    sign_in(client)
    copied = copy_cookies(client)
    assert signed_in(app, copied)
    client.post("/sign-out")
    assert not signed_in(app, copied)


def test_a_copied_remember_cookie_stops_working_at_sign_out(app, client):
    make_user("ana", "editor")
    sign_in(client, remember=True)
    lasts = client.get_cookie("remember_token").expires - datetime.now(UTC)
    assert timedelta(days=29) < lasts <= timedelta(days=30)
    copied = copy_cookies(client, "remember_token")
    assert copied
    assert signed_in(app, copied)
    client.post("/sign-out")
    assert not signed_in(app, copied)
    assert "/sign-in" in replay(app, copied).headers["Location"]


def test_signing_out_on_one_device_signs_out_the_others(app, client):
    make_user("ana", "editor")
    other = app.test_client()
    sign_in(other, remember=True)
    sign_in(client)
    client.post("/sign-out")
    assert other.get("/queue").status_code == 302


def test_changing_ones_password_ends_other_sessions_but_not_this_one(app, client):
    make_user("ana", "editor")
    other = app.test_client()
    sign_in(other, remember=True)
    sign_in(client)
    response = client.post(
        "/account/password", data={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/queue").status_code == 200
    assert other.get("/queue").status_code == 302
    assert sign_in(app.test_client(), password=NEW_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("current", "new", "message"),
    [
        ("wrong password", NEW_PASSWORD, "current password is wrong"),
        (PASSWORD, "short", "at least 12 characters"),
        (PASSWORD, "password1234", "too well known"),
    ],
)
def test_a_password_change_needs_the_current_password_and_a_good_new_one(
    client, current, new, message
):
    user = make_user("ana", "editor")
    sign_in(client)
    response = client.post(
        "/account/password", data={"current_password": current, "new_password": new}
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert user.check_password(PASSWORD)


def test_the_password_page_needs_a_signed_in_user(client):
    response = client.get("/account/password")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_an_admin_signs_a_user_out_everywhere(app, client, sign_in):
    user = make_user("ana", "editor")
    victim = app.test_client()
    globals()["sign_in"](victim, remember=True)
    admin = sign_in("admin")
    assert admin.post(f"/admin/users/{user.id}/sign-out").status_code == 302
    assert victim.get("/queue").status_code == 302


def test_switching_an_account_off_ends_its_sessions(app, sign_in):
    user = make_user("ana", "editor")
    victim = app.test_client()
    globals()["sign_in"](victim, remember=True)
    copied = copy_cookies(victim)
    admin = sign_in("admin")
    admin.post(f"/admin/users/{user.id}", data={f"user-{user.id}-role": "editor"})
    assert not user.active
    user.active = True
    db.session.commit()
    assert not signed_in(app, copied)


def test_an_admin_revokes_every_token_of_a_user(client, sign_in):
    user = make_user("ana", "fact-checker")
    tokens = [user.issue_token() for _ in range(2)]
    db.session.commit()
    admin = sign_in("admin")
    assert admin.post(f"/admin/users/{user.id}/revoke-tokens").status_code == 302
    for token in tokens:
        response = client.delete("/api/tokens", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


def test_the_cli_sets_a_password_and_ends_sessions(app, client, runner):
    make_user("ana", "editor")
    sign_in(client, remember=True)
    result = runner.invoke(
        args=["users", "set-password", "ANA", "--password-stdin"], input=NEW_PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    assert client.get("/queue").status_code == 302
    assert sign_in(app.test_client(), password=NEW_PASSWORD).status_code == 302


def test_the_cli_refuses_a_weak_password(runner):
    user = make_user("ana", "editor")
    result = runner.invoke(
        args=["users", "set-password", "ana", "--password-stdin"], input="qwertyuiop12\n"
    )
    assert result.exit_code != 0 and "too well known" in result.output
    assert user.check_password(PASSWORD)


def test_the_cli_signs_a_user_out_and_revokes_tokens(client, runner):
    user = make_user("ana", "editor")
    token = user.issue_token()
    db.session.commit()
    sign_in(client, remember=True)
    assert runner.invoke(args=["users", "sign-out", "ana"]).exit_code == 0
    assert client.get("/queue").status_code == 302
    result = runner.invoke(args=["tokens", "revoke", "ana"])
    assert result.exit_code == 0 and "Revoked 1" in result.output
    revoked = db.session.scalars(db.select(ApiToken)).one()
    assert revoked.revoked_at is not None
    assert client.get("/queue", headers={"Authorization": f"Bearer {token}"}).status_code == 302


def test_an_unknown_user_costs_a_password_check_too(app, monkeypatch):
    make_user("ana", "editor")
    checked = []
    real = accounts.check_password_hash

    def counting(stored, password):
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(accounts, "check_password_hash", counting)
    for username in ("ana", "nobody"):
        assert accounts.authenticate(username, "wrong password") is None
    assert len(checked) == 2
    assert checked[1].split("$")[0] == checked[0].split("$")[0]  # same method and cost
