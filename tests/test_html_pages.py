"""Real pages in: headline, metadata, legacy encodings and furniture, through ingest and upload."""

import io
import json

import pytest
from sqlalchemy import select

from tests.extraction_support import ingest_file
from verify.extensions import db
from verify.extraction import extract_claims, html_to_text
from verify.extraction.furniture import drop_furniture
from verify.extraction.page_meta import choose_outlet, clean_author, clean_title
from verify.models import Article

HEADLINE = "Bus fares will rise in March, city says"
PARAGRAPHS = [
    "The city council will raise bus fares by ten cents in March, the transport office "
    "said on Monday.",
    "Riders on the northern routes will pay the most, according to the "
    '<a href="/fares">new fare table</a> published with the decision.',
    '"We held the fares for six years and the buses still need drivers," said Mara Lind, '
    "who chairs the transport committee.",
    "Opponents said the rise would hurt students and older riders most.",
]


def news_page(charset_meta: str = '<meta charset="utf-8">', extra_body: str = "") -> str:
    """A page of our own writing with the usual head tags of a news site."""
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f"<html><head>{charset_meta}<title>{HEADLINE} | The Harbour Gazette</title>"
        '<meta property="og:title" content="Bus fares will rise in March, city says">'
        '<meta property="og:site_name" content="The Harbour Gazette">'
        '<meta name="author" content="Jon Ek">'
        '<meta property="article:published_time" content="2026-03-02T09:30:00+00:00">'
        '<link rel="canonical" href="https://gazette.example/city/bus-fares">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/city'>City</a></nav>"
        f"<article><h1>{HEADLINE}</h1>{paragraphs}{extra_body}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def test_ingest_keeps_the_headline_and_the_page_metadata(runner, tmp_path):
    path = tmp_path / "fares.html"
    path.write_text(news_page(), encoding="utf-8")
    article = ingest_file(runner, path)
    assert article.title == HEADLINE
    assert article.body.splitlines()[0] == HEADLINE
    assert article.outlet == "The Harbour Gazette"
    assert article.author == "Jon Ek"
    assert article.url == "https://gazette.example/city/bus-fares"
    assert article.published_at.date().isoformat() == "2026-03-02"
    headline_claims = [c for c in article.claims if c.start < len(HEADLINE)]
    assert headline_claims and headline_claims[0].source.name.lower() == "city"
    for claim in article.claims:
        assert article.body[claim.start : claim.end] == claim.text


def test_metadata_reads_back_through_the_api(runner, client, auth_header, tmp_path):
    path = tmp_path / "fares.html"
    path.write_text(news_page(), encoding="utf-8")
    article_id = ingest_file(runner, path).id
    data = client.get(f"/api/articles/{article_id}", headers=auth_header()).get_json()
    assert data["title"] == HEADLINE and data["outlet"] == "The Harbour Gazette"
    assert data["author"] == "Jon Ek" and data["published_at"].startswith("2026-03-02")


def test_link_text_stays_inside_its_sentence():
    text = html_to_text(news_page())
    assert "according to the new fare table published with the decision." in text


@pytest.mark.parametrize(
    "charset_meta",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        "",
    ],
)
def test_a_windows_1252_page_is_decoded(runner, tmp_path, charset_meta):
    page = news_page(charset_meta, "<p>The café on the quay — open since 1911 — will stay.</p>")
    path = tmp_path / "fares.html"
    path.write_bytes(page.encode("windows-1252"))
    article = ingest_file(runner, path)
    assert "The café on the quay — open since 1911 — will stay." in article.body


def test_a_plain_text_file_stays_strict_utf8(runner, tmp_path):
    path = tmp_path / "fares.txt"
    path.write_bytes("Fares\n\nThe café said prices would rise.".encode("windows-1252"))
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code == 1 and "not UTF-8" in result.output


