import os
from pathlib import Path

import pytest
from flask import g, request_started
from werkzeug.security import generate_password_hash

from verify import create_app
from verify.extensions import db
from verify.models import User

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir(*parts: str) -> Path:
    """The project's shared data beside the checkout, or beside any folder above it."""
    for folder in REPO_ROOT.parents:
        candidate = folder.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return REPO_ROOT.parent.joinpath("shared", *parts)


SEED_DIR = shared_dir("seed")
NO_SEED = f"measures the shared seed article, and there is none at {SEED_DIR}"
# Written for these tests in the style of the shared seed: page chrome, a photo credit, claims
# of several kinds and the outlet's own "could not verify".
OWN_ARTICLE = Path(__file__).with_name("articles") / "marren-dam-floodgate.txt"
OWN_ARTICLE_TITLE = "Floodgate at Marren dam jammed during storm, Valley Water Authority claims"
TEST_DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite://")
PASSWORD = "correct horse battery"
# Every sign-in checks a hash: a cheap method keeps the suite fast (verify itself uses scrypt).
FAST_PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
# Hashing once keeps the suite fast too; every user shares this password.
PASSWORD_HASH = generate_password_hash(PASSWORD, FAST_PASSWORD_HASH_METHOD)


def forget_signed_in_user(sender, **extra):
    """Tests share one app context across requests, so drop Flask-Login's cached user."""
    g.pop("_login_user", None)


@pytest.fixture
def app():
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "DATABASE_URL": TEST_DATABASE_URL,
            "PASSWORD_HASH_METHOD": FAST_PASSWORD_HASH_METHOD,
        }
    )
    request_started.connect(forget_signed_in_user, app)
    yield from with_fresh_schema(app)


def with_fresh_schema(app):
    """Yield the app inside its context on an empty schema; drop it afterwards."""
    with app.app_context():
        db.drop_all()
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def make_user(username: str, role: str) -> User:
    user = User(username=username, role=role, password_hash=PASSWORD_HASH)
    db.session.add(user)
    db.session.commit()
    return user


def make_token(username: str, role: str) -> str:
    token = make_user(username, role).issue_token()
    db.session.commit()
    return token


@pytest.fixture
def auth_header(app):
    """Build an Authorization header for a new user of the given role."""
    created = {}

    def header(role: str = "fact-checker") -> dict:
        if role not in created:
            created[role] = make_token(f"{role}-user", role)
        return {"Authorization": f"Bearer {created[role]}"}

    return header


@pytest.fixture
def sign_in(client):
    """Sign a browser session in as a new user of the given role."""

    def sign_in_as(role: str = "fact-checker", username: str | None = None):
        username = username or f"{role}-web"
        make_user(username, role)
        response = client.post("/sign-in", data={"username": username, "password": PASSWORD})
        assert response.status_code == 302
        return client

    return sign_in_as


SHORT_ARTICLE = {
    "title": "Council approves budget, mayor says",
    "body": (
        "Council approves budget, mayor says\n\n"
        '"This budget protects every school in the city," Mayor Ana Ruiz said on Monday.\n\n'
        "The opposition claimed that the plan would raise taxes next year.\n"
    ),
    "outlet": "Test Gazette",
}


@pytest.fixture
def article(client, auth_header):
    """Post SHORT_ARTICLE through the API and return its JSON."""
    response = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header())
    assert response.status_code == 201, response.get_json()
    return response.get_json()
