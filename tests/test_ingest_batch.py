"""`flask ingest` stores every good file of a batch and skips each bad one with its reason."""

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from verify.extensions import db
from verify.extraction import ExtractionTimeout
from verify.models import Article
from verify.services import ingest

GOOD_TEXT = "Tram line\n\nThe mayor said that the tram line would open in May.\n"
SLOW_MARKER = "This body takes forever"
BROKEN_MARKER = "This body breaks the database"
BAD_FILES = {
    "binary.txt": (b"\xff\xfe\x00\x01" * 50, "not UTF-8"),
    "empty.txt": (b"", "empty"),
    "broken.json": (b'{"title": "x", "body": ', "invalid JSON"),
    "deep.json": (b"[" * 20_000 + b"]" * 20_000, "nested too deep"),
    "list-body.json": (json.dumps({"body": ["a", "b"]}).encode(), '"body"'),
    "bad-date.json": (
        json.dumps({"body": "The minister said so.", "published_at": "soon"}).encode(),
        "published_at",
    ),
    "huge.txt": (b"Title\n" + b"The mayor said so. " * 30_000, "too big"),
    "slow.txt": (f"Slow\n{SLOW_MARKER}, the clerk said.".encode(), "longer than"),
    "broken-db.txt": (f"Broken\n{BROKEN_MARKER}, the clerk said.".encode(), "disk I/O error"),
}


@pytest.fixture
def troubled_ingest(app, monkeypatch):
    """Extraction times out on one body and the database fails on another."""
    app.config["MAX_CONTENT_LENGTH"] = 100_000
    original_extract, original_insert = ingest.extract_claims, ingest.insert_claims

    def extract(body, deadline=None):
        if SLOW_MARKER in body:
            raise ExtractionTimeout("deadline passed")
        return original_extract(body, deadline=deadline)

    def insert_claims(article, claims, notes):
        if BROKEN_MARKER in article.body:
            raise OperationalError("INSERT INTO claims", {}, Exception("disk I/O error"))
        return original_insert(article, claims, notes)

    monkeypatch.setattr(ingest, "extract_claims", extract)
    monkeypatch.setattr(ingest, "insert_claims", insert_claims)


def test_bad_files_are_skipped_with_reasons_and_the_batch_goes_on(
    runner, tmp_path, troubled_ingest
):
    for name, (content, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "a-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "z-good.json").write_text(
        json.dumps({"title": "Strike", "body": "Workers will strike, the union said."}),
        encoding="utf-8",
    )
    result = runner.invoke(args=["ingest", *map(str, sorted(tmp_path.iterdir()))])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "Ingesting" in result.output
    assert "Traceback" not in result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("Skipped ")]
    assert len(skipped) == len(BAD_FILES)
    for name, (_, reason) in BAD_FILES.items():
        line = next(line for line in skipped if f"{tmp_path / name}:" in line)
        assert reason in line, line
    assert result.output.rstrip().endswith(f"2 added, 0 already known, {len(BAD_FILES)} failed.")
    assert db.session.scalar(select(func.count(Article.id))) == 2


def test_a_batch_of_good_files_exits_zero(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = runner.invoke(args=["ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    assert "1 added, 0 already known, 0 failed." in result.output
