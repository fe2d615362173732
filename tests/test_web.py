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
    page = client.post(
        "/sign-in", data={"username": "ana", "password": PASSWORD}, follow_redirects=True
    )
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


def test_fact_checker_sets_a_status_with_a_note(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    response = client.post(
        f"/claims/{claim['id']}/review",
        data=claim_form(claim, "verified", "Seen on video."),
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "saved as verified" in page
    assert "Seen on video." in page
    assert client.get(f"/api/claims/{claim['id']}").get_json()["status"] == "verified"


def test_second_save_on_a_stale_version_shows_the_conflict(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/review", data=claim_form(claim, "verified", "First."))
    page = client.post(
        f"/claims/{claim['id']}/review",
        data=claim_form(claim, "disputed", "Second."),
        follow_redirects=True,
    ).get_data(as_text=True)
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
    page = client.post(
        "/articles/new",
        data={
            "title": "Port reopens",
            "body": '"The port is open again," the harbour master said on Friday.',
        },
        follow_redirects=True,
    ).get_data(as_text=True)
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


def test_a_review_form_missing_optional_fields_still_saves(sign_in, article):
    client = sign_in()
    claim = article["claims"][0]
    prefix = f"claim-{claim['id']}"
    response = client.post(
        f"/claims/{claim['id']}/review",
        data={f"{prefix}-status": "disputed", f"{prefix}-version": str(claim["version"])},
    )
    assert response.status_code in (200, 302)
    assert client.get(f"/api/claims/{claim['id']}").get_json()["status"] == "disputed"
