"""Turn an article into stored claims, all or nothing."""

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from verify.dates import to_naive_utc
from verify.extensions import db
from verify.extraction import ExtractedClaim, ExtractionTimeout, extract_claims
from verify.extraction.deadline import clock
from verify.extraction.speakers import ArticleNames, speaker_key
from verify.models import Article, Source
from verify.services.history import insert_claims


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
    """The size and time limits of one ingest, from the app's settings.

    `deadline` is the one an HTML page was read under, so extraction gets what is left of it,
    retries included; without one, the article's time starts now.
    """
    return {
        "max_bytes": config["MAX_ARTICLE_BYTES"],
        "deadline": extraction_deadline(config) if deadline is None else deadline,
        "seconds": config["EXTRACTION_TIMEOUT_SECONDS"],
    }


def extraction_deadline(config, started: float | None = None) -> float:
    """The clock() value by which a page must be read and its claims extracted.

    `started` is when the request's body arrived, so parsing the request counts too.
    """
    return (clock() if started is None else started) + config["EXTRACTION_TIMEOUT_SECONDS"]


def ingest_article(fields: dict, max_bytes: int, deadline: float, seconds: float) -> IngestResult:
    """Store an article and its extracted claims, or return the existing copy."""
    body = fields["body"]
    if len(body.encode("utf-8")) > max_bytes:
        raise ArticleTooLarge(f"The body is over the {max_bytes}-byte limit.")
    digest = content_hash(body)
    existing = find_article_by_hash(digest)
    if existing is not None:
        return IngestResult(existing, created=False)
    extracted = extract_within(body, deadline, seconds)
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
            names = article_names(body, extracted)
            sources = sources_for(extracted, article, names)
            claims = [
                claim_fields(body, found, sources.get(mention(body, found))) for found in extracted
            ]
            insert_claims(article, claims, [found.note for found in extracted])
    except IntegrityError:
        # Another request stored the same article first.
        return IngestResult(find_article_by_hash(digest), created=False)
    return IngestResult(article, created=True)


def extract_within(body: str, deadline: float, seconds: float) -> list[ExtractedClaim]:
    """Extract the claims, or raise ExtractionFailed past `deadline`; nothing is written yet."""
    # Any other error is a bug: it is raised, and the request ends in a 500 with nothing stored.
    try:
        return extract_claims(body, deadline=deadline)
    except ExtractionTimeout as exc:
        raise ExtractionFailed(
            f"Extraction took longer than {seconds:.1f} s; split the article or raise "
            "EXTRACTION_TIMEOUT_SECONDS."
        ) from exc


def article_names(body: str, extracted: list[ExtractedClaim]) -> ArticleNames:
    """What the article says of its names, with the sources its claims were given."""
    sources = ((found.source, source_text(body, found) or "") for found in extracted)
    return ArticleNames(body, ((name, raw) for name, raw in sources if name))


def claim_fields(body: str, found: ExtractedClaim, source: Source | None) -> dict:
    """The stored columns of one extracted claim, said by `source`."""
    return {
        "source_id": source.id if source else None,
        "text": found.text,
        "start": found.start,
        "end": found.end,
        "source_text": source_text(body, found),
        "source_start": found.source_start,
        "source_end": found.source_end,
        "cue": found.cue,
        "cue_start": found.cue_start,
        "cue_end": found.cue_end,
        "kind": found.kind,
        "pattern": found.pattern,
        "note": found.note,
    }


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
    """The one Source row behind each way the article names a speaker, all looked up at once."""
    rows = {}
    for found in extracted:
        named = mention(article.body, found)
        if named and named not in rows:
            name, kind, raw = named
            rows[named] = source_row(name, kind, article, names, raw)
    sources, _ = sources_by_key(list(rows.values()))
    return {named: sources[row["key"]] for named, row in rows.items()}


def sources_by_key(rows: list[dict]) -> tuple[dict[str, Source], set[str]]:
    """The source each row's key leads to, by key, found in one query or added; the keys added."""
    stored = stored_sources({row["key"] for row in rows})
    missing = {}
    for row in rows:
        if row["key"] not in stored:
            missing.setdefault(row["key"], row)  # the first mention names a new source
    stored.update(add_sources(list(missing.values())))
    return {key: merged_target(source) for key, source in stored.items()}, set(missing)


def local_key(article_id: int, key: str) -> str:
    """The key of a source that never joins another article's: "@<article id>:<words>"."""
    return f"@{article_id}:{key}"[:200]


def source_row(
    name: str, kind: str, article: Article, names: ArticleNames | None = None, raw: str = ""
) -> dict:
    """The key, name, kind and article of the source a name in an article refers to."""
    speaker = speaker_key(name, names or ArticleNames(article.body), kind, raw)
    return {
        "key": local_key(article.id, speaker.key) if speaker.local else speaker.key[:200],
        "name": speaker.name[:300] or name[:300],
        "kind": kind,
        "article_id": article.id if speaker.local else None,
    }


def stored_sources(keys: set[str]) -> dict[str, Source]:
    """The stored sources with these keys, by key, in one query."""
    if not keys:
        return {}
    found = db.session.scalars(select(Source).where(Source.key.in_(keys)))
    return {source.key: source for source in found}


def add_sources(rows: list[dict]) -> dict[str, Source]:
    """Store new sources in one flush; one at a time if another request stored one first."""
    if not rows:
        return {}
    try:
        with db.session.begin_nested():
            added = [Source(**row) for row in rows]
            db.session.add_all(added)
    except IntegrityError:
        return {row["key"]: find_or_add_source(row) for row in rows}
    return {source.key: source for source in added}


def find_or_create_source(
    name: str, kind: str, article: Article, names: ArticleNames | None = None, raw: str = ""
) -> Source:
    """Find the source a name in an article refers to, or create it with that kind."""
    return merged_target(keyed_source(name, kind, article, names, raw))


def keyed_source(
    name: str, kind: str, article: Article, names: ArticleNames | None = None, raw: str = ""
) -> Source:
    """The source row keyed by a name, found or created, even one merged into another."""
    return find_or_add_source(source_row(name, kind, article, names, raw))


def find_or_add_source(row: dict) -> Source:
    """The stored source with the row's key, or the row stored as a new source."""
    key = row["key"]
    source = db.session.scalar(select(Source).where(Source.key == key))
    if source is not None:
        return source
    try:
        with db.session.begin_nested():
            source = Source(**row)
            db.session.add(source)
    except IntegrityError:
        source = db.session.scalar(select(Source).where(Source.key == key))
    return source


def merged_target(source: Source) -> Source:
    """The source a merged one now stands for (merges keep chains one step long)."""
    if source.merged_into_id is None:
        return source
    return db.session.get(Source, source.merged_into_id) or source
