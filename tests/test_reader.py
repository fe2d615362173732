"""Public article pages: summary, claims marked in place, escaping, no query per claim."""

import re

from tests.newsroom import add_article, claim_specs
from tests.sql_support import statements_sent
from verify.extensions import db

MIXED = [
    {"text": "The bridge opens in May", "source": "Ana Ruiz", "status": "verified"},
    {
        "text": "Tolls will be free",
        "source": "A senior official",
        "source_kind": "anonymous",
        "status": "disputed",
    },
    {
        "text": "Traffic will halve",
        "source": "Someone close to the deal",
        "source_kind": "anonymous",
    },
    {"text": "The cost doubled", "source": "Ana Ruiz", "status": "verified"},
]


def test_article_page_marks_claims_with_badges(client, article):
    page = client.get(f"/articles/{article['id']}").get_data(as_text=True)
    assert page.count('class="claim claim-unverified"') == len(article["claims"])
    assert "Unverified" in page
    assert f"{len(article['claims'])} claims" in page


def test_article_page_sums_up_statuses_and_anonymous_sources(client):
    article = add_article(MIXED)
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert (
        "2 of 4 claims verified · 1 disputed · 1 unverified; 2 rely on anonymous sources"
    ) in page


def test_summary_of_a_single_claim_is_singular(client):
    article = add_article([{"text": "Rates rise", "source": "An aide", "source_kind": "anonymous"}])
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert (
        "0 of 1 claim verified · 0 disputed · 1 unverified; 1 relies on an anonymous source" in page
    )


def test_each_claim_is_marked_in_place_and_links_to_its_page(client):
    article = add_article(MIXED)
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    for claim in article.claims:
        mark = re.search(
            rf'<mark id="text-{claim.id}" class="claim claim-{claim.status}">'
            rf'<a href="/claims/{claim.id}">([^<]*)</a>',
            page,
        )
        assert mark is not None and mark.group(1) == claim.text
    assert page.count('class="badge badge-verified"') >= 2


def test_dismissed_claims_are_not_shown(client):
    article = add_article(
        [{"text": "Visible claim"}, {"text": "A dismissed extraction", "dismissed": True}]
    )
    page = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "Visible claim" in page
    assert '<mark id="text-' in page and page.count("<mark ") == 1
    assert "0 of 1 claim verified" in page


def test_article_text_is_escaped(client, auth_header):
    body = '<script>alert("x")</script> The minister said that <b>taxes</b> would fall.'
    response = client.post(
        "/api/articles", json={"title": "<i>T</i>", "body": body}, headers=auth_header()
    )
    page = client.get(f"/articles/{response.get_json()['id']}").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<i>T</i>" not in page


def test_unknown_page_is_an_html_404(client):
    response = client.get("/articles/99999")
    assert response.status_code == 404 and b"No article with id 99999" in response.data


def article_page_selects(client, claims: int) -> int:
    article = add_article(
        claim_specs(
            claims, source="Ana Ruiz", note="A note", evidence=[{"url": "https://example.org/a"}]
        ),
        title=f"Article with {claims} claims",
    )
    path = f"/articles/{article.id}"
    db.session.expire_all()
    with statements_sent("SELECT") as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_the_article_page_issues_no_query_per_claim(client):
    few, many = article_page_selects(client, 2), article_page_selects(client, 60)
    assert few == many
    assert many <= 3


def test_the_article_page_costs_no_extra_query_per_claim_when_signed_in(sign_in):
    client = sign_in("fact-checker")
    few, many = article_page_selects(client, 2), article_page_selects(client, 40)
    assert few == many
