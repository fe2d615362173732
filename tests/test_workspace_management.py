"""The workspace: corrections, assignment, bulk actions, sources, uploads and users."""

import io
import json

import pytest

from tests.conftest import SHORT_ARTICLE, make_user
from tests.extraction_support import CONTRACT
from tests.workspace_support import api_claim, correction_data, events, review_data
from verify.extensions import db
from verify.models import Claim, User

# ---- corrections ----


def test_correcting_span_source_and_kind_is_recorded(sign_in, article):
    client = sign_in()
    claim = article["claims"][2]
    data = correction_data(
        claim,
        text="the plan would raise taxes",
        source="Opposition leaders",
        source_kind="person",
        kind="reported",
    )
    response = client.post(f"/claims/{claim['id']}/correct", data=data, follow_redirects=True)
    assert "corrected" in response.get_data(as_text=True)
    saved = api_claim(client, claim["id"])
    body = SHORT_ARTICLE["body"]
    assert saved["text"] == "the plan would raise taxes"
    assert body[saved["start"] : saved["end"]] == saved["text"]
    assert saved["source"] == "Opposition leaders"
    [event] = events(claim["id"], "correction")
    assert event.changes["text"][1] == "the plan would raise taxes"
    assert event.changes["source"] == [claim["source"], "Opposition leaders"]


def test_a_correction_to_text_not_in_the_article_is_refused(sign_in, article):
    client = sign_in()
    claim = article["claims"][2]
    response = client.post(
        f"/claims/{claim['id']}/correct",
        data=correction_data(claim, text="words that are nowhere"),
        follow_redirects=True,
    )
    assert "is not in the article text" in response.get_data(as_text=True)
    assert api_claim(client, claim["id"])["text"] == claim["text"]


def test_a_missed_claim_is_added_from_selected_text(sign_in, auth_header):
    client = sign_in()
    body = "Taxes will fall.\n\nThe mayor spoke at noon and repeated it:\n\nTaxes will fall.\n"
    article = client.post(
        "/api/articles", json={"title": "Noon", "body": body}, headers=auth_header()
    ).get_json()
    start = body.rindex("Taxes will fall")  # the second of two identical sentences
    response = client.post(
        f"/review/articles/{article['id']}/claims",
        data={
            "new-text": "Taxes will fall.",
            "new-start": str(start),
            "new-source": "The mayor",
            "new-source_kind": "official",
            "new-cue": "repeated",
            "new-kind": "reported",
        },
    )
    assert response.status_code == 302
    claim = db.session.scalar(db.select(Claim).where(Claim.origin == "manual"))
    assert (claim.start, claim.end) == (start, start + len("Taxes will fall."))
    # "The mayor" is the source the extractor may already know as "mayor": one source, not two.
    assert claim.source.name.lower().endswith("mayor") and claim.status == "unverified"
    assert body[claim.cue_start : claim.cue_end] == "repeated"
    assert body[claim.source_start : claim.source_end] == "The mayor"
    assert [event.action for event in events(claim.id, "created")] == ["created"]


def test_dismissed_claims_leave_the_reader_page_but_keep_their_history(client, sign_in, article):
    reviewer = sign_in()
    claim = article["claims"][1]
    reviewer.post(
        f"/claims/{claim['id']}/dismiss",
        data={
            f"dismiss-{claim['id']}-reason": "An opinion, not a claim.",
            f"dismiss-{claim['id']}-version": str(claim["version"]),
        },
    )
    reader = client.get(f"/articles/{article['id']}").get_data(as_text=True)
    assert f'id="text-{claim["id"]}"' not in reader
    assert client.get(f"/api/claims/{claim['id']}").status_code == 404
    [event] = events(claim["id"], "dismissal")
    assert event.note == "An opinion, not a claim."
    review = reviewer.get(f"/review/articles/{article['id']}?claim={claim['id']}")
    assert "Dismissed as not a claim" in review.get_data(as_text=True)
    reviewer.post(
        f"/claims/{claim['id']}/restore",
        data={f"dismiss-{claim['id']}-version": str(claim["version"] + 1)},
    )
    assert client.get(f"/api/claims/{claim['id']}").status_code == 200


