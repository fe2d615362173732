"""Garbage posted to every web form, with a valid CSRF token, is never answered with a 5xx."""

import random
import re

import pytest
from flask import request_started
from sqlalchemy import func, select

from tests.conftest import (
    PASSWORD,
    SHORT_ARTICLE,
    TEST_DATABASE_URL,
    forget_signed_in_user,
    make_token,
    make_user,
    with_fresh_schema,
)
from verify import create_app
from verify.extensions import db
from verify.models import Source
from verify.web import BLUEPRINTS

SEED = 20261130
POSTS_PER_ROUTE = 16
SKIPPED = {"auth.sign_out"}  # it ends the very session the test posts with
CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
FIELDS = (
    "status",
    "note",
    "evidence",
    "version",
    "text",
    "start",
    "source",
    "source_kind",
    "cue",
    "kind",
    "reason",
    "assignee",
    "title",
    "body",
    "url",
    "outlet",
    "author",
    "username",
    "password",
    "role",
    "active",
    "action",
    "claim",
    "next",
    "remember_me",
    "target",
    "name",
)
GARBAGE = (
    "",
    "\x00",
    "a\x00b",
    "-1",
    "0",
    "99999999999999999999",
    "²",
    "1e309",
    "NaN",
    "verified",
    "status:verified",
    "assign:1",
    "1:1",
    "https://example.org/x",
    "javascript:alert(1)",
    "ünïcödé 𝔘 ‮",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "x" * 5000,
    "//evil.example",
    "\r\n\t",
    "null",
    "\n".join(f"https://example.org/{n}" for n in range(200)),
)


@pytest.fixture
def csrf_app():
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": True,
            "SECRET_KEY": "fuzz",
            "DATABASE_URL": TEST_DATABASE_URL,
        }
    )
    request_started.connect(forget_signed_in_user, app)
    yield from with_fresh_schema(app)


def form_routes(app):
    """Every POST route of the web blueprints, found in the URL map."""
    names = {blueprint.name for blueprint in BLUEPRINTS}
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods
        and rule.endpoint.split(".")[0] in names
        and rule.endpoint not in SKIPPED
    ]


def signed_in_admin(app):
    client = app.test_client()
    make_user("fuzz-admin", "admin")
    token = CSRF_INPUT.search(client.get("/sign-in").get_data(as_text=True)).group(1)
    response = client.post(
        "/sign-in", data={"username": "fuzz-admin", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    return client


def garbage_form(rng: random.Random, ids: dict, token: str) -> dict:
    prefixes = [
        "",
        f"claim-{ids['claim_id']}-",
        f"correct-{ids['claim_id']}-",
        f"dismiss-{ids['claim_id']}-",
        "new-",
        "assign-",
        "assign-article-",
    ]
    data = {"csrf_token": token} if rng.random() > 0.1 else {}
    for name in rng.sample(FIELDS, rng.randint(0, len(FIELDS))):
        data[rng.choice(prefixes) + name] = rng.choice(GARBAGE)
    return data


def test_no_form_post_gets_a_5xx(csrf_app):
    client = signed_in_admin(csrf_app)
    token = CSRF_INPUT.search(client.get("/articles/new").get_data(as_text=True)).group(1)
    posted = client.post(
        "/api/articles",
        json=SHORT_ARTICLE,
        headers={"Authorization": "Bearer " + make_token("api", "admin")},
    )
    article = posted.get_json()
    # Admin routes act on another user: signing the fuzzing admin out would end the fuzzing.
    victim = make_user("fuzz-victim", "fact-checker")
    ids = {
        "claim_id": article["claims"][0]["id"],
        "article_id": article["id"],
        "user_id": victim.id,
        "source_id": db.session.scalar(select(func.min(Source.id))),
    }
    rng = random.Random(SEED)
    routes = form_routes(csrf_app)
    assert {"review.save_review", "queue.bulk", "articles.new_article"} <= {
        rule.endpoint for rule in routes
    }
    seen = set()
    for rule in routes:
        path = rule.build({name: ids[name] for name in rule.arguments})[1]
        reached = False
        for _ in range(POSTS_PER_ROUTE):
            response = client.post(path, data=garbage_form(rng, ids, token))
            assert response.status_code < 500, (path, response.status_code)
            seen.add(response.status_code)
            reached |= not refused_before_the_form(response)
        assert reached, f"{path}: every post was refused by CSRF or sign-in"
    assert {200, 302, 400} <= seen


def refused_before_the_form(response) -> bool:
    """A CSRF refusal or a redirect to sign in: the garbage never reached the form."""
    if response.status_code == 302:
        return "/sign-in" in response.headers["Location"]
    return response.status_code == 400 and b"CSRF" in response.data
