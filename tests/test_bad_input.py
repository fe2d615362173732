"""Input no database can store or no parser can read is a 4xx naming it, never a 500."""

import io
import time

import pytest

from tests.workspace_support import api_claim, correction_data, events, review_data
from verify.extensions import db
from verify.models import Article

NUL = "bad\x00value"


@pytest.mark.parametrize("field", ["title", "body", "outlet", "author"])
def test_nul_in_an_api_field_is_422_naming_it(client, auth_header, field):
    article = {"title": "Title", "body": "Body text, the mayor said.", field: NUL}
    response = client.post("/api/articles", json=article, headers=auth_header())
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]
    assert db.session.scalar(db.select(db.func.count(Article.id))) == 0


def test_nul_in_a_patch_note_is_422(client, article, auth_header):
    claim = article["claims"][0]
    response = client.patch(
        f"/api/claims/{claim['id']}",
        json={"note": NUL},
        headers={**auth_header(), "If-Match": str(claim["version"])},
    )
    assert response.status_code == 422 and "note" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("path", ["/api/claims", "/api/articles"])
def test_nul_in_an_api_query_parameter_is_422_naming_it(client, path):
    response = client.get(path, query_string={"source": NUL})
    assert response.status_code == 422
    assert "source" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("path", ["/queue", "/sources", "/reports/unverified", "/"])
def test_nul_in_a_page_query_parameter_is_400(sign_in, path):
    response = sign_in("admin").get(path, query_string={"q": NUL, "outlet": NUL})
    assert response.status_code == 400


def test_nul_in_a_web_form_is_a_form_error(sign_in, article):
    claim = article["claims"][0]
    response = sign_in().post(
        f"/claims/{claim['id']}/review", data=review_data(claim, "verified", NUL)
    )
    assert response.status_code == 422
    assert "NUL" in response.get_data(as_text=True)
    assert api_claim(sign_in("editor"), claim["id"])["note"] is None


def test_nul_in_a_new_article_form_is_a_form_error(sign_in):
    response = sign_in().post("/articles/new", data={"title": "T", "body": NUL})
    assert response.status_code == 200 and "NUL" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Article.id))) == 0


def test_json_nested_2000_deep_is_400(client, auth_header):
    body = "[" * 2000 + "]" * 2000
    for method, path in (("post", "/api/articles"), ("post", "/api/tokens")):
        response = getattr(client, method)(
            path, data=body, content_type="application/json", headers=auth_header()
        )
        assert response.status_code == 400, path


@pytest.mark.parametrize("page", ["99999999999999999999", "100001", "0", "-1", "²", "x"])
@pytest.mark.parametrize("path", ["/", "/queue", "/my-claims", "/sources"])
def test_a_page_out_of_range_is_404_or_400(sign_in, path, page):
    response = sign_in("admin").get(path, query_string={"page": page})
    assert response.status_code in (400, 404)


def test_source_page_out_of_range(sign_in, article):
    client = sign_in("admin")
    source_id = db.session.scalar(db.text("SELECT id FROM sources LIMIT 1"))
    response = client.get(f"/sources/{source_id}", query_string={"page": "9" * 20})
    assert response.status_code == 404


def test_a_date_that_overflows_utc_names_published_at(client, auth_header):
    article = {
        "title": "T",
        "body": "Body, the mayor said.",
        "published_at": "0001-01-01T00:00:00+14:00",
    }
    response = client.post("/api/articles", json=article, headers=auth_header())
    assert response.status_code == 422
    assert "published_at" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("if_match", ["abc", "²", "99999999999999999999", "-1", ""])
def test_a_bad_if_match_is_400(client, article, auth_header, if_match):
    claim = article["claims"][0]
    response = client.patch(
        f"/api/claims/{claim['id']}",
        json={"status": "verified"},
        headers={**auth_header(), "If-Match": if_match},
    )
    assert response.status_code == 400
    assert "If-Match" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("version", ["abc", "²", "99999999999999999999", "-3"])
def test_a_bad_hidden_version_is_a_form_error(sign_in, article, version):
    client = sign_in()
    claim = article["claims"][0]
    review = client.post(
        f"/claims/{claim['id']}/review", data=review_data(claim, "verified", version=version)
    )
    assert review.status_code == 422
    correction = client.post(
        f"/claims/{claim['id']}/correct", data=correction_data(claim, version=version, cue="stated")
    )
    assert correction.status_code == 302
    prefix = f"dismiss-{claim['id']}"
    dismissal = client.post(f"/claims/{claim['id']}/dismiss", data={f"{prefix}-version": version})
    assert dismissal.status_code == 302
    assert api_claim(client, claim["id"])["version"] == claim["version"]


@pytest.mark.parametrize(
    "box", ["abc:1", "99999999999999999999:1", "1:99999999999999999999", "²:1", "1"]
)
def test_a_bad_bulk_claim_box_is_400(sign_in, article, box):
    response = sign_in().post(
        "/queue/bulk", data={"action": "status:verified", "claim": [box], "next": "/queue"}
    )
    assert response.status_code == 400


