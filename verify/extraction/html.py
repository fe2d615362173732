"""Main text of an HTML page, within a budget of characters, elements and links."""

import logging
import re
from dataclasses import dataclass

from lxml.etree import XPath

from verify.extraction.deadline import check_deadline
from verify.extraction.furniture import drop_furniture, sign_off
from verify.extraction.page_meta import (
    MAX_HEADINGS,
    PageMeta,
    choose_outlet,
    clean_author,
    clean_title,
    clean_url,
    parse_day,
    url_day,
    visible_headline,
)

# trafilatura logs every page it cannot parse; callers only need the empty result.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# trafilatura's time grows with the square of the links in one paragraph and its memory with
# the elements: 20,000 links in a paragraph took 6 s. The largest real news pages we read have
# about 2,300 elements, 560 links and 2.6 million characters. Within these budgets a page took
# at most 0.7 s and 230 MB; trafilatura cannot be interrupted, so the budgets are its limit.
MAX_HTML_CHARS = 6_000_000
MAX_HTML_ELEMENTS = 15_000
MAX_HTML_LINKS = 3_000
# A start tag; <script> and <style> are named so that the markup quoted inside them is skipped.
START_TAG = re.compile(r"<(?:(script|style)\b|(a)[\s>]|[a-z])", re.IGNORECASE)
CLOSING = {name: re.compile(f"</{name}", re.IGNORECASE) for name in ("script", "style")}
BYLINE_XPATH = XPath(
    "//*[contains(translate(@class, 'BYLINEAUTHOR', 'bylineauthor'), 'byline') or "
    "contains(translate(@class, 'BYLINEAUTHOR', 'bylineauthor'), 'author')]"
)
MAX_BYLINE_ELEMENTS = 5
MAX_BYLINE_CHARS = 200
ADVICE = "save the article's text as a .txt file and add that instead"


class PageTooComplex(ValueError):
    """An HTML page is over the character, element or link budget; the message says which."""


@dataclass
class HtmlPage:
    """The main text of a page and its metadata."""

    text: str
    meta: PageMeta


def html_to_text(html: str, deadline: float | None = None) -> str:
    """Return the main text of an HTML page, or "" when it has none.

    Raise ExtractionTimeout when the conversion ended past `deadline` (a deadline.clock()
    value): the page's conversion and its extraction share one time limit.
    """
    return read_html_page(html, deadline).text


def read_html_page(html: str, deadline: float | None = None) -> HtmlPage:
    """Return the main text of an HTML page and what the page says about itself.

    The text is "" when the page has none; raise PageTooComplex over the budgets and
    ExtractionTimeout past `deadline`, like html_to_text.
    """
    if not isinstance(html, str) or not html.strip():
        return HtmlPage("", PageMeta())
    check_page_budget(html)
    try:
        page = parse_page(html)
    except Exception:  # noqa: BLE001 - a broken page must never break ingestion
        page = HtmlPage("", PageMeta())
    check_deadline(deadline)
    return page


def parse_page(html: str) -> HtmlPage:
    """Run trafilatura once for the text and the metadata; the page's own tags fill gaps."""
    # Imported here: trafilatura takes a tenth of a second to load, and plain text never needs it.
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    from verify.extraction.page_document import read_metadata

    tree = load_html(html)
    if tree is None:
        return HtmlPage("", PageMeta())
    title_tag = tree.findtext(".//title")
    metadata = read_metadata(tree)
    # fast=True skips the fallback extractors: the same text on our pages, in half the time.
    document = bare_extraction(
        tree, url=metadata.url, fast=True, include_comments=False, include_tables=False
    )
    if document is None or not document.text:
        return HtmlPage("", PageMeta())
    text = drop_furniture(document.text)
    meta = page_meta(metadata, tree, title_tag, sign_off(document.text))
    headings = [" ".join(h1.itertext()) for h1 in tree.iter("h1")][:MAX_HEADINGS]
    meta.title = visible_headline(meta.title, headings)
    return HtmlPage(text, meta)


def page_meta(document, tree, title_tag: str | None, signed: str | None) -> PageMeta:
    """Clean trafilatura's metadata; the <title> names the outlet, a byline the author."""
    outlet = choose_outlet(document.sitename, title_tag)
    # trafilatura worked on a copy of the tree, so the page's own byline is still there.
    author = (
        clean_author(document.author, outlet)
        or clean_author(find_byline(tree), outlet)
        or clean_author(signed, outlet)
    )
    names = [outlet, document.sitename, author, document.hostname]
    return PageMeta(
        title=clean_title(document.title or title_tag, names),
        url=clean_url(document.url),
        outlet=outlet,
        author=author,
        published=url_day(document.url) or parse_day(document.date),
    )


def find_byline(tree) -> str | None:
    """The text of the first element whose class names a byline or an author."""
    for element in BYLINE_XPATH(tree)[:MAX_BYLINE_ELEMENTS]:
        text = " ".join(element.itertext()).strip()
        if text and len(text) <= MAX_BYLINE_CHARS:
            return text
    return None


def check_page_budget(html: str) -> None:
    """Raise PageTooComplex when a page has more characters, elements or links than allowed."""
    if len(html) > MAX_HTML_CHARS:
        raise PageTooComplex(f"the page has over {MAX_HTML_CHARS:,} characters; {ADVICE}.")
    elements, links = count_tags(html, MAX_HTML_ELEMENTS)
    if elements > MAX_HTML_ELEMENTS:
        raise PageTooComplex(f"the page has over {MAX_HTML_ELEMENTS:,} HTML elements; {ADVICE}.")
    if links > MAX_HTML_LINKS:
        raise PageTooComplex(f"the page has over {MAX_HTML_LINKS:,} links; {ADVICE}.")


def count_tags(html: str, limit: int) -> tuple[int, int]:
    """Count start tags and links outside scripts and styles, stopping past `limit` tags."""
    elements = links = position = 0
    while elements <= limit:
        match = START_TAG.search(html, position)
        if match is None:
            break
        elements += 1
        links += match.group(2) is not None
        position = match.end()
        if match.group(1):
            closing = CLOSING[match.group(1).lower()].search(html, position)
            position = closing.start() if closing else len(html)
    return elements, links
