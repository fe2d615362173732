"""Turn an article into stored claims, all or nothing."""

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from verify.dates import to_naive_utc
from verify.extensions import db
from verify.extraction import ExtractedClaim, ExtractionTimeout, extract_claims
from verify.extraction.deadline import clock, deadline_after
from verify.extraction.speakers import ArticleNames, speaker_key
from verify.models import Article, Claim, Source
from verify.services.history import create_claim


class ArticleTooLarge(Exception):
    """The article body is over the configured size limit."""


class ExtractionFailed(Exception):
    """Extraction raised; nothing of the article was stored."""


# Long transcripts hold a few hundred claims; storing each costs rows and time, so an
# article is answered within seconds only if its claims are bounded too.
MAX_CLAIMS_PER_ARTICLE = 1500


@dataclass
class IngestResult:
    article: Article
    created: bool


def content_hash(body: str) -> str:
    """Fingerprint a body so the same article posted twice is recognised."""
    normalized = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(normalized.encode()).hexdigest()


def find_article_by_hash(digest: str) -> Article | None:
    return db.session.scalar(select(Article).where(Article.content_hash == digest))


def ingest_limits(config, deadline: float | None = None) -> dict:
    """The size and time limits of an ingest, from the app's settings.

    Given the deadline an HTML page's conversion ran under, extraction gets what is left of it.
    """
    timeout = config["EXTRACTION_TIMEOUT_SECONDS"]
    if deadline is not None:
        timeout = max(0.0, deadline - clock())
    return {"max_bytes": config["MAX_ARTICLE_BYTES"], "timeout": timeout}


def extraction_deadline(config, started: float | None = None) -> float:
    """The clock() value by which a page must be read and its claims extracted.

    `started` is when the request's body arrived, so parsing the request counts too.
    """
    return (clock() if started is None else started) + config["EXTRACTION_TIMEOUT_SECONDS"]


def ingest_article(fields: dict, max_bytes: int, timeout: float) -> IngestResult:
    """Store an article and its extracted claims, or return the existing copy."""
    body = fields["body"]
    if len(body.encode("utf-8")) > max_bytes:
        raise ArticleTooLarge(f"The body is over the {max_bytes}-byte limit.")
    digest = content_hash(body)
    existing = find_article_by_hash(digest)
    if existing is not None:
        return IngestResult(existing, created=False)
    extracted = extract_within(body, timeout)
    if len(extracted) > MAX_CLAIMS_PER_ARTICLE:
        raise ExtractionFailed(
            f"The article holds {len(extracted)} claims, more than the "
            f"{MAX_CLAIMS_PER_ARTICLE} one article may have; split it."
        )
    article = Article(
        **{**fields, "published_at": to_naive_utc(fields.get("published_at"))},
        content_hash=digest,
    )
    try:
        with db.session.begin_nested():
            db.session.add(article)
            db.session.flush()  # local sources are keyed by the article's id
            names = ArticleNames(
                body,
                (
                    (found.source, source_text(body, found) or "")
                    for found in extracted
                    if found.source
                ),
            )
            sources = sources_for(extracted, article, names)
            with db.session.no_autoflush:
                for found in extracted:
                    add_claim(article, found, sources.get(mention(body, found)))
    except IntegrityError:
        # Another request stored the same article first.
        return IngestResult(find_article_by_hash(digest), created=False)
    return IngestResult(article, created=True)


def extract_within(body: str, timeout: float) -> list[ExtractedClaim]:
    """Extract the claims, or raise ExtractionFailed past the time limit; nothing is written yet."""
    # Any other error is a bug: it is raised, and the request ends in a 500 with nothing stored.
    try:
        return extract_claims(body, deadline=deadline_after(timeout))
    except ExtractionTimeout as exc:
        raise ExtractionFailed(
            f"Extraction took longer than {timeout:.1f} s; split the article or raise "
            "EXTRACTION_TIMEOUT_SECONDS."
        ) from exc


def add_claim(article: Article, found: ExtractedClaim, source: Source | None) -> Claim:
    """Add one extracted claim, said by `source`, with its first history event."""
    return create_claim(
        article,
        event_note=found.note,
        source=source,
        text=found.text,
        start=found.start,
        end=found.end,
        source_text=source_text(article.body, found),
        source_start=found.source_start,
        source_end=found.source_end,
        cue=found.cue,
        cue_start=found.cue_start,
        cue_end=found.cue_end,
        kind=found.kind,
        pattern=found.pattern,
        note=found.note,
    )


def source_text(body: str, found: ExtractedClaim) -> str | None:
    if found.source_start is None or found.source_end is None:
        return None
    return body[found.source_start : found.source_end][:300]


def mention(body: str, found: ExtractedClaim) -> tuple[str, str, str] | None:
    """How the article names a claim's source: (name, kind, words in the text), or None."""
    if not found.source:
        return None
    return found.source, found.source_kind, source_text(body, found) or ""


def sources_for(
    extracted: list[ExtractedClaim], article: Article, names: ArticleNames
) -> dict[tuple, Source]:
    """The one Source row behind each way the article names a speaker, each looked up once."""
    sources = {}
    for found in extracted:
        named = mention(article.body, found)
        if named and named not in sources:
            name, kind, raw = named
            sources[named] = find_or_create_source(name, kind, article, names, raw)
    return sources


def local_key(article_id: int, key: str) -> str:
    """The key of a source that never joins another article's: "@<article id>:<words>"."""
    return f"@{article_id}:{key}"[:200]


def find_or_create_source(
    name: str, kind: str, article: Article, names: ArticleNames | None = None, raw: str = ""
) -> Source:
    """Find the source a name in an article refers to, or create it with that kind."""
    return merged_target(keyed_source(name, kind, article, names, raw))


def keyed_source(
    name: str, kind: str, article: Article, names: ArticleNames | None = None, raw: str = ""
) -> Source:
    """The source row keyed by a name, found or created, even one merged into another."""
    speaker = speaker_key(name, names or ArticleNames(article.body), kind, raw)
    key = local_key(article.id, speaker.key) if speaker.local else speaker.key[:200]
    source = db.session.scalar(select(Source).where(Source.key == key))
    if source is not None:
        return source
    try:
        with db.session.begin_nested():
            source = Source(
                key=key,
                name=speaker.name[:300] or name[:300],
                kind=kind,
                article_id=article.id if speaker.local else None,
            )
            db.session.add(source)
    except IntegrityError:
        source = db.session.scalar(select(Source).where(Source.key == key))
    return source


def merged_target(source: Source) -> Source:
    """The source a merged one now stands for (merges keep chains one step long)."""
    if source.merged_into_id is None:
        return source
    return db.session.get(Source, source.merged_into_id) or source
