"""Main text of an HTML page."""

import logging

# trafilatura logs every page it cannot parse; callers only need the empty result.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def html_to_text(html: str) -> str:
    """Return the main text of an HTML page, or "" when it has none."""
    if not isinstance(html, str) or not html.strip():
        return ""
    # Imported here: trafilatura takes a tenth of a second to load, and plain text never needs it.
    import trafilatura

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:  # noqa: BLE001 - a broken page must never break ingestion
        return ""
    return text or ""
