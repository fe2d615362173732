"""What the extraction tests share: the seed article's paths and span checks."""

import json

from sqlalchemy import select

from tests.conftest import shared_dir
from verify.extensions import db
from verify.extraction import ExtractedClaim, extract_claims
from verify.models import Article

SEED_DIR = shared_dir("seed")
SEED_TEXT = SEED_DIR / "article-kursk-command-post.txt"
SEED_EXPECTED = SEED_DIR / "article-kursk-command-post.expected.json"
CONTRACT = {
    "text",
    "start",
    "end",
    "source",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
}


def cli_claims(runner, tmp_path, text: str, name: str = "article.txt") -> list[dict]:
    """The claims `flask claims extract` prints for `text` saved as a file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["claims", "extract", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip())["claims"]


def ingest_file(runner, path):
    """The article `flask ingest` stored last, from the file at `path`."""
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code == 0, result.output
    return db.session.scalars(select(Article).order_by(Article.id.desc())).first()


def ingest_page(runner, tmp_path, html: str, name: str = "page.html"):
    """The article `flask ingest` stores from `html` saved as a file."""
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return ingest_file(runner, path)


def only_claim(text: str) -> ExtractedClaim:
    """Extract `text`, check it holds exactly one claim, and return that claim."""
    claims = extract_claims(text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def sources_of(text: str, phrase: str) -> list[str | None]:
    """The sources of the claims of `text` whose text contains `phrase`."""
    return [c.source for c in extract_claims(text) if phrase in c.text]


def claim_with(claims: list[ExtractedClaim], phrase: str) -> ExtractedClaim:
    """Return the first claim whose text contains `phrase`."""
    found = [c for c in claims if phrase in c.text]
    assert found, f"no claim contains {phrase!r}: {[c.text for c in claims]}"
    return found[0]


def assert_offsets(text: str, claims: list[ExtractedClaim]) -> None:
    """Check every span indexes the text it claims to."""
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert 0 <= c.cue_start < c.cue_end <= len(text)
        assert text[c.cue_start : c.cue_end] == c.cue
        if c.source_start is not None:
            assert 0 <= c.source_start < c.source_end <= len(text)
