"""The unverified report: what have we published that nobody has checked?"""

from dataclasses import dataclass

from sqlalchemy import Select, case, func, select, tuple_

from verify.extensions import db
from verify.models import Article, Claim, Source
from verify.services.sqltime import age_hours, iso_text
from verify.vocabulary import NO_SOURCE_KIND

REPORT_COLUMNS = (
    "claim_id",
    "article_id",
    "article_title",
    "outlet",
    "author",
    "published_at",
    "age_hours",
    "overdue",
    "source",
    "source_kind",
    "kind",
    "text",
    "note",
    "created_at",
)
GROUPS = ("outlet", "author", "source", "source_kind")


class UnknownAnchor(Exception):
    """A keyset page was asked to start after or before a claim that does not exist."""


@dataclass
class ReportPage:
    rows: list
    next_after: int | None
    prev_before: int | None


def article_age():
    """Hours since the article was published, or added when its date is unknown."""
    return age_hours(func.coalesce(Article.published_at, Article.created_at))


def source_kind():
    return func.coalesce(Source.kind, NO_SOURCE_KIND)


class UnverifiedReport:
    """Unverified claims readers can see, with filters and an overdue threshold in hours."""

    def __init__(self, filters: dict, overdue_hours: int):
        self.filters = filters
        self.overdue_hours = filters.get("overdue_hours") or overdue_hours

    def is_overdue(self):
        return article_age() >= self.overdue_hours

    def columns(self) -> tuple:
        return (
            Claim.id.label("claim_id"),
            Claim.article_id,
            Article.title.label("article_title"),
            Article.outlet,
            Article.author,
            iso_text(Article.published_at).label("published_at"),
            article_age().label("age_hours"),
            case((self.is_overdue(), "true"), else_="false").label("overdue"),
            Source.name.label("source"),
            source_kind().label("source_kind"),
            Claim.kind,
            Claim.text,
            Claim.note,
            iso_text(Claim.created_at).label("created_at"),
        )

    def base(self, *columns) -> Select:
        query = (
            select(*columns)
            .select_from(Claim)
            .join(Article, Claim.article_id == Article.id)
            .outerjoin(Source, Claim.source_id == Source.id)
            .where(Claim.status == "unverified", Claim.public())
        )
        return self.filtered(query)

    def filtered(self, query: Select) -> Select:
        filters = self.filters
        for name, column in (
            ("outlet", Article.outlet),
            ("author", Article.author),
            ("source", Source.name),
        ):
            if filters.get(name):
                query = query.where(column.ilike(f"%{filters[name]}%"))
        if filters.get("source_kind"):
            query = query.where(source_kind() == filters["source_kind"])
        if filters.get("article"):
            query = query.where(Claim.article_id == filters["article"])
        if filters.get("older_than_days") is not None:
            query = query.where(article_age() >= filters["older_than_days"] * 24)
        if filters.get("overdue") is not None:
            overdue = self.is_overdue()
            query = query.where(overdue if filters["overdue"] else ~overdue)
        return query

    def rows(self) -> Select:
        """Select every row of the report, oldest claim first."""
        return self.base(*self.columns()).order_by(Claim.created_at, Claim.id)

    def totals(self):
        """Count the matching claims and how many of them are overdue."""
        overdue = func.coalesce(func.sum(case((self.is_overdue(), 1), else_=0)), 0)
        query = self.base(func.count().label("claims"), overdue.label("overdue"))
        return db.session.execute(query).one()

    def groups(self, group: str) -> list:
        """Count claims, overdue claims and the oldest age per outlet, author or source."""
        key = {
            "outlet": Article.outlet,
            "author": Article.author,
            "source": Source.name,
            "source_kind": source_kind(),
        }[group]
        overdue = func.sum(case((self.is_overdue(), 1), else_=0))
        query = self.base(
            key.label("key"),
            func.count().label("claims"),
            overdue.label("overdue"),
            func.max(article_age()).label("oldest_hours"),
        ).group_by(key)
        return db.session.execute(query.order_by(overdue.desc(), func.count().desc())).all()

    def page(self, size: int, after: int | None = None, before: int | None = None):
        """One page of rows by keyset: the claims after (or before) a given claim."""
        if before is not None:
            return self.page_before(size, before)
        query = self.base(*self.columns()).order_by(Claim.created_at, Claim.id)
        if after is not None:
            query = query.where(self.keyset(after, ">"))
        rows = db.session.execute(query.limit(size + 1)).all()
        next_after = rows[size - 1].claim_id if len(rows) > size else None
        prev_before = None if after is None else (rows[0].claim_id if rows else after)
        return ReportPage(rows[:size], next_after, prev_before)

    def page_before(self, size: int, before: int) -> ReportPage:
        query = self.base(*self.columns()).where(self.keyset(before, "<"))
        query = query.order_by(Claim.created_at.desc(), Claim.id.desc()).limit(size + 1)
        rows = db.session.execute(query).all()
        page = rows[:size][::-1]
        prev_before = page[0].claim_id if len(rows) > size else None
        return ReportPage(page, page[-1].claim_id if page else before, prev_before)

    @staticmethod
    def keyset(claim_id: int, direction: str):
        """Rows strictly after or before a claim in (created_at, id) order."""
        anchor = db.session.scalar(select(Claim.created_at).where(Claim.id == claim_id))
        if anchor is None:
            raise UnknownAnchor(f"No claim with id {claim_id}.")
        key = tuple_(Claim.created_at, Claim.id)
        if direction == ">":
            # The plain column bound lets an index on created_at seek to the page.
            return (Claim.created_at >= anchor) & (key > tuple_(anchor, claim_id))
        return (Claim.created_at <= anchor) & (key < tuple_(anchor, claim_id))