def test_export_corrections_prints_extract_lines(sign_in, article, runner, tmp_path):
    client = sign_in()
    _, fixed, dismissed = article["claims"]
    client.post(
        f"/claims/{fixed['id']}/correct",
        data=correction_data(fixed, text="This budget protects every school"),
    )
    client.post(
        f"/claims/{dismissed['id']}/dismiss",
        data={f"dismiss-{dismissed['id']}-version": str(dismissed["version"])},
    )
    result = runner.invoke(args=["claims", "export-corrections", "--texts", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [line] = [json.loads(text) for text in result.stdout.splitlines()]
    text = (tmp_path / f"article-{article['id']}.txt").read_text(encoding="utf-8")
    assert line["file"] == str(tmp_path / f"article-{article['id']}.txt")
    assert len(line["claims"]) == len(article["claims"]) - 1
    [claim] = [item for item in line["claims"] if item["text"].startswith("This budget")]
    assert CONTRACT <= set(claim)
    assert (
        text[claim["start"] : claim["end"]] == claim["text"] == "This budget protects every school"
    )
    assert [item["text"] for item in line["dismissed"]] == [dismissed["text"]]


def test_export_corrections_is_empty_without_corrections(article, runner):
    result = runner.invoke(args=["claims", "export-corrections"])
    assert result.exit_code == 0 and result.stdout == ""


def test_editors_cannot_correct_or_dismiss(sign_in, article):
    client = sign_in("editor")
    claim = article["claims"][0]
    assert (
        client.post(f"/claims/{claim['id']}/correct", data=correction_data(claim)).status_code
        == 403
    )
    assert client.post(f"/claims/{claim['id']}/dismiss", data={}).status_code == 403
    assert client.post(f"/review/articles/{article['id']}/claims", data={}).status_code == 403


# ---- assignment and bulk actions ----


def test_editor_assigns_a_claim_and_the_fact_checker_sees_it(client, sign_in, article):
    checker = make_user("maria", "fact-checker")
    editor = sign_in("editor")
    claim = article["claims"][0]
    editor.post(f"/claims/{claim['id']}/assign", data={"assign-assignee": str(checker.id)})
    editor.post("/sign-out")
    client.post("/sign-in", data={"username": "maria", "password": "correct horse battery"})
    page = client.get("/my-claims").get_data(as_text=True)
    assert f"pick-{claim['id']}" in page
    assert f"pick-{article['claims'][1]['id']}" not in page
    [event] = events(claim["id"], "assignment")
    assert event.changes == {"assigned_to": [None, "maria"]}


def test_editor_assigns_a_whole_article(sign_in, article):
    checker = make_user("maria", "fact-checker")
    editor = sign_in("editor")
    editor.post(
        f"/review/articles/{article['id']}/assign",
        data={"assign-article-assignee": str(checker.id)},
    )
    assigned = db.session.scalars(db.select(Claim.assigned_to_id)).all()
    assert assigned == [checker.id] * len(article["claims"])


def test_claims_go_only_to_active_reviewers(sign_in, article):
    other_editor = make_user("eddie", "editor")
    editor = sign_in("editor")
    claim = article["claims"][0]
    response = editor.post(
        f"/claims/{claim['id']}/assign",
        data={"assign-assignee": str(other_editor.id)},
        follow_redirects=True,
    )
    assert "is not an active fact-checker or admin" in response.get_data(as_text=True)
    assert db.session.get(Claim, claim["id"]).assigned_to_id is None


def test_fact_checkers_cannot_assign(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    assert (
        client.post(f"/claims/{claim['id']}/assign", data={"assign-assignee": "0"}).status_code
        == 403
    )


def bulk_data(action, *claims, version=None):
    return {
        "action": action,
        "next": "/queue",
        "claim": [f"{c['id']}:{c['version'] if version is None else version}" for c in claims],
    }


def test_bulk_status_skips_claims_changed_since_the_page_loaded(sign_in, article):
    client = sign_in()
    first, second, _ = article["claims"]
    client.post(f"/claims/{second['id']}/review", data=review_data(second, "disputed", "Hm."))
    response = client.post(
        "/queue/bulk", data=bulk_data("status:verified", first, second), follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert "1 claim(s) set to verified" in page and f"#{second['id']}" in page
    assert api_claim(client, first["id"])["status"] == "verified"
    assert api_claim(client, second["id"])["status"] == "disputed"


def test_bulk_assign_needs_an_editor_or_admin(sign_in, article):
    checker = make_user("maria", "fact-checker")
    claims = article["claims"]
    fact_checker = sign_in()
    response = fact_checker.post("/queue/bulk", data=bulk_data(f"assign:{checker.id}", *claims))
    assert response.status_code == 403
    admin = sign_in("admin")
    admin.post("/queue/bulk", data=bulk_data(f"assign:{checker.id}", *claims))
    assert db.session.scalars(db.select(Claim.assigned_to_id)).all() == [checker.id] * 3


def test_bulk_without_a_selection_says_so(sign_in, article):
    response = sign_in().post(
        "/queue/bulk", data={"action": "status:verified", "next": "/queue"}, follow_redirects=True
    )
    assert "Tick at least one claim" in response.get_data(as_text=True)


# ---- sources ----


def test_sources_page_counts_each_sources_claims_by_status(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/review", data=review_data(claim, "verified"))
    page = client.get("/sources").get_data(as_text=True)
    assert claim["source"] in page
    source_id = db.session.get(Claim, claim["id"]).source_id
    detail = client.get(f"/sources/{source_id}?status=verified").get_data(as_text=True)
    assert claim["text"][:20].replace('"', "&#34;") in detail
    unverified = client.get(f"/sources/{source_id}?status=unverified").get_data(as_text=True)
    assert "No unverified claims from this source." in unverified


# ---- adding articles ----


@pytest.mark.parametrize(
    "name, content",
    [
        ("port.txt", 'Port reopens\n\n"The port is open again," the harbour master said.\n'),
        (
            "port.html",
            '<html><body><article><h1>Port reopens</h1><p>"The port is open again," '
            "the harbour master said on Friday after a week of strikes that had "
            "closed every berth.</p></article></body></html>",
        ),
    ],
)
def test_an_uploaded_file_becomes_an_article(sign_in, name, content):
    client = sign_in()
    response = client.post(
        "/articles/new",
        data={"file": (io.BytesIO(content.encode()), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "The port is open again" in page
    assert "claim claim-unverified" in page


def test_an_upload_of_another_kind_is_refused(sign_in):
    response = sign_in().post(
        "/articles/new",
        data={"file": (io.BytesIO(b"%PDF-1.4"), "port.pdf")},
        content_type="multipart/form-data",
    )
    assert "Upload a .txt or .html file." in response.get_data(as_text=True)


# ---- users ----


def test_admin_adds_a_user_and_changes_a_role(sign_in):
    admin = sign_in("admin")
    admin.post(
        "/admin/users",
        data={"username": "maria", "role": "fact-checker", "password": "long enough passphrase"},
    )
    maria = db.session.scalar(db.select(User).where(User.username == "maria"))
    assert maria.role == "fact-checker" and maria.check_password("long enough passphrase")
    admin.post(
        f"/admin/users/{maria.id}",
        data={f"user-{maria.id}-role": "editor", f"user-{maria.id}-active": "y"},
    )
    db.session.refresh(maria)
    assert maria.role == "editor" and maria.active


def test_admin_sees_why_a_user_was_not_added(sign_in):
    admin = sign_in("admin")
    response = admin.post(
        "/admin/users", data={"username": "maria", "role": "editor", "password": "short"}
    )
    assert response.status_code == 422
    assert "at least 12 characters" in response.get_data(as_text=True)


def test_admin_cannot_lock_themselves_out(sign_in):
    admin = sign_in("admin", username="boss")
    me = db.session.scalar(db.select(User).where(User.username == "boss"))
    response = admin.post(
        f"/admin/users/{me.id}", data={f"user-{me.id}-role": "editor"}, follow_redirects=True
    )
    assert "cannot change your own role" in response.get_data(as_text=True)
    db.session.refresh(me)
    assert me.role == "admin" and me.active


def test_a_switched_off_user_cannot_sign_in(client, sign_in):
    admin = sign_in("admin")
    maria = make_user("maria", "fact-checker")
    admin.post(f"/admin/users/{maria.id}", data={f"user-{maria.id}-role": "fact-checker"})
    admin.post("/sign-out")
    response = client.post(
        "/sign-in", data={"username": "maria", "password": "correct horse battery"}
    )
    assert response.status_code == 200
    assert "This account is switched off" in response.get_data(as_text=True)
