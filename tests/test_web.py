import csv
import io

import pytest

from tests.conftest import PASSWORD, make_user


def claim_form(claim, status, note="", version=None):
    prefix = f"claim-{claim['id']}"
    return {
        f"{prefix}-status": status,
        f"{prefix}-note": note,
        f"{prefix}-evidence": "",
        f"{prefix}-version": str(version if version is not None else claim["version"]),
    }


def test_sign_in_and_out(client):
    make_user("ana", "fact-checker")
    page = client.post("/sign-in", data={"username": "ana", "password": PASSWORD},
                       follow_redirects=True)
    assert b"<h1>My claims</h1>" in page.data
    assert b"Sign out ana" in page.data
    client.post("/sign-out")
    assert client.get("/queue").status_code == 302


def test_wrong_password_says_so_without_naming_users(client):
    make_user("ana", "fact-checker")
    for username in ("ana", "nobody"):
        page = client.post("/sign-in", data={"username": username, "password": "wrong"})
        assert b"Unknown username or wrong password" in page.data


def test_queue_lists_unverified_claims_oldest_first(sign_in, article):
    client = sign_in()
    page = client.get("/queue").get_data(as_text=True)
    texts = [claim["text"][:40] for claim in article["claims"]]
    assert all(text.replace('"', "&#34;")[:20] in page or text[:20] in page for text in texts)
    assert client.get("/queue?source=nobody-at-all").get_data(as_text=True).count("<tr>") == 2


def test_article_page_marks_claims_with_badges(client, article):
    page = client.get(f"/articles/{article['id']}").get_data(as_text=True)
    assert page.count('class="claim claim-unverified"') == len(article["claims"])
    assert "Unverified" in page
    assert f"{len(article['claims'])} claims" in page


def test_article_text_is_escaped(client, auth_header):
    body = '<script>alert("x")</script> The minister said that <b>taxes</b> would fall.'
    response = client.post("/api/articles", json={"title": "<i>T</i>", "body": body},
                           headers=auth_header())
    page = client.get(f"/articles/{response.get_json()['id']}").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<i>T</i>" not in page


def test_fact_checker_sets_a_status_with_a_note(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    response = client.post(f"/claims/{claim['id']}/review",
                           data=claim_form(claim, "verified", "Seen on video."),
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "saved as verified" in page
    assert "Seen on video." in page
    assert client.get(f"/api/claims/{claim['id']}").get_json()["status"] == "verified"


def test_second_save_on_a_stale_version_shows_the_conflict(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/review", data=claim_form(claim, "verified", "First."))
    page = client.post(f"/claims/{claim['id']}/review",
                       data=claim_form(claim, "disputed", "Second."),
                       follow_redirects=True).get_data(as_text=True)
    assert "Someone else saved" in page
    assert "Second." in page
    assert client.get(f"/api/claims/{claim['id']}").get_json()["note"] == "First."


def test_editors_cannot_change_statuses(sign_in, article):
    client = sign_in("editor")
    claim = article["claims"][0]
    response = client.post(f"/claims/{claim['id']}/review", data=claim_form(claim, "verified"))
    assert response.status_code == 403


def test_anonymous_review_is_sent_to_sign_in(client, article):
    claim = article["claims"][0]
    response = client.post(f"/claims/{claim['id']}/review", data=claim_form(claim, "verified"))
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_add_an_article_from_the_ui(sign_in):
    client = sign_in()
    page = client.post("/articles/new", data={
        "title": "Port reopens",
        "body": '"The port is open again," the harbour master said on Friday.',
    }, follow_redirects=True).get_data(as_text=True)
    assert "The port is open again" in page
    assert 'class="claim claim-unverified selected"' in page
    assert 'name="claim-' in page


def test_editors_see_the_review_page_without_review_forms(client, sign_in, article):
    path = f"/review/articles/{article['id']}"
    assert client.get(path).status_code == 302
    page = sign_in("editor").get(path)
    assert page.status_code == 200
    assert 'name="claim-' not in page.get_data(as_text=True)
    assert 'name="assign-assignee"' in page.get_data(as_text=True)


def test_add_article_form_asks_for_text_or_a_file(sign_in):
    page = sign_in().post("/articles/new", data={"title": "", "body": ""})
    assert page.status_code == 200
    assert "Paste the article text or upload a file." in page.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/reports/unverified", "/reports/unverified.csv",
                                  "/reports/unverified.json"])
def test_reports_need_an_editor_or_admin(client, sign_in, auth_header, path):
    assert client.get(path, headers=auth_header("fact-checker")).status_code == 403
    assert client.get(path, headers=auth_header("editor")).status_code == 200
    assert client.get(path, headers=auth_header("admin")).status_code == 200


def test_anonymous_report_page_redirects_and_exports_are_401(client):
    assert client.get("/reports/unverified").status_code == 302
    response = client.get("/reports/unverified.csv")
    assert response.status_code == 401 and response.get_json()["error"]["code"] == 401


def test_csv_and_json_reports_list_unverified_claims(client, article, auth_header):
    headers = auth_header("editor")
    rows = list(csv.DictReader(io.StringIO(
        client.get("/reports/unverified.csv", headers=headers).get_data(as_text=True))))
    assert {int(row["claim_id"]) for row in rows} == {c["id"] for c in article["claims"]}
    data = client.get("/reports/unverified.json?outlet=gazette", headers=headers).get_json()
    assert len(data) == len(article["claims"])
    assert client.get("/reports/unverified.json?outlet=none-such",
                      headers=headers).get_json() == []
    assert client.get("/reports/unverified.json?older_than_days=3",
                      headers=headers).get_json() == []


def test_report_filters_are_validated(client, auth_header):
    response = client.get("/reports/unverified.json?older_than_days=soon",
                          headers=auth_header("editor"))
    assert response.status_code == 422
    assert "older_than_days" in response.get_json()["error"]["fields"]


def test_reviewed_claims_leave_the_report(client, article, auth_header):
    claim = article["claims"][0]
    client.patch(f"/api/claims/{claim['id']}", json={"status": "verified"},
                 headers={**auth_header(), "If-Match": str(claim["version"])})
    data = client.get("/reports/unverified.json", headers=auth_header("editor")).get_json()
    assert claim["id"] not in {row["claim_id"] for row in data}


def test_claim_badge_is_an_svg_with_an_etag(client, article, auth_header):
    claim = article["claims"][0]
    response = client.get(f"/badges/claims/{claim['id']}.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert b"unverified" in response.data
    etag = response.headers["ETag"]
    assert client.get(f"/badges/claims/{claim['id']}.svg",
                      headers={"If-None-Match": etag}).status_code == 304
    client.patch(f"/api/claims/{claim['id']}", json={"status": "disputed"},
                 headers={**auth_header(), "If-Match": str(claim["version"])})
    changed = client.get(f"/badges/claims/{claim['id']}.svg", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and b"disputed" in changed.data


def test_unknown_badge_is_a_404(client):
    assert client.get("/badges/claims/99999.svg").status_code == 404


def test_unknown_page_is_an_html_404(client):
    response = client.get("/articles/99999")
    assert response.status_code == 404 and b"No article with id 99999" in response.data
