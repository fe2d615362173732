from datetime import timedelta

import pytest

from verify.dates import now_utc
from verify.extensions import db
from verify.models import ApiToken


def first_claim(article) -> dict:
    return article["claims"][0]


def patch_claim(client, claim, headers, version=None, **changes):
    version = claim["version"] if version is None else version
    return client.patch(
        f"/api/claims/{claim['id']}",
        json=changes,
        headers={**headers, "If-Match": f'"{version}"'},
    )


def test_get_claim_shows_the_public_fields(client, article):
    claim = first_claim(article)
    response = client.get(f"/api/claims/{claim['id']}")
    assert response.status_code == 200
    body = response.get_json()
    expected = {
        "id",
        "article_id",
        "text",
        "source",
        "cue",
        "kind",
        "status",
        "note",
        "evidence",
        "start",
        "end",
        "version",
        "updated_at",
    }
    assert expected <= set(body)
    assert "reviewed_by" not in body and "reviewed_by_id" not in body
    assert body["article_id"] == article["id"]


def test_patch_sets_status_note_and_evidence(client, article, auth_header):
    claim = first_claim(article)
    response = patch_claim(
        client,
        claim,
        auth_header(),
        status="verified",
        note="Matches the video.",
        evidence=[{"url": "https://example.org/video", "title": "Video", "stance": "supports"}],
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["note"]) == ("verified", "Matches the video.")
    assert body["evidence"] == [
        {"url": "https://example.org/video", "title": "Video", "stance": "supports"}
    ]
    assert body["version"] == claim["version"] + 1
    assert response.headers["ETag"] == f'"{body["version"]}"'
    assert client.get(f"/api/claims/{claim['id']}").get_json()["status"] == "verified"


def test_a_stale_version_is_a_conflict_and_changes_nothing(client, article, auth_header):
    claim = first_claim(article)
    assert patch_claim(client, claim, auth_header(), status="verified").status_code == 200
    second = patch_claim(client, claim, auth_header("admin"), status="disputed")
    assert second.status_code == 409
    assert "version" in second.get_json()["error"]["message"]
    assert client.get(f"/api/claims/{claim['id']}").get_json()["status"] == "verified"


def test_patch_needs_if_match(client, article, auth_header):
    claim = first_claim(article)
    response = client.patch(
        f"/api/claims/{claim['id']}", json={"status": "verified"}, headers=auth_header()
    )
    assert response.status_code == 428
    assert "If-Match" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": "true-ish"}, "status"),
        ({"evidence": [{"url": "ftp://example.org/file"}]}, "evidence"),
        ({"evidence": [{"url": "javascript:alert(1)"}]}, "evidence"),
        ({"evidence": [{"url": "https://example.org", "stance": "maybe"}]}, "evidence"),
        ({"evidence": "https://example.org"}, "evidence"),
    ],
)
def test_invalid_changes_name_the_field(client, article, auth_header, changes, field):
    response = patch_claim(client, first_claim(article), auth_header(), **changes)
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_editors_may_not_change_statuses(client, article, auth_header):
    response = patch_claim(client, first_claim(article), auth_header("editor"), status="verified")
    assert response.status_code == 403


def test_anonymous_may_not_change_statuses(client, article):
    response = patch_claim(client, first_claim(article), {}, status="verified")
    assert response.status_code == 401


@pytest.mark.parametrize("problem", ["revoked", "expired"])
def test_revoked_and_expired_tokens_are_refused(client, article, auth_header, problem):
    headers = auth_header()
    token = db.session.scalars(db.select(ApiToken)).one()
    if problem == "revoked":
        token.revoked_at = now_utc()
    else:
        token.expires_at = now_utc() - timedelta(minutes=1)
    db.session.commit()
    response = patch_claim(client, first_claim(article), headers, status="verified")
    assert response.status_code == 401


def test_history_keeps_every_change(client, article, auth_header):
    claim = first_claim(article)
    patch_claim(client, claim, auth_header(), status="disputed", note="Contradicted.")
    patch_claim(
        client,
        claim,
        auth_header(),
        version=claim["version"] + 1,
        status="verified",
        note="New footage.",
    )
    history = client.get(f"/api/claims/{claim['id']}/history").get_json()
    assert [(e["from_status"], e["to_status"]) for e in history] == [
        (None, "unverified"),
        ("unverified", "disputed"),
        ("disputed", "verified"),
    ]
    assert history[-1]["note"] == "New footage."
    assert "user_id" not in history[-1]


def test_list_claims_filters(client, article, auth_header):
    claim = first_claim(article)
    patch_claim(client, claim, auth_header(), status="verified")
    verified = client.get("/api/claims?status=verified").get_json()
    assert [c["id"] for c in verified] == [claim["id"]]
    by_article = client.get(f"/api/claims?article={article['id']}").get_json()
    assert len(by_article) == len(article["claims"])
    by_source = client.get("/api/claims?source=ruiz").get_json()
    assert by_source and all(c["source"] == "Ana Ruiz" for c in by_source)
    bad = client.get("/api/claims?status=maybe")
    assert bad.status_code == 422 and "status" in bad.get_json()["error"]["fields"]


def test_list_claims_is_paginated(client, article):
    response = client.get("/api/claims?page=1&page_size=1")
    assert len(response.get_json()) == 1
    assert f'"total": {len(article["claims"])}' in response.headers["X-Pagination"]


def test_unknown_claim_is_a_404(client):
    assert client.get("/api/claims/424242").status_code == 404
    assert client.get("/api/claims/424242/history").status_code == 404