def test_an_uploaded_windows_1252_page_is_decoded_and_form_fields_win(sign_in):
    page = news_page("", "<p>The café on the quay will stay, its owner said.</p>")
    upload = (io.BytesIO(page.encode("windows-1252")), "fares.html")
    response = sign_in().post(
        "/articles/new",
        data={"file": upload, "outlet": "Gazette Weekly", "title": ""},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    article = db.session.scalars(select(Article)).one()
    assert article.outlet == "Gazette Weekly"
    assert article.author == "Jon Ek" and article.title == HEADLINE
    assert "The café on the quay" in article.body


def test_json_fields_are_kept_as_given(runner, tmp_path):
    path = tmp_path / "fares.json"
    path.write_text(
        json.dumps({"title": "Fares", "body": "Fares rise, the city said.", "outlet": "Gazette"}),
        encoding="utf-8",
    )
    article = ingest_file(runner, path)
    assert (article.title, article.outlet) == ("Fares", "Gazette")


FURNITURE = [
    "Continue Reading",
    "Show all 50",
    "By Jon Ek, City Desk",
    "(See pictures of the new buses.)",
    "VIDEO: Riders react to the news",
    "Image caption A bus at the northern depot",
    "Alma Sten contributed to this report.",
    "Jon Ek is the city reporter for the Harbour Gazette. Write to him at the city desk; "
    "follow him for news of the port.",
    "Source: City transport office",
    "- VIDEO: Riders react to the news",
    "Follow the Gazette on Twitter and Facebook for more city news!",
    "READ the council's full decision:",
]


def test_furniture_lines_are_dropped_and_sentences_kept():
    body = "\n".join([PARAGRAPHS[0], *FURNITURE, PARAGRAPHS[3]])
    assert drop_furniture(body).splitlines() == [PARAGRAPHS[0], PARAGRAPHS[3]]


def test_a_cross_reference_inside_a_paragraph_is_dropped():
    line = "Fares will rise in March. (See the new fare table.) Riders were told on Monday."
    assert drop_furniture(line) == "Fares will rise in March. Riders were told on Monday."


def test_a_list_of_names_is_kept_but_a_closing_sign_off_dropped():
    names = "The candidates are:\n- Jon Ek\n- Alma Sten\nThe vote is on Monday."
    assert drop_furniture(names) == names
    assert drop_furniture(f"{PARAGRAPHS[3]}\n– Jon Ek") == PARAGRAPHS[3]


def test_a_pull_quote_repeating_a_paragraph_is_dropped():
    quote = "We held the fares for six years and the buses still need drivers"
    paragraph = f'"{quote}," said Mara Lind, who chairs the transport committee.'
    assert drop_furniture(f"{paragraph}\n“{quote}”\n{paragraph}") == paragraph


def test_furniture_on_a_page_stays_out_of_the_body_and_the_claims(runner, tmp_path):
    extra = "".join(f"<p>{line}</p>" for line in FURNITURE)
    path = tmp_path / "fares.html"
    path.write_text(news_page(extra_body=extra), encoding="utf-8")
    article = ingest_file(runner, path)
    for line in FURNITURE:
        assert line not in article.body
    assert "Opponents said the rise would hurt students" in article.body


@pytest.mark.parametrize(
    ("headline", "claimed"),
    [
        ("Bus fares will rise in March, city says", True),
        ("Mayor Warns Of Longer Waits On Northern Routes", True),
        ("Driver Attacks Inspector At Northern Depot", False),
        ("United Routes To Lift Night Fares", False),
        # Questioning is an act, not a statement, unless a that-clause follows.
        ("Mayor questions the fairness of the fare vote", False),
        ("Fare vote was rigged, mayor insists", True),
    ],
)
def test_headline_claims_need_a_speech_cue(headline, claimed):
    text = f"{headline}\n\n{PARAGRAPHS[3]}"
    found = [c for c in extract_claims(text) if c.start < len(headline)]
    assert bool(found) == claimed


@pytest.mark.parametrize(
    ("title", "names", "headline"),
    [
        ("Fares rise - CityNews.com", ["CityNews.com"], "Fares rise"),
        ("Fares rise | Transport | The Harbour Gazette", ["The Harbour Gazette"], "Fares rise"),
        (
            "Fares rise - and so do tempers - Jon Ek",
            ["Gazette", "Jon Ek"],
            "Fares rise - and so do tempers",
        ),
        ("Fares rise", ["Gazette"], "Fares rise"),
    ],
)
def test_clean_title_drops_site_and_author_parts(title, names, headline):
    assert clean_title(title, names) == headline


def test_outlet_prefers_a_spelled_out_name_over_a_domain():
    assert choose_outlet("gazette.example", "Fares rise – Harbour Gazette") == "Harbour Gazette"
    assert choose_outlet(None, "Fares rise | Harbour Gazette") == "Harbour Gazette"
    assert choose_outlet("The Harbour Gazette", "Fares rise") == "The Harbour Gazette"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Jon Ek; JON EK", "Jon Ek"),
        ("By Jon Ek and Alma Sten", "Jon Ek and Alma Sten"),
        ("Jon Ek; Gazette", "Jon Ek"),
        ("Gazette Verlag GmbH, Harbourtown", None),
        ("gazette.example", None),
        ("x" * 1000 + " y", None),
    ],
)
def test_clean_author_keeps_people(byline, author):
    assert clean_author(byline, "Gazette") == author


def test_the_visible_headline_wins_over_a_longer_page_title(runner, tmp_path):
    page = news_page().replace(
        '<meta property="og:title" content="Bus fares will rise in March, city says">',
        '<meta property="og:title" content="Bus fares will rise in March, city says - what now?">',
    )
    path = tmp_path / "fares.html"
    path.write_text(page.replace("<h1>", "<h1>Local News | "), encoding="utf-8")
    assert ingest_file(runner, path).title == HEADLINE


def test_a_sign_off_names_the_author_and_a_dated_url_the_day(runner, tmp_path):
    page = (
        news_page(extra_body="<p>– Alma Sten</p>")
        .replace('<meta name="author" content="Jon Ek">', "")
        .replace(
            "https://gazette.example/city/bus-fares",
            "https://gazette.example/2026/city/02/27/bus-fares/",
        )
    )
    path = tmp_path / "fares.html"
    path.write_text(page, encoding="utf-8")
    article = ingest_file(runner, path)
    assert article.author == "Alma Sten" and "Alma Sten" not in article.body
    assert article.published_at.date().isoformat() == "2026-02-27"


def test_schema_org_authors_name_the_author_over_a_site_wide_meta(runner, tmp_path):
    byline = (
        '<p>By <span itemscope itemprop="author"><a itemprop="name" href="#">Alma Sten</a></span>'
        ' and <span itemscope itemprop="author"><a itemprop="name" href="#">Ivo Brandt</a></span>'
        "</p>"
    )
    page = news_page(extra_body=byline).replace(
        '<meta name="author" content="Jon Ek">', '<meta name="author" content="gazette.example">'
    )
    path = tmp_path / "fares.html"
    path.write_text(page, encoding="utf-8")
    assert ingest_file(runner, path).author == "Alma Sten and Ivo Brandt"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_page_with_a_byte_order_mark_is_decoded(runner, tmp_path, encoding):
    path = tmp_path / "fares.html"
    path.write_bytes(news_page('<meta charset="utf-16">').encode(encoding))
    assert ingest_file(runner, path).title == HEADLINE
