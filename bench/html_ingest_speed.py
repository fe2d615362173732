"""Measure HTML ingest speed (pages/s on one core): decoding, main text, metadata, claims, storing.

Usage: python bench/html_ingest_speed.py [PAGES_DIR] [--rounds N]

PAGES_DIR defaults to ../shared/realworld/dev/pages. Times are CPU seconds of this process, so
other load on a shared machine counts only through the caches and cores it shares. Each round
ingests every page into a fresh in-memory SQLite database, as `flask ingest` does:

- reading: the file decoded, its main text (trafilatura), metadata and furniture;
- with claim extraction: reading plus extract_claims on the stored body;
- whole ingest: reading, extraction, source keys, the article, claim and event rows and the
  commit. Extraction runs twice per page (once timed alone); it is counted once.

A warm-up on two pages loads the libraries first; later rounds run within a few percent of the
first, so repeated pages gain little from trafilatura's and htmldate's caches. Exits 0 with a
message when the directory is absent.
"""

import argparse
import sys
import time
from pathlib import Path

from corpus import ROOT, pin_to_one_core, shared_dir

sys.path.insert(0, str(ROOT))

from verify import create_app  # noqa: E402 - the project is importable once ROOT is on the path
from verify.extensions import db  # noqa: E402
from verify.extraction import extract_claims  # noqa: E402
from verify.schemas import ArticleInSchema  # noqa: E402
from verify.services.files import read_article_file  # noqa: E402
from verify.services.ingest import extraction_deadline, ingest_article, ingest_limits  # noqa: E402

DEFAULT_PAGES = shared_dir("realworld", "dev", "pages")
CONFIG = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "bench"}


def ingest_pages(app, pages: list[Path]) -> tuple[float, float, float]:
    """Ingest every page into a fresh database; return seconds reading, extracting, in all."""
    with app.app_context():
        db.create_all()
        reading = extracting = 0.0
        started = time.process_time()
        for page in pages:
            deadline = extraction_deadline(app.config)
            before = time.process_time()
            fields = ArticleInSchema().load(read_article_file(page, None, deadline))
            read = time.process_time()
            extract_claims(fields["body"])
            reading, extracting = reading + read - before, extracting + time.process_time() - read
            ingest_article(fields, **ingest_limits(app.config, deadline))
            db.session.commit()
        # Extraction runs twice per page here, once timed alone and once inside ingest_article.
        total = time.process_time() - started - extracting
        db.drop_all()
    return reading, extracting, total


def main() -> int:
    """Time HTML ingest over the pages and print pages per second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages_dir", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = sorted(args.pages_dir.glob("*.htm*")) if args.pages_dir.is_dir() else []
    if not pages:
        print(f"skipped: no .html pages under {args.pages_dir}")
        return 0
    pinning = pin_to_one_core()
    app = create_app(dict(CONFIG))
    ingest_pages(app, pages[:2])  # warm up: imports and the first parse
    reading = extracting = total = 0.0
    for _ in range(args.rounds):
        times = ingest_pages(app, pages)
        reading, extracting, total = reading + times[0], extracting + times[1], total + times[2]
    count = len(pages) * args.rounds
    print(f"{count} pages ingested ({len(pages)} pages x {args.rounds} rounds), {pinning}")
    print(f"reading pages (decode, main text, metadata): {count / reading:.1f} pages/s")
    print(f"reading and claim extraction: {count / (reading + extracting):.1f} pages/s")
    print(f"whole ingest (reading, claim extraction, storing): {count / total:.1f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
