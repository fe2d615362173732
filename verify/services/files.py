"""Read article files (.txt, .json, .html) into article fields."""

import json
from pathlib import Path

from verify.extraction import ExtractionTimeout, PageTooComplex
from verify.extraction.html import read_html_page
from verify.services.encodings import decode_html

# Below this, what is left of a page is navigation or a label, not an article.
MIN_HTML_WORDS = 5


class UnreadableFile(Exception):
    """The file is not an article verify can read; the message says why."""


UPLOAD_SUFFIXES = (".txt", ".html", ".htm")


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 text, or UnreadableFile saying why not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{name}: not UTF-8 text ({exc.reason}).") from exc
    if "\x00" in text:
        raise UnreadableFile(f"{name}: looks binary, not an article.")
    return text


def decode_file(name: str, data: bytes) -> str:
    """A page in its own encoding; any other file as strict UTF-8."""
    if not is_html(name):
        return decode_text(name, data)
    text = decode_html(data)
    if text is None:
        raise UnreadableFile(f"{name}: looks binary, not an article.")
    return text


def read_text(path: Path, max_bytes: int | None = None) -> str:
    """The file's text; a file over max_bytes is refused unread."""
    try:
        with path.open("rb") as file:
            data = file.read() if max_bytes is None else file.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(f"{path}: {exc.strerror}.") from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableFile(f"{path}: too big, over {max_bytes} bytes.")
    return decode_file(str(path), data)


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def parse_article_text(name: str, text: str, deadline: float | None = None) -> dict:
    """Title, body and metadata of a .txt or .html article; HTML is reduced to its main text."""
    if is_html(name):
        return parse_html_page(name, text, deadline)
    if not text.strip():
        raise UnreadableFile(f"{name}: the file is empty.")
    return {"title": first_line(text)[:500], "body": text}


def parse_html_page(name: str, html: str, deadline: float | None = None) -> dict:
    """The page's headline, then its main text, as body; its URL, outlet, author and date."""
    try:
        page = read_html_page(html, deadline)
    except PageTooComplex as exc:
        raise UnreadableFile(f"{name}: {exc}") from exc
    except ExtractionTimeout as exc:
        raise UnreadableFile(
            f"{name}: reading this page took longer than the extraction time limit "
            "(EXTRACTION_TIMEOUT_SECONDS); save the article's text as a .txt file and add "
            "that instead."
        ) from exc
    if len(page.text.split()) < MIN_HTML_WORDS:
        raise UnreadableFile(f"{name}: no main text found in this HTML page.")
    meta, body = page.meta, page.text
    title = meta.title or first_line(body)
    # The headline opens the body, so that its attribution ("..., city says") is extracted.
    if first_line(body).casefold() != title.casefold():
        body = f"{title}\n\n{body}"
    fields = {
        "url": meta.url,
        "outlet": meta.outlet,
        "author": meta.author,
        "published_at": meta.published and f"{meta.published.isoformat()}T00:00:00+00:00",
    }
    return {"title": title[:500], "body": body, **{k: v for k, v in fields.items() if v}}


def is_html(name: str) -> bool:
    return name.lower().endswith((".html", ".htm"))


def read_article_file(
    path: Path, max_bytes: int | None = None, deadline: float | None = None
) -> dict:
    """Return title, body and metadata; the body is what extraction offsets index."""
    if path.suffix.lower() == ".json":
        return read_json_article(path, max_bytes)
    return parse_article_text(str(path), read_text(path, max_bytes), deadline)


def read_article_upload(filename: str, data: bytes, deadline: float | None = None) -> dict:
    """Read an uploaded .txt or .html article like a file given to `flask ingest`."""
    if not filename.lower().endswith(UPLOAD_SUFFIXES):
        raise UnreadableFile(f"{filename}: upload a .txt or .html file.")
    return parse_article_text(filename, decode_file(filename, data), deadline)


def read_json_article(path: Path, max_bytes: int | None = None) -> dict:
    text = read_text(path, max_bytes)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"{path}: invalid JSON ({exc.msg}, line {exc.lineno}).") from exc
    except RecursionError as exc:
        raise UnreadableFile(f"{path}: invalid JSON (nested too deep).") from exc
    body = data.get("body") if isinstance(data, dict) else None
    if not isinstance(body, str) or not body.strip():
        raise UnreadableFile(f'{path}: expected an object with a non-empty "body" text.')
    keys = ("url", "outlet", "author", "published_at")
    fields = {key: data[key] for key in keys if data.get(key)}
    return {"title": str(data.get("title") or first_line(body))[:500], "body": body, **fields}


def article_text(path: Path, deadline: float | None = None) -> str:
    """The text extraction runs on: what ingesting the file would store as body."""
    return read_article_file(path, deadline=deadline)["body"]
