"""Reading a page's metadata without categories, tags and licence gives trafilatura's answer."""

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from verify.extraction.page_document import read_metadata

FIELDS = ("title", "author", "url", "hostname", "sitename", "date")
BODY = "<p>The ferry will stop at the island twice a day from June, the harbour office said.</p>"
PAGES = {
    "meta tags": (
        "<html><head><title>Ferry adds stops | Coast Courier</title>"
        '<meta property="og:site_name" content="@coastcourier">'
        '<meta name="author" content="Ines Varga">'
        '<meta property="article:published_time" content="2026-05-04T08:00:00Z">'
        '<link rel="canonical" href="https://courier.example/coast/ferry">'
        '<meta property="article:section" content="Coast">'
        f"</head><body><article><h1>Ferry adds stops</h1>{BODY}</article></body></html>"
    ),
    "json-ld": (
        "<html><head><title>Ferry adds stops</title>"
        '<script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Ferry adds stops", "author": {"@type": "Person", "name": "Ines Varga"}, '
        '"datePublished": "2026-05-04", "publisher": {"@type": "Organization", '
        '"name": "Coast Courier"}}</script>'
        f"</head><body><article>{BODY}</article></body></html>"
    ),
    "tags in the body only": (
        "<html><head><title>Ferry adds stops - coast courier</title></head><body>"
        '<div class="byline">By <a rel="author" href="/ines">Ines Varga</a></div>'
        '<time datetime="2026-05-04">May 4, 2026</time>'
        f"<article><h2>Ferry adds stops</h2>{BODY}</article>"
        '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>'
        '<a href="https://courier.example/tag/ferries/">Ferries</a></body></html>'
    ),
    "a bare page": f"<html><body>{BODY}</body></html>",
}


@pytest.mark.parametrize("html", PAGES.values(), ids=PAGES.keys())
def test_metadata_fields_match_trafilaturas_own(html):
    ours = read_metadata(load_html(html))
    theirs = extract_metadata(load_html(html))
    assert {field: getattr(ours, field) for field in FIELDS} == {
        field: getattr(theirs, field) for field in FIELDS
    }


def test_the_pages_give_metadata_to_compare():
    found = [read_metadata(load_html(html)) for html in PAGES.values()]
    assert found[0].author == "Ines Varga" and found[0].sitename == "Coastcourier"
    assert found[0].url == "https://courier.example/coast/ferry"
    assert found[1].author == "Ines Varga" and found[1].sitename == "Coast Courier"
    assert found[2].author == "Ines Varga" and found[2].date == "2026-05-04"
    assert found[3].title is None and found[3].author is None
