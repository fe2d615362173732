"""What `flask ingest` keeps of a page's text: every paragraph and link, no furniture."""

from tests.extraction_support import ingest_page

HEADLINE = "Second pier for the port"
QUOTE = "We have waited twenty years for this pier"
PARAGRAPHS = [
    "The port will build a second pier by 2028, the harbour board said on Monday.",
    f'"{QUOTE}," said Ana Berg, who runs the ferry company.',
    'Ticket prices are especially high for <a href="/routes">the island routes</a>, where'
    ' <a href="/fares">fares</a> rose twice last year, the ferry company said.',
    "Fishermen said the works would close the north channel for a year.",
]
FURNITURE = {
    "pull quote": f'<aside class="pullquote"><p>“{QUOTE}”</p></aside>',
    "caption": '<figure><img src="/pier.jpg" alt=""><figcaption>Boats wait outside the north'
    " channel on Monday. Photo: Lena Holm</figcaption></figure>",
    "related links": '<div class="related"><h3>Related</h3><ul><li><a href="/a">Ferry fares to'
    ' rise in spring</a></li><li><a href="/b">Harbour board names a chair</a></li></ul></div>',
    "show all": '<p><a href="/photos">Show all 50</a></p>',
    "cross-reference": '<p><strong>Related:</strong> <a href="/c">Ferry crews vote on pay</a></p>',
    "continue reading": '<p><a href="/more">Continue Reading</a></p>',
    "byline": '<p class="byline">By Lena Holm, Coast Courier</p>',
    "bio": "<p>Lena Holm is a reporter for the Coast Courier. Reach her at the news desk.</p>",
}
LEFT_OUT = [
    "Boats wait outside",
    "Photo: Lena Holm",
    "Ferry fares to rise",
    "names a chair",
    "Show all 50",
    "Ferry crews vote",
    "Continue Reading",
    "By Lena Holm",
    "is a reporter for",
]


def pier_page() -> str:
    """The article with a piece of furniture after each paragraph."""
    furniture = list(FURNITURE.values())
    parts = [f"<p>{p}</p>{furniture[i]}" for i, p in enumerate(PARAGRAPHS)]
    rest = "".join(furniture[len(PARAGRAPHS) :])
    return (
        f"<html><head><title>{HEADLINE} | Coast Courier</title></head><body>"
        f"<article><h1>{HEADLINE}</h1>{''.join(parts)}{rest}</article></body></html>"
    )


def test_every_paragraph_and_its_link_text_is_kept(runner, tmp_path):
    body = ingest_page(runner, tmp_path, pier_page()).body
    assert body.splitlines()[0] == HEADLINE
    assert "especially high for the island routes, where fares rose twice last year," in body
    for paragraph in PARAGRAPHS:
        words = paragraph.split("<")[0]
        assert words in body


def test_furniture_stays_out_of_the_text_and_the_claims(runner, tmp_path):
    article = ingest_page(runner, tmp_path, pier_page())
    for words in LEFT_OUT:
        assert words not in article.body
        assert not [claim for claim in article.claims if words in claim.text]
    assert article.body.count(QUOTE) == 1
    quotes = [claim for claim in article.claims if QUOTE in claim.text]
    assert [claim.source_name for claim in quotes] == ["Ana Berg"]


def test_the_claims_of_the_page_are_its_paragraphs(runner, tmp_path):
    article = ingest_page(runner, tmp_path, pier_page())
    assert [(claim.source_name, claim.kind) for claim in article.claims] == [
        ("harbour board", "reported"),
        ("Ana Berg", "direct_quote"),
        ("ferry company", "reported"),
        ("Fishermen", "reported"),
    ]
