"""Read article files (.txt, .json, .html) into article fields."""

import json
from pathlib import Path

from verify.extraction import html_to_text


class UnreadableFile(Exception):
    """The file is not an article verify can read; the message says why."""


def read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path}: not UTF-8 text ({exc.reason}).") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path}: {exc.strerror}.") from exc
    if "\x00" in text:
        raise UnreadableFile(f"{path}: looks binary, not an article.")
    return text


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def read_article_file(path: Path) -> dict:
    """Return title, body and metadata; the body is what extraction offsets index."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_json_article(path)
    text = read_text(path)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
        if not text.strip():
            raise UnreadableFile(f"{path}: no main text found in this HTML page.")
    if not text.strip():
        raise UnreadableFile(f"{path}: the file is empty.")
    return {"title": first_line(text)[:500], "body": text}


def read_json_article(path: Path) -> dict:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"{path}: invalid JSON ({exc.msg}, line {exc.lineno}).") from exc
    if not isinstance(data, dict) or not str(data.get("body") or "").strip():
        raise UnreadableFile(f'{path}: expected an object with a non-empty "body".')
    body = data["body"]
    keys = ("url", "outlet", "author", "published_at")
    fields = {key: data[key] for key in keys if data.get(key)}
    return {"title": str(data.get("title") or first_line(body))[:500], "body": body, **fields}


def article_text(path: Path) -> str:
    """The text extraction runs on: what ingesting the file would store as body."""
    return read_article_file(path)["body"]
