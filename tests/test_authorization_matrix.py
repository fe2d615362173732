"""Every registered route, asked by every kind of visitor, answers as its rule says."""

import pytest

from tests.conftest import PASSWORD, SHORT_ARTICLE, make_user
from verify.dates import now_utc
from verify.extensions import db
from verify.models import ApiToken, Source

PUBLIC = ("anonymous", "fact-checker", "editor", "admin")
STAFF = ("fact-checker", "editor", "admin")
REVIEWERS = ("fact-checker", "admin")
EDITORS = ("editor", "admin")
ADMINS = ("admin",)
ROLES = ("fact-checker", "editor", "admin")
TOKEN_ONLY = tuple(f"{role} token only" for role in ROLES)
VISITORS = ("anonymous", "expired session", "revoked token", *ROLES, *TOKEN_ONLY)

RULES = {
    "static": PUBLIC,
    "reader.index": PUBLIC,
    "reader.show_article": PUBLIC,
    "reader.show_claim": PUBLIC,
    "reader.oembed": PUBLIC,
    "badges.claim_badge": PUBLIC,
    "badges.claim_badge_json": PUBLIC,
    "badges.article_badge": PUBLIC,
    "badges.article_badge_json": PUBLIC,
    "api-docs.openapi_json": PUBLIC,
    "api_articles.list_articles": PUBLIC,
    "api_articles.get_article": PUBLIC,
    "api_claims.list_claims": PUBLIC,
    "api_claims.get_claim": PUBLIC,
    "api_claims.claim_history": PUBLIC,
    "api_tokens.create_token": PUBLIC,
    "auth.sign_in": PUBLIC,
    "auth.sign_out": STAFF,
    "auth.change_password": STAFF,
    "api_articles.create_article": STAFF,
    "api_tokens.revoke_current_token": STAFF,
    "api_claims.update_claim": REVIEWERS,
    "articles.new_article": STAFF,
    "queue.queue": STAFF,
    "queue.my_claims": STAFF,
    "queue.bulk": STAFF,
    "sources.index": STAFF,
    "sources.show": STAFF,
    "sources.merge": REVIEWERS,
    "sources.split": REVIEWERS,
    "review.review_article": STAFF,
    "review.claim_panel": STAFF,
    "review.save_review": REVIEWERS,
    "corrections.correct": REVIEWERS,
    "corrections.dismiss": REVIEWERS,
    "corrections.restore": REVIEWERS,
    "corrections.add_claim": REVIEWERS,
    "assign.assign_claim": EDITORS,
    "assign.assign_article": EDITORS,
    "reports.unverified": EDITORS,
    "reports.unverified_csv": EDITORS,
    "reports.unverified_json": EDITORS,
    "reports.unverified_jsonl": EDITORS,
    "reports.dashboard": EDITORS,
    "reports.status_svg": EDITORS,
    "reports.overdue_svg": EDITORS,
    "admin.users": ADMINS,
    "admin.add_user": ADMINS,
    "admin.update": ADMINS,
    "admin.sign_out_everywhere": ADMINS,
    "admin.revoke_tokens": ADMINS,
}


def registered_routes(app) -> list[tuple[str, str, object]]:
    routes = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule.endpoint, method, rule))
    return routes


def test_every_route_has_a_rule(app):
    endpoints = {endpoint for endpoint, _, _ in registered_routes(app)}
    assert endpoints - set(RULES) == set(), "add these routes to RULES"
    assert set(RULES) - endpoints == set(), "these rules name routes that are gone"


@pytest.fixture
def world(client, auth_header):
    """An article with claims, a source and a spare user for routes that need ids."""
    article = client.post("/api/articles", json=SHORT_ARTICLE, headers=auth_header()).get_json()
    return {
        "article_id": article["id"],
        "claim_id": article["claims"][0]["id"],
        "source_id": db.session.scalars(db.select(Source.id)).first(),
        "user_id": make_user("spare", "fact-checker").id,
        "filename": "style.css",
    }


def visitor_client(app, visitor: str, method: str):
    """A test client, and headers, for one kind of visitor."""
    client = app.test_client()
    if visitor == "anonymous":
        return client, {}
    role = "admin" if visitor in ("expired session", "revoked token") else visitor
    role = role.removesuffix(" token only")
    username = f"{visitor.replace(' ', '-')}-{method.lower()}"
    user = make_user(username, role)
    client.post("/sign-in", data={"username": username, "password": PASSWORD})
    token = user.issue_token()
    db.session.commit()
    if visitor == "revoked token":
        db.session.scalars(
            db.select(ApiToken).where(ApiToken.user_id == user.id)
        ).one().revoked_at = now_utc()
        db.session.commit()
        return app.test_client(), {"Authorization": f"Bearer {token}"}
    if visitor in TOKEN_ONLY:
        return app.test_client(), {"Authorization": f"Bearer {token}"}
    return client, {"Authorization": f"Bearer {token}"} if visitor in ROLES else {}


def call(app, client, headers, method, rule, world, visitor):
    path = rule.build({name: world[name] for name in rule.arguments})[1]
    extra = {"If-Match": "1"} if method == "PATCH" else {}
    if rule.rule.startswith("/api/"):
        return client.open(path, method=method, json={}, headers={**headers, **extra})
    # Pages answer a bearer token as they answer the session of the token's holder; a
    # signed-in visitor sends only the session there, so the session is what is checked.
    page_headers = headers if visitor in TOKEN_ONLY or visitor == "revoked token" else {}
    return client.open(path, method=method, data={}, headers=page_headers)


def expire_session(app):
    """Sessions signed with an old key no longer count: the visitor is anonymous again."""
    app.secret_key = "rotated-" + app.secret_key


@pytest.mark.parametrize("endpoint", sorted(RULES))
def test_route_answers_each_visitor_as_its_rule_says(app, world, endpoint):
    allowed = RULES[endpoint]
    original_key = app.secret_key
    for endpoint_name, method, rule in registered_routes(app):
        if endpoint_name != endpoint:
            continue
        for visitor in VISITORS:
            client, headers = visitor_client(app, visitor, method)
            if visitor == "expired session":
                expire_session(app)
            response = call(app, client, headers, method, rule, world, visitor)
            app.secret_key = original_key
            response.close()
            assert_answer(response, visitor, allowed, f"{method} {rule.rule} as {visitor}")


def assert_answer(response, visitor, allowed, label):
    status = response.status_code
    assert status < 500, label
    visitor = visitor.removesuffix(" token only")
    if allowed == PUBLIC or visitor in allowed:
        assert status not in (401, 403), label
        if status == 302:
            assert "/sign-in" not in response.headers["Location"], label
    elif visitor in ROLES:
        assert status == 403, label
    else:
        signed_out = status == 401 or (status == 302 and "/sign-in" in response.headers["Location"])
        assert signed_out, f"{label}: {status}"
