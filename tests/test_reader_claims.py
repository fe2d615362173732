"""The public claim page, its ClaimReview JSON-LD and the oEmbed endpoint."""

import json
import re
from datetime import date, datetime, timedelta

import pytest

from tests.newsroom import add_article
from verify.dates import now_utc
from verify.extensions import db
from verify.models import ClaimEvent, User

EVIDENCE = [
    {
        "url": "https://records.example.org/minutes",
        "title": "Council minutes",
        "excerpt": "The vote passed 7 to 2.",
        "stance": "supports",
    },
    {"url": "https://news.example.org/denial", "stance": "contradicts"},
]
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def review(client, auth_header, claim_id, **changes):
    version = client.get(f"/api/claims/{claim_id}").get_json()["version"]
    response = client.patch(
        f"/api/claims/{claim_id}", json=changes, headers={**auth_header(), "If-Match": str(version)}
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def json_ld(page: str) -> list[dict]:
    return [json.loads(block) for block in LD_JSON.findall(page)]


def assert_valid_claim_review(data: dict) -> None:
    """The fields schema.org and Google's Fact Check Explorer require of a ClaimReview."""
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["url"].startswith("http://localhost/claims/")
    assert 0 < len(data["claimReviewed"]) < 75
    rating = data["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert data["author"]["@type"] == "Organization" and data["author"]["name"]
    date.fromisoformat(data["datePublished"])
    item = data["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    assert item["appearance"]["url"].startswith("http")
    date.fromisoformat(item["datePublished"])


@pytest.fixture
def quoted(app):
    """An article with one claim by a named person, published on 2 March 2026."""
    return add_article(
        [{"text": '"Every school gets a new roof this year"', "source": "Ana Ruiz"}],
        title="Schools budget",
        outlet="Harbour Times",
        url="https://harbour.example/schools",
        published_at=datetime(2026, 3, 2, 9, 30),
    ).claims[0]


def test_claim_page_shows_the_claim_in_its_sentence_with_evidence(client, auth_header, quoted):
    review(
        client,
        auth_header,
        quoted.id,
        status="verified",
        note="Checked the minutes.",
        evidence=EVIDENCE,
    )
    page = client.get(f"/claims/{quoted.id}").get_data(as_text=True)
    assert (
        '<mark class="claim claim-verified">&#34;Every school gets a new roof this year&#34;'
        "</mark>, Ana Ruiz said."
    ) in page
    assert "Ana Ruiz" in page and "(person)" in page
    assert "Checked the minutes." in page
    for text in (
        "https://records.example.org/minutes",
        "Council minutes",
        "The vote passed 7 to 2.",
        "supports",
        "https://news.example.org/denial",
        "contradicts",
    ):
        assert text in page
    assert "Schools budget" in page and "Harbour Times" in page


def test_claim_page_history_lists_status_changes_and_corrections_without_names(
    client, auth_header, quoted
):
    review(client, auth_header, quoted.id, status="disputed", note="The roofs are not funded.")
    review(client, auth_header, quoted.id, status="verified", note="Funding was found.")
    user = db.session.get(User, 1)
    db.session.add_all(
        [
            ClaimEvent(
                claim_id=quoted.id,
                user=user,
                action="correction",
                to_status="verified",
                changes={"source": ["Ana", "Ana Ruiz"], "start": [3, 0]},
            ),
            ClaimEvent(
                claim_id=quoted.id,
                user=user,
                action="assignment",
                to_status="verified",
                changes={"assigned_to": [None, user.username]},
            ),
        ]
    )
    db.session.commit()
    page = client.get(f"/claims/{quoted.id}").get_data(as_text=True)
    history = page[page.index('id="status-history"') : page.index('id="correction-log"')]
    assert "found in the article, unverified" in history
    assert history.index("unverified → <strong>disputed</strong>") < history.index(
        "disputed → <strong>verified</strong>"
    )
    assert "The roofs are not funded." in history and "Funding was found." in history
    assert f"{now_utc():%d %b %Y}" in history
    log = page[page.index('id="correction-log"') :]
    assert "source: Ana → Ana Ruiz" in log
    assert "start:" not in log and "assigned_to" not in page
    assert user.username not in page and "fact-checker-user" not in page


def test_unverified_claims_carry_no_claim_review(client, quoted):
    page = client.get(f"/claims/{quoted.id}").get_data(as_text=True)
    assert json_ld(page) == []
    assert "No evidence recorded yet." in page and "No corrections." in page


@pytest.mark.parametrize(
    "status, label, value", [("verified", "Verified", 5), ("disputed", "Disputed", 1)]
)
def test_reviewed_claims_carry_a_valid_claim_review(
    client, auth_header, quoted, status, label, value
):
    review(client, auth_header, quoted.id, status=status)
    (data,) = json_ld(client.get(f"/claims/{quoted.id}").get_data(as_text=True))
    assert_valid_claim_review(data)
    assert data["url"] == f"http://localhost/claims/{quoted.id}"
    assert data["claimReviewed"] == "Every school gets a new roof this year"
    assert data["reviewRating"]["alternateName"] == label
    assert data["reviewRating"]["ratingValue"] == value
    assert data["author"]["name"] == "Harbour Times"
    assert data["datePublished"] == now_utc().date().isoformat()
    assert data["itemReviewed"]["author"] == {"@type": "Person", "name": "Ana Ruiz"}
    assert data["itemReviewed"]["appearance"]["url"] == "https://harbour.example/schools"
    assert data["itemReviewed"]["datePublished"] == "2026-03-02"


def test_claim_review_shortens_long_claims_and_credits_unattributed_ones_to_the_outlet(
    client, auth_header
):
    text = (
        "The harbour authority will spend more on dredging the eastern channel than on "
        "every other project combined"
    )
    claim = add_article([{"text": text}], outlet=None).claims[0]
    review(client, auth_header, claim.id, status="disputed")
    (data,) = json_ld(client.get(f"/claims/{claim.id}").get_data(as_text=True))
    assert_valid_claim_review(data)
    assert data["claimReviewed"].endswith("…") and len(data["claimReviewed"]) < 75
    assert text.startswith(data["claimReviewed"][:-1])
    assert data["author"]["name"] == "verify"
    assert data["itemReviewed"]["author"] == {"@type": "Organization", "name": "verify"}
    assert (
        data["itemReviewed"]["appearance"]["url"] == f"http://localhost/articles/{claim.article_id}"
    )


def test_claim_review_json_cannot_close_its_script_tag(client, auth_header):
    text = "</script><script>alert(1)</script> & <!-- more"
    claim = add_article([{"text": text}]).claims[0]
    review(client, auth_header, claim.id, status="verified")
    page = client.get(f"/claims/{claim.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<!-- more" not in page
    (data,) = json_ld(page)
    assert data["claimReviewed"] == text


def test_dismissed_and_unknown_claims_have_no_page(client):
    article = add_article([{"text": "Kept"}, {"text": "Dismissed", "dismissed": True}])
    assert client.get(f"/claims/{article.claims[0].id}").status_code == 200
    response = client.get(f"/claims/{article.claims[1].id}")
    assert response.status_code == 404 and b"No claim with id" in response.data
    assert client.get("/claims/99999").status_code == 404


def test_claim_page_links_its_oembed_and_offers_embed_code(client, quoted):
    page = client.get(f"/claims/{quoted.id}").get_data(as_text=True)
    assert (
        '<link rel="alternate" type="application/json+oembed" '
        f'href="http://localhost/oembed?url=http://localhost/claims/{quoted.id}&amp;format=json"'
    ) in page
    assert f"&lt;img src=&#34;http://localhost/badges/claims/{quoted.id}.svg&#34;" in page


def test_oembed_describes_a_claim_page_as_a_rich_badge(client, quoted):
    url = f"http://localhost/claims/{quoted.id}"
    response = client.get("/oembed", query_string={"url": url, "format": "json"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    data = response.get_json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["provider_name"] == "verify" and data["provider_url"] == "http://localhost/"
    assert (data["width"], data["height"]) == (7 * 5 + 12 + 7 * 10 + 12, 20)
    badge = f"http://localhost/badges/claims/{quoted.id}.svg"
    assert f'<a href="{url}"><img src="{badge}"' in data["html"]
    etag = response.headers["ETag"]
    again = client.get("/oembed", query_string={"url": url}, headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_oembed_scales_to_the_maximum_width(client, quoted):
    data = client.get(
        "/oembed", query_string={"url": f"http://localhost/claims/{quoted.id}", "maxwidth": 64}
    ).get_json()
    assert data["width"] == 64 and data["height"] == 10


@pytest.mark.parametrize(
    "query, status, field",
    [
        ({}, 422, "url"),
        ({"url": "http://localhost/claims/1", "maxwidth": "wide"}, 422, "maxwidth"),
        ({"url": "http://localhost/claims/1", "format": "xml"}, 501, None),
        ({"url": "http://elsewhere.example/claims/1"}, 404, None),
        ({"url": "http://localhost/articles/1"}, 404, None),
        ({"url": "http://localhost/claims/99999"}, 404, None),
        ({"url": "http://localhost/claims/99999999999"}, 404, None),
    ],
)
def test_oembed_refuses_what_it_cannot_embed(client, quoted, query, status, field):
    response = client.get("/oembed", query_string=query)
    assert response.status_code == status
    if field:
        assert field in response.get_json()["error"]["fields"]


def test_claim_review_date_follows_the_last_review(client, auth_header, quoted):
    review(client, auth_header, quoted.id, status="verified")
    quoted.reviewed_at = now_utc() - timedelta(days=3)
    db.session.commit()
    (data,) = json_ld(client.get(f"/claims/{quoted.id}").get_data(as_text=True))
    assert data["datePublished"] == (now_utc() - timedelta(days=3)).date().isoformat()
