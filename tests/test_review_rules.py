"""Each review rule has one home: the service, whatever the caller."""

import re
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from tests.workspace_support import HTMX, api_claim, correction_data, events, review_data
from verify.extensions import db

VERIFY = Path(__file__).resolve().parent.parent / "verify"


def patch(client, claim, headers, **changes):
    return client.patch(
        f"/api/claims/{claim['id']}",
        json=changes,
        headers={**headers, "If-Match": str(claim["version"])},
    )


def test_a_patch_that_changes_nothing_keeps_version_and_history(client, article, auth_header):
    claim = article["claims"][0]
    for body in ({}, {"status": "unverified"}, {"note": "  "}, {"evidence": []}):
        response = patch(client, claim, auth_header(), **body)
        assert response.status_code == 200, body
        assert response.get_json()["version"] == claim["version"]
    assert events(claim["id"], "review") == []


def test_a_form_save_that_changes_nothing_keeps_version_and_history(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    response = client.post(
        f"/claims/{claim['id']}/review",
        data=review_data(claim, "unverified", "   "),
        follow_redirects=True,
    )
    assert "nothing to save" in response.get_data(as_text=True)
    assert api_claim(client, claim["id"])["version"] == claim["version"]
    assert events(claim["id"], "review") == []


def test_the_service_trims_notes_for_the_api_too(client, article, auth_header):
    claim = article["claims"][0]
    response = patch(client, claim, auth_header(), note="  Checked.  \n")
    assert response.get_json()["note"] == "Checked."


def test_a_dismissed_claim_cannot_be_reviewed(client, sign_in, article, auth_header):
    reviewer = sign_in()
    claim = article["claims"][0]
    reviewer.post(
        f"/claims/{claim['id']}/dismiss",
        data={f"dismiss-{claim['id']}-version": str(claim["version"])},
    )
    dismissed = {**claim, "version": claim["version"] + 1}
    assert patch(client, dismissed, auth_header(), status="verified").status_code == 404
    form = reviewer.post(f"/claims/{claim['id']}/review", data=review_data(dismissed, "verified"))
    assert form.status_code == 409
    assert "restore it" in form.get_data(as_text=True)
    fragment = reviewer.post(
        f"/claims/{claim['id']}/review", headers=HTMX, data=review_data(dismissed, "verified")
    )
    assert fragment.status_code == 409 and "restore it" in fragment.get_data(as_text=True)
    assert events(claim["id"], "review") == []


def test_bulk_status_applies_the_rest_when_one_claim_is_saved_meanwhile(app, sign_in, article):
    """Someone saves the second claim while the batch runs: it is named, the rest change."""
    client = sign_in()
    first, second, third = article["claims"]
    raced = {"done": False}

    def someone_saves_second(session, flush_context, instances):
        dirty = {getattr(obj, "id", None) for obj in session.dirty}
        if second["id"] in dirty and not raced["done"]:
            raced["done"] = True
            session.connection().execute(
                text("UPDATE claims SET version = version + 1 WHERE id = :id"), {"id": second["id"]}
            )

    event.listen(Session, "before_flush", someone_saves_second)
    try:
        boxes = [f"{c['id']}:{c['version']}" for c in (first, second, third)]
        response = client.post(
            "/queue/bulk",
            data={"action": "status:verified", "claim": boxes, "next": "/queue"},
            follow_redirects=True,
        )
    finally:
        event.remove(Session, "before_flush", someone_saves_second)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "2 claim(s) set to verified" in page and f"#{second['id']}" in page
    statuses = [api_claim(client, c["id"])["status"] for c in (first, second, third)]
    assert statuses == ["verified", "unverified", "verified"]


def test_claims_and_events_are_made_in_one_place():
    pattern = re.compile(r"(?<!class )\b(?:Claim|ClaimEvent)\(|\binsert\((?:Claim|ClaimEvent)\)")
    for path in VERIFY.rglob("*.py"):
        if path.name == "history.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert not pattern.search(source), path


def test_hand_added_and_extracted_claims_start_the_same_way(sign_in, article):
    client = sign_in()
    body_claim = "the plan would raise taxes next year"
    client.post(
        f"/review/articles/{article['id']}/claims",
        data={"new-text": body_claim, "new-kind": "reported", "new-cue": "claimed"},
    )
    created = db.session.scalars(
        db.select(db.text("action"))
        .select_from(db.text("claim_events"))
        .where(db.text("action = 'created'"))
    ).all()
    assert len(created) == len(article["claims"]) + 1


def test_web_corrections_load_through_the_schema(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    long_cue = client.post(
        f"/claims/{claim['id']}/correct",
        data=correction_data(claim, cue="x" * 101),
        follow_redirects=True,
    )
    assert "Longer than maximum length 100" in long_cue.get_data(as_text=True)
    assert events(claim["id"], "correction") == []


def test_new_article_form_loads_through_the_article_schema(sign_in):
    response = sign_in().post(
        "/articles/new", data={"title": "T", "body": "Body, he said.", "url": "javascript:alert(1)"}
    )
    assert "Must be an http(s) URL." in response.get_data(as_text=True)
