"""The fact-checkers' workspace: who sees which page, the queue and the review panel."""

import pytest

from tests.conftest import make_user
from tests.workspace_support import HTMX, api_claim, review_data

# ---- roles on every page ----

STAFF_PAGES = ["/queue", "/my-claims", "/sources", "/articles/new", "/review/articles/1"]


@pytest.mark.parametrize("path", STAFF_PAGES + ["/admin/users"])
def test_workspace_pages_send_anonymous_visitors_to_sign_in(client, article, path):
    response = client.get(path)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("role", ["fact-checker", "editor", "admin"])
def test_every_role_sees_the_staff_pages(sign_in, article, role):
    client = sign_in(role)
    for path in STAFF_PAGES:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("role", ["fact-checker", "editor"])
def test_only_admins_manage_users(sign_in, role):
    client = sign_in(role)
    assert client.get("/admin/users").status_code == 403
    response = client.post(
        "/admin/users", data={"username": "x", "role": "admin", "password": "long enough"}
    )
    assert response.status_code == 403


def test_fact_checkers_start_at_their_claims_and_editors_at_the_queue(client):
    make_user("fc", "fact-checker")
    make_user("ed", "editor")
    for username, start in (("fc", "/my-claims"), ("ed", "/queue")):
        response = client.post(
            "/sign-in", data={"username": username, "password": "correct horse battery"}
        )
        assert response.headers["Location"] == start
        client.post("/sign-out")


def test_sign_in_never_redirects_to_another_site(client):
    make_user("fc", "fact-checker")
    for target in ("//evil.example/", "/\\evil.example/", "https://evil.example/"):
        response = client.post(
            f"/sign-in?next={target}", data={"username": "fc", "password": "correct horse battery"}
        )
        assert "evil" not in response.headers["Location"]
        client.post("/sign-out")


# ---- the queue ----


def test_queue_counts_claims_per_status_and_filters_by_status(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/review", data=review_data(claim, "disputed"))
    page = client.get("/queue").get_data(as_text=True)
    assert f"pick-{claim['id']}" not in page
    assert f"{len(article['claims']) - 1} claims, oldest first" in page
    disputed = client.get("/queue?status=disputed").get_data(as_text=True)
    assert "1 claim, oldest first" in disputed and f"pick-{claim['id']}" in disputed
    every = client.get("/queue?status=all").get_data(as_text=True)
    assert f"{len(article['claims'])} claims, oldest first" in every


def test_queue_text_search_and_outlet_filter(sign_in, article):
    client = sign_in()
    assert "1 claim," in client.get("/queue?q=raise+taxes").get_data(as_text=True)
    assert "0 claims" in client.get("/queue?q=no+such+words").get_data(as_text=True)
    assert "0 claims" in client.get("/queue?outlet=elsewhere").get_data(as_text=True)


def test_queue_is_paginated(sign_in, auth_header):
    client = sign_in()
    body = "\n\n".join(f'"Line {n} is true," the mayor said.' for n in range(60))
    client.post("/api/articles", json={"title": "Many", "body": body}, headers=auth_header())
    first = client.get("/queue").get_data(as_text=True)
    assert "Page 1 of 2" in first
    second = client.get("/queue?page=2").get_data(as_text=True)
    assert second.count('name="claim"') == 10


def test_queue_rows_link_to_the_claim_in_its_article(sign_in, article):
    claim = article["claims"][0]
    page = sign_in().get("/queue").get_data(as_text=True)
    assert f"/review/articles/{article['id']}?claim={claim['id']}#panel" in page
    assert "None" not in page


# ---- the review panel ----


def test_panel_is_a_fragment_for_htmx_and_a_page_otherwise(sign_in, article):
    client = sign_in()
    claim = article["claims"][1]
    fragment = client.get(f"/review/claims/{claim['id']}", headers=HTMX).get_data(as_text=True)
    assert "<html" not in fragment and f'data-claim="{claim["id"]}"' in fragment
    response = client.get(f"/review/claims/{claim['id']}")
    assert response.status_code == 302
    assert f"claim={claim['id']}" in response.headers["Location"]


def test_saving_through_htmx_updates_the_panel_mark_and_counts(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    response = client.post(
        f"/claims/{claim['id']}/review",
        headers=HTMX,
        data=review_data(claim, "verified", "On video."),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Saved as verified." in page
    mark = f'<mark id="text-{claim["id"]}" class="claim claim-verified selected" hx-swap-oob'
    assert mark in page
    assert 'id="claim-summary"' in page and "1 verified" in page
    assert "unverified → <strong>verified</strong>" in page


def test_a_stale_save_shows_both_versions_and_keeps_mine_in_the_form(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/review", data=review_data(claim, "verified", "Theirs."))
    response = client.post(
        f"/claims/{claim['id']}/review", headers=HTMX, data=review_data(claim, "disputed", "Mine.")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else saved this claim first" in page
    assert "Theirs." in page and "Mine." in page
    assert f'value="{claim["version"] + 1}"' in page  # saving again is deliberate
    assert api_claim(client, claim["id"])["note"] == "Theirs."


def test_evidence_lines_take_a_title_and_keep_a_known_stance(sign_in, article, auth_header):
    client = sign_in()
    claim = article["claims"][0]
    client.patch(
        f"/api/claims/{claim['id']}",
        headers={**auth_header(), "If-Match": "1"},
        json={"evidence": [{"url": "https://a.example/x", "stance": "supports"}]},
    )
    data = review_data(
        claim,
        "verified",
        version=2,
        evidence="https://a.example/x Video of the speech\nhttps://b.example/",
    )
    client.post(f"/claims/{claim['id']}/review", data=data)
    evidence = api_claim(client, claim["id"])["evidence"]
    assert evidence == [
        {"url": "https://a.example/x", "title": "Video of the speech", "stance": "supports"},
        {"url": "https://b.example/"},
    ]
