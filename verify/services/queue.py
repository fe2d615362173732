"""The fact-checkers' queue: claims to review, filtered, oldest first."""

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from verify.extensions import db
from verify.models import Article, Claim, Source, User


def filtered_claims(query: Select, filters: dict, user: User) -> Select:
    """Narrow a claims query by article, outlet, source, text and assignee."""
    if filters.get("article"):
        query = query.where(Claim.article_id == filters["article"])
    if filters.get("outlet"):
        query = query.where(Article.outlet.ilike(f"%{filters['outlet']}%"))
    if filters.get("source"):
        query = query.where(Source.name.ilike(f"%{filters['source']}%"))
    if filters.get("q"):
        query = query.where(Claim.text.ilike(f"%{filters['q']}%"))
    assignee = filters.get("assignee")
    if assignee == "me":
        query = query.where(Claim.assigned_to_id == user.id)
    elif assignee == "none":
        query = query.where(Claim.assigned_to_id.is_(None))
    return query


def joined(query: Select) -> Select:
    return (
        query.join(Article, Claim.article_id == Article.id)
        .outerjoin(Source, Claim.source_id == Source.id)
        .where(Claim.public())
    )


def queue_claims(filters: dict, user: User) -> Select:
    """Select the matching claims, oldest first, with what a queue row shows."""
    query = filtered_claims(joined(select(Claim)), filters, user)
    if filters.get("status"):
        query = query.where(Claim.status == filters["status"])
    return query.options(
        selectinload(Claim.article), selectinload(Claim.source), selectinload(Claim.assigned_to)
    ).order_by(Claim.created_at, Claim.id)


def status_counts(filters: dict, user: User) -> dict[str, int]:
    """Count the claims matching every filter but status, per status."""
    query = joined(select(Claim.status, func.count(Claim.id)))
    query = filtered_claims(query, filters, user).group_by(Claim.status)
    return dict(db.session.execute(query).all())
