"""Editors' reports of claims still unverified, streamed row by row."""

import csv
import io
from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import Select, select

from verify.dates import now_utc
from verify.extensions import db
from verify.models import Article, Claim, Source

REPORT_COLUMNS = (
    "claim_id",
    "article_id",
    "article_title",
    "outlet",
    "source",
    "kind",
    "text",
    "note",
    "created_at",
)


def unverified_claims_report(filters: dict) -> Select:
    """Select the report's rows, oldest claim first."""
    query = (
        select(
            Claim.id.label("claim_id"),
            Claim.article_id,
            Article.title.label("article_title"),
            Article.outlet,
            Source.name.label("source"),
            Claim.kind,
            Claim.text,
            Claim.note,
            Claim.created_at,
        )
        .join(Article, Claim.article_id == Article.id)
        .outerjoin(Source, Claim.source_id == Source.id)
        .where(Claim.status == "unverified", Claim.dismissed.is_(False))
        .order_by(Claim.created_at, Claim.id)
    )
    return apply_report_filters(query, filters)


def apply_report_filters(query: Select, filters: dict) -> Select:
    if filters.get("article"):
        query = query.where(Claim.article_id == filters["article"])
    if filters.get("source"):
        query = query.where(Source.name.ilike(f"%{filters['source']}%"))
    if filters.get("outlet"):
        query = query.where(Article.outlet.ilike(f"%{filters['outlet']}%"))
    if filters.get("older_than_days") is not None:
        cutoff = now_utc() - timedelta(days=filters["older_than_days"])
        query = query.where(Claim.created_at <= cutoff)
    return query


def report_rows(filters: dict, limit: int | None = None, batch_size: int = 2000):
    """Yield report rows without loading them all into memory."""
    query = unverified_claims_report(filters).limit(limit)
    yield from db.session.execute(query.execution_options(yield_per=batch_size))


def report_csv_chunks(filters: dict) -> Iterator[str]:
    """Yield the report as CSV text, a few hundred rows per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REPORT_COLUMNS)
    for count, row in enumerate(report_rows(filters), start=1):
        writer.writerow(row)
        if count % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