def test_evidence_is_bounded_the_same_on_the_api_and_the_form(
    client, sign_in, article, auth_header
):
    claim = article["claims"][0]
    links = [{"url": f"https://example.org/{n}"} for n in range(51)]
    api = client.patch(
        f"/api/claims/{claim['id']}",
        json={"evidence": links},
        headers={**auth_header(), "If-Match": str(claim["version"])},
    )
    assert api.status_code == 422 and "evidence" in api.get_json()["error"]["fields"]
    lines = "\n".join(f"https://example.org/{n}" for n in range(80_000))
    form = sign_in().post(
        f"/claims/{claim['id']}/review", data=review_data(claim, "verified", evidence=lines)
    )
    assert form.status_code == 413  # a form past 1 MB is refused before it is decoded
    lines = "\n".join(f"https://example.org/{n}" for n in range(51))
    form = client.post(
        f"/claims/{claim['id']}/review", data=review_data(claim, "verified", evidence=lines)
    )
    assert form.status_code == 422
    long_url = "https://example.org/" + "a" * 2100
    form = sign_in("admin").post(
        f"/claims/{claim['id']}/review", data=review_data(claim, "verified", evidence=long_url)
    )
    assert form.status_code == 422
    assert api_claim(client, claim["id"])["evidence"] == []


def test_evidence_enters_history_only_when_it_changes(client, sign_in, article):
    reviewer = sign_in()
    claim = article["claims"][0]
    reviewer.post(
        f"/claims/{claim['id']}/review",
        data=review_data(claim, "verified", evidence="https://example.org/a A"),
    )
    claim = api_claim(client, claim["id"])
    reviewer.post(
        f"/claims/{claim['id']}/review",
        data=review_data(claim, "disputed", evidence="https://example.org/a"),
    )
    first, second = events(claim["id"], "review")
    assert first.evidence == [{"url": "https://example.org/a", "title": "A"}]
    assert second.evidence is None
    assert api_claim(client, claim["id"])["evidence"] == first.evidence


def test_nul_in_an_uploaded_article_is_a_form_error(sign_in):
    upload = (
        io.BytesIO(b"Port reopens\n\nThe port\x00 is open, the harbour master said.\n"),
        "port.txt",
    )
    response = sign_in().post(
        "/articles/new", data={"file": upload}, content_type="multipart/form-data"
    )
    assert response.status_code == 200 and "looks binary" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Article.id))) == 0


@pytest.mark.parametrize("article_id", ["99999999999999999999", "2147483648", "0"])
def test_an_article_filter_out_of_range_is_dropped(sign_in, article, article_id):
    client = sign_in("admin")
    response = client.get("/queue", query_string={"article": article_id, "status": "all"})
    assert response.status_code == 200
    assert article["claims"][0]["text"] in response.get_data(as_text=True)
    assert client.get("/my-claims", query_string={"article": article_id}).status_code == 200


def test_more_ticked_claims_than_one_query_takes_is_400(sign_in, article):
    claim = article["claims"][0]
    boxes = [f"{claim['id']}:{claim['version']}"] + [f"{n}:1" for n in range(10**6, 10**6 + 2000)]
    client = sign_in()
    response = client.post("/queue/bulk", data={"action": "status:verified", "claim": boxes})
    assert response.status_code == 400
    assert "at most" in response.get_data(as_text=True)
    assert api_claim(client, claim["id"])["status"] == "unverified"


@pytest.mark.parametrize("assignee", ["99999999999999999999", "2147483648", "-1"])
def test_an_assignee_out_of_the_id_range_is_refused(sign_in, article, assignee):
    client = sign_in("editor")
    claim = article["claims"][0]
    one = client.post(f"/claims/{claim['id']}/assign", data={"assign-assignee": assignee})
    every = client.post(
        f"/review/articles/{article['id']}/assign", data={"assign-article-assignee": assignee}
    )
    assert (one.status_code, every.status_code) == (302, 302)
    assert api_claim(client, claim["id"])["version"] == claim["version"]


@pytest.mark.parametrize("assignee", ["99999999999999999999", "2147483648", "²"])
def test_a_bulk_assignee_out_of_the_id_range_is_400(sign_in, article, assignee):
    claim = article["claims"][0]
    response = sign_in("editor").post(
        "/queue/bulk",
        data={"action": f"assign:{assignee}", "claim": [f"{claim['id']}:{claim['version']}"]},
    )
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/sign-in", "/claims/1/review", "/queue/bulk", "/articles/new"])
def test_an_anonymous_body_past_a_megabyte_is_413_before_it_is_decoded(app, client, path):
    # 8 MB of %0A took 1.5 s to decode, for anyone, on any route: CSRF reads every form.
    app.config["WTF_CSRF_ENABLED"] = True
    body = "username=a&password=" + "%0A" * 400_000
    started = time.process_time()
    response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert time.process_time() - started < 0.2


def test_a_signed_in_article_post_may_be_large(sign_in):
    text = "The mayor said the bridge is closed.\n\n" + "The river rose in the night. " * 40_000
    response = sign_in().post("/articles/new", data={"title": "Large", "body": text})
    assert response.status_code == 302
