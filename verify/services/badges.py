"""What a badge needs: one primary-key query on the driver's connection, kept a second.

Badges are loaded far more often than claims change, so each process keeps what it read
for BADGE_CACHE_SECONDS and says how old it is (the Age header), which keeps every copy,
ours and a CDN's, within the badge's max-age of the change. Saves through the ORM in this
process forget the entry at once.
"""

import time
import weakref

from sqlalchemy import Engine, and_, bindparam, event, func, select

from verify.models import Article, Claim

CLAIM_STATUS = select(Claim.status, Claim.version).where(
    Claim.id == bindparam("id"), Claim.public()
)
ARTICLE_COUNTS = (
    select(Claim.status, func.count(Claim.id))
    .select_from(Article)
    .outerjoin(Claim, and_(Claim.article_id == Article.id, Claim.public()))
    .where(Article.id == bindparam("id"))
    .group_by(Claim.status)
)
CACHE_ENTRIES = 100_000
READERS: "weakref.WeakKeyDictionary[Engine, BadgeReader]" = weakref.WeakKeyDictionary()


class BadgeReader:
    """Run the badge queries, compiled once, on pooled driver connections in autocommit.

    This skips the ORM session and SQLAlchemy's per-statement work; autocommit spares the
    BEGIN and ROLLBACK round trips a read-only lookup does not need.
    """

    def __init__(self, engine: Engine, cache_seconds: float):
        self.engine = engine
        self.cache_seconds = cache_seconds
        self.cache: dict[tuple[str, int], tuple[float, object]] = {}
        self.toggle_autocommit = engine.dialect.name == "postgresql"
        self.claim_sql, self.positional = self.compile(CLAIM_STATUS)
        self.article_sql, _ = self.compile(ARTICLE_COUNTS)
        READERS[engine] = self

    def compile(self, query) -> tuple[str, bool]:
        compiled = query.compile(dialect=self.engine.dialect)
        return str(compiled), compiled.positional

    def fetch(self, sql: str, key: int) -> list[tuple]:
        connection = self.engine.raw_connection()
        try:
            return self.run(connection.dbapi_connection, sql, key)
        except Exception:
            if getattr(connection.dbapi_connection, "closed", False):
                connection.invalidate()  # the server went away: do not pool a dead link
            raise
        finally:
            connection.close()

    def run(self, driver, sql: str, key: int) -> list[tuple]:
        if self.toggle_autocommit:
            driver.autocommit = True
        try:
            cursor = driver.cursor()
            cursor.execute(sql, (key,) if self.positional else {"id": key})
            return cursor.fetchall()
        finally:
            if self.toggle_autocommit and not driver.closed:
                driver.autocommit = False

    def remembered(self, kind: str, key: int, load) -> tuple[object, float]:
        """Return (value, seconds since it was read), reading it again once too old."""
        now = time.monotonic()
        entry = self.cache.get((kind, key))
        if entry is None or now - entry[0] >= self.cache_seconds:
            entry = (now, load(key))
            if self.cache_seconds > 0:
                if len(self.cache) >= CACHE_ENTRIES:
                    self.cache.clear()
                self.cache[(kind, key)] = entry
        return entry[1], now - entry[0]

    def forget(self, article_id: int, claim_ids: list[int]) -> None:
        self.cache.pop(("article", article_id), None)
        for claim_id in claim_ids:
            self.cache.pop(("claim", claim_id), None)

    def claim_status(self, claim_id: int) -> tuple[tuple[str, int] | None, float]:
        """Return ((status, version) or None for no public claim, age of that answer)."""
        return self.remembered("claim", claim_id, self.load_claim)

    def article_counts(self, article_id: int) -> tuple[dict[str, int] | None, float]:
        """Return (public claims by status, or None for no article, age of that answer)."""
        return self.remembered("article", article_id, self.load_article)

    def load_claim(self, claim_id: int) -> tuple[str, int] | None:
        rows = self.fetch(self.claim_sql, claim_id)
        return tuple(rows[0]) if rows else None

    def load_article(self, article_id: int) -> dict[str, int] | None:
        rows = self.fetch(self.article_sql, article_id)
        if not rows:
            return None
        return {status: count for status, count in rows if status is not None}


CLAIM_CHANGES = ("after_insert", "after_update", "after_delete")


def register_badge_cache_events() -> None:
    """Drop a claim's cached badge whenever the claim row changes (once per process)."""
    for change in CLAIM_CHANGES:
        if not event.contains(Claim, change, forget_changed_claim):
            event.listen(Claim, change, forget_changed_claim)


def forget_changed_claim(mapper, connection, claim: Claim) -> None:
    reader = READERS.get(connection.engine)
    if reader is not None:
        reader.forget(claim.article_id, [claim.id])


def forget_new_claims(connection, article_id: int, claim_ids: list[int]) -> None:
    """Forget an article's badge after claims were inserted without the ORM's events."""
    reader = READERS.get(connection.engine)
    if reader is not None:
        reader.forget(article_id, claim_ids)
