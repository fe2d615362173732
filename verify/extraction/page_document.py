"""trafilatura's metadata of a page, without the categories, tags and licence verify never reads.

trafilatura.metadata.extract_metadata also looks for categories, tags and a licence with
XPath searches over every link of the page: a quarter of a page's reading time, for fields
no column holds. read_metadata takes the same steps, in the same order, for the rest;
tests/test_html_metadata_steps.py holds it to trafilatura's own answer.
"""

from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_domain,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
    find_date,
)
from trafilatura.settings import Document, set_date_params


def read_metadata(tree) -> Document:
    """Title, author, URL, host name, site name and date, as extract_metadata finds them."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # noqa: BLE001 - extract_metadata's own guard: JSON-LD may be malformed
        pass
    metadata.title = metadata.title or extract_title(tree)
    metadata.author = metadata.author or extract_author(tree)
    metadata.url = metadata.url or extract_url(tree)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    # trafilatura's default configuration searches extensively for the date.
    metadata.date = find_date(tree, **set_date_params(True), url=metadata.url)
    metadata.sitename = site_name(metadata.sitename or extract_sitename(tree), metadata.url)
    metadata.clean_and_trim()
    return metadata


def site_name(sitename: str | None, url: str | None) -> str | None:
    """The site name without a handle's "@" and capitalised, else the URL's host."""
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
        return sitename
    match = META_URL.match(url) if url else None
    return match[1] if match else None
