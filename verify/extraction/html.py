"""Main text of an HTML page, within a budget of characters, elements and links."""

import logging
import re

from verify.extraction.deadline import check_deadline

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
ADVICE = "save the article's text as a .txt file and add that instead"


class PageTooComplex(ValueError):
    """An HTML page is over the character, element or link budget; the message says which."""


def html_to_text(html: str, deadline: float | None = None) -> str:
    """Return the main text of an HTML page, or "" when it has none.

    Raise ExtractionTimeout when the conversion ended past `deadline` (a time.monotonic()
    value): the page's conversion and its extraction share one time limit.
    """
    if not isinstance(html, str) or not html.strip():
        return ""
    check_page_budget(html)
    # Imported here: trafilatura takes a tenth of a second to load, and plain text never needs it.
    import trafilatura

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:  # noqa: BLE001 - a broken page must never break ingestion
        text = ""
    check_deadline(deadline)
    return text or ""


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
