"""Sources and their track record: how their claims were judged."""

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import selectinload

from verify.models import Claim, Source
from verify.vocabulary import STATUSES


def status_total(status: str):
    return func.sum(case((Claim.status == status, 1), else_=0)).label(status)


def source_track_records() -> Select:
    """Select every source with its claim count per status, most claims first."""
    total = func.count(Claim.id).label("total")
    return (
        select(Source, total, *(status_total(status) for status in STATUSES))
        .join(Claim, Claim.source_id == Source.id)
        .where(Claim.public())
        .group_by(Source.id)
        .order_by(total.desc(), Source.name)
    )


def source_claims(source: Source, status: str | None = None) -> Select:
    """Select a source's claims, newest first, optionally of one status."""
    query = (
        source.claims.select()
        .where(Claim.public())
        .options(selectinload(Claim.article))
        .order_by(Claim.created_at.desc(), Claim.id.desc())
    )
    return query.where(Claim.status == status) if status else query
