"""One rule for passwords and usernames, used by the CLI, the admin form and the password page."""

from datetime import timedelta

import pytest

from tests.conftest import FAST_PASSWORD_HASH_METHOD, PASSWORD, make_user
from verify import create_app
from verify.extensions import db
from verify.models import User
from verify.services import accounts
from verify.services.accounts import AccountError, check_password_rules, create_user

GOOD = "violet tram at dusk"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "at least 12"),
        ("eleven char", "at least 12"),
        (" " * 20, "at least 12"),
        ("\t \u3000 " * 5, "at least 12"),
        ("a" + " " * 14 + "b", "at least 12"),
        ("x" * 257, "at most 256"),
        ("password1234", "too well known"),
        ("Password1234", "too well known"),
        ("PASSWORD 1234", "too well known"),
        ("qwertyuiop12", "too well known"),
        ("123456789012", "too well known"),
        ("iloveyou1234", "too well known"),
        ("correct horse battery staple", "too well known"),
        ("aaaaaaaaaaaaaaaa", "too well known"),
        ("abababababababab", "too well known"),
        ("maria-maria-maria", "must not contain the username"),
    ],
)
def test_weak_passwords_are_refused_everywhere(runner, password, message):
    with pytest.raises(AccountError, match=message):
        check_password_rules(password, "maria")
    result = runner.invoke(
        args=["users", "create", "maria", "--role", "editor", "--password-stdin"],
        input=password + "\n",
    )
    assert result.exit_code != 0 and message in result.output
    assert db.session.scalar(db.select(User)) is None


def test_the_admin_form_names_the_password_rule(sign_in):
    admin = sign_in("admin")
    response = admin.post(
        "/admin/users", data={"username": "maria", "role": "editor", "password": "password1234"}
    )
    assert response.status_code == 422
    assert "too well known" in response.get_data(as_text=True)


@pytest.mark.parametrize("password", [GOOD, ("violet tram " * 22)[:256], "Ünïcödé pässwörd ok"])
def test_good_passwords_are_accepted(app, password):
    user = create_user("maria", "editor", password)
    assert user.check_password(password)


def test_passwords_are_hashed_with_scrypt_unless_configured(app):
    maria = create_user("maria", "editor", GOOD)
    assert maria.password_hash.startswith(f"{FAST_PASSWORD_HASH_METHOD}$")
    with create_app({"TESTING": True, "DATABASE_URL": "sqlite://"}).app_context():
        assert accounts.hash_password(GOOD).startswith("scrypt:")


@pytest.mark.parametrize(
    "username",
    [
        "",
        " ",
        "a" * 41,
        "maria smith",
        "maría",
        "mаria",
        "ｍａｒｉａ!",
        "<b>",
        "ana/../x",
        "name\x00",
        "tab\tname",
        "emoji🙂",
    ],
)
def test_usernames_come_from_a_safe_alphabet(app, username):
    with pytest.raises(AccountError, match="ASCII letters"):
        create_user(username, "editor", GOOD)


@pytest.mark.parametrize("taken", ["FC", "Fc", "ｆｃ", "ＦＣ"])
def test_usernames_are_unique_whatever_their_case_or_width(app, taken):
    create_user("fc", "editor", GOOD)
    with pytest.raises(AccountError, match="already exists"):
        create_user(taken, "editor", GOOD)


def test_usernames_are_stored_in_their_narrow_form(app):
    assert create_user("ｍａｒｉａ", "editor", GOOD).username == "maria"


@pytest.mark.parametrize("typed", ["Maria", "MARIA", " maria ", "ｍａｒｉａ"])
def test_sign_in_finds_the_user_in_any_case(client, typed):
    make_user("maria", "editor")
    response = client.post("/sign-in", data={"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    token = client.post("/api/tokens", json={"username": typed, "password": PASSWORD})
    assert token.status_code == 201


def test_a_token_needs_a_lifetime(app):
    user = make_user("maria", "editor")
    for days in (0, -1):
        with pytest.raises(ValueError, match="at least one day"):
            user.issue_token(timedelta(days=days))
    user.issue_token()
    db.session.commit()
    assert user.newest_token_expiry() is not None


@pytest.mark.parametrize("days", ["0", "-3", "100000"])
def test_the_cli_refuses_tokens_without_a_sane_lifetime(runner, days):
    make_user("maria", "editor")
    result = runner.invoke(args=["tokens", "create", "maria", "--days", days])
    assert result.exit_code == 2
