"""The sample articles bundled with verify, for a first look at the app."""

from pathlib import Path

from verify.schemas import ArticleInSchema
from verify.services.files import read_article_file
from verify.services.ingest import ingest_article, ingest_limits

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"


def load_sample_articles(config) -> int:
    """Ingest every bundled sample, each within the app's limits; return how many were new."""
    added = 0
    for path in sorted(SAMPLES_DIR.glob("*.json")):
        fields = ArticleInSchema().load(read_article_file(path))
        added += ingest_article(fields, **ingest_limits(config)).created
    return added
