"""What the public sees of a claim: the same on the API as on the claim page."""

from tests.conftest import make_user
from tests.workspace_support import review_data


def dismiss_and_restore(reviewer, claim, reason):
    prefix = f"dismiss-{claim['id']}"
    reviewer.post(
        f"/claims/{claim['id']}/dismiss",
        data={f"{prefix}-reason": reason, f"{prefix}-version": str(claim["version"])},
    )
    reviewer.post(
        f"/claims/{claim['id']}/restore", data={f"{prefix}-version": str(claim["version"] + 1)}
    )


def staffed_history(client, sign_in, article):
    """Assign, review with a note, dismiss with a reason and restore the first claim."""
    claim = article["claims"][0]
    maria = make_user("maria-assignee", "fact-checker")
    admin = sign_in("admin", "admin-web")
    admin.post(f"/claims/{claim['id']}/assign", data={"assign-assignee": str(maria.id)})
    claim = client.get(f"/api/claims/{claim['id']}").get_json()
    dismiss_and_restore(admin, claim, "Secret internal reason")
    claim = client.get(f"/api/claims/{claim['id']}").get_json()
    admin.post(f"/claims/{claim['id']}/review", data=review_data(claim, "verified", "Public note"))
    return claim


def test_anonymous_history_names_nobody_and_hides_internal_events(app, sign_in, article):
    claim = staffed_history(app.test_client(), sign_in, article)
    anonymous = app.test_client()
    response = anonymous.get(f"/api/claims/{claim['id']}/history")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "maria-assignee" not in text and "Secret internal reason" not in text
    history = response.get_json()
    assert {event["action"] for event in history} <= {"created", "review", "correction"}
    assert [e["note"] for e in history if e["action"] == "review"] == ["Public note"]
    assert all("dismissed" not in (event["changes"] or {}) for event in history)
    assert "Authorization" in response.headers["Vary"]


def test_staff_see_the_full_history(app, sign_in, article, auth_header):
    claim = staffed_history(app.test_client(), sign_in, article)
    by_token = app.test_client().get(
        f"/api/claims/{claim['id']}/history", headers=auth_header("editor")
    )
    actions = [event["action"] for event in by_token.get_json()]
    assert {"assignment", "dismissal"} <= set(actions)
    assert "maria-assignee" in by_token.get_data(as_text=True)
    by_session = sign_in("editor").get(f"/api/claims/{claim['id']}/history")
    assert "Secret internal reason" in by_session.get_data(as_text=True)


def test_dismissed_claims_are_not_found_by_the_public(app, sign_in, article):
    claim = article["claims"][1]
    sign_in().post(
        f"/claims/{claim['id']}/dismiss",
        data={f"dismiss-{claim['id']}-version": str(claim["version"])},
    )
    public = app.test_client()
    for path in (
        f"/api/claims/{claim['id']}",
        f"/api/claims/{claim['id']}/history",
        f"/claims/{claim['id']}",
        f"/badges/claims/{claim['id']}.svg",
        f"/badges/claims/{claim['id']}.json",
    ):
        assert public.get(path).status_code == 404, path
    oembed = public.get("/oembed", query_string={"url": f"http://localhost/claims/{claim['id']}"})
    assert oembed.status_code == 404
    listed = public.get(f"/api/claims?article={article['id']}").get_json()
    assert claim["id"] not in [item["id"] for item in listed]
