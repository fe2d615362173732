"""Newsroom-scale data for bench/reports.py, bulk loaded: COPY into PostgreSQL, executemany
into SQLite, the same seeded rows in both, after the app's own migrations built the schema."""

import random
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import sqlalchemy as sa

START = datetime(2024, 1, 1)
KINDS = ("official", "person", "media", "social_media", "anonymous")
TEXTS = (
    '"The bridge will reopen in May, on budget," the minister said ({n})',
    "Tolls will be free for residents — “at least at first” ({n})",
    "the port handled {n} containers last year, a record",
    "Rents rose 12%, faster than wages, in every district ({n})",
)
BODY = "The harbour plan, explained. " * 8
SOURCE_COLUMNS = ("id", "key", "name", "kind")
ARTICLE_COLUMNS = (
    "id",
    "title",
    "body",
    "url",
    "outlet",
    "author",
    "published_at",
    "content_hash",
    "created_at",
)
CLAIM_COLUMNS = (
    "id",
    "article_id",
    "source_id",
    "text",
    "start",
    "end",
    "cue",
    "kind",
    "origin",
    "status",
    "note",
    "evidence",
    "dismissed",
    "version",
    "created_at",
    "updated_at",
)


def source_rows(count: int):
    for n in range(1, count + 1):
        yield n, f"source-{n}", f"Source {n}", KINDS[n % len(KINDS)]


def article_rows(count: int):
    rng = random.Random(1)
    for n in range(1, count + 1):
        added = START + timedelta(minutes=20 * n, seconds=rng.randrange(600))
        published = None if n % 20 == 0 else added - timedelta(hours=rng.randrange(1, 48))
        yield (
            n,
            f"Article {n}: the harbour plan, explained",
            BODY,
            f"https://news.example/{n}",
            f"Outlet {n % 40}",
            f"Author {n % 500}",
            published,
            f"{n:064x}",
            added,
        )


def claim_rows(count: int, articles: int, sources: int):
    """Claims spread evenly over the articles: 60% unverified, 1% dismissed."""
    rng = random.Random(2)
    per_article = max(1, count // articles)
    for n in range(1, count + 1):
        article = min(articles, (n - 1) // per_article + 1)
        added = START + timedelta(
            minutes=20 * article, seconds=n % per_article, microseconds=n % 997 + 1
        )
        draw = rng.random()
        status = "unverified" if draw < 0.6 else "verified" if draw < 0.9 else "disputed"
        source = None if n % 10 == 0 else rng.randrange(1, sources + 1)
        note = "Asked the port authority, no answer yet." if n % 7 == 0 else None
        yield (
            n,
            article,
            source,
            TEXTS[n % len(TEXTS)].format(n=n),
            0,
            80,
            "said",
            "direct_quote",
            "extracted",
            status,
            note,
            "[]",
            n % 100 == 0,
            1,
            added,
            added,
        )


def plain_url(url: str) -> str:
    return sa.engine.make_url(url).set(drivername="postgresql").render_as_string(False)


def migrate(url: str) -> None:
    """Build the schema the way production does: the app's migrations."""
    from flask_migrate import upgrade

    from verify import create_app
    from verify.extensions import db

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        db.engine.dispose()


def recreate_postgresql(url: str) -> None:
    name = sa.engine.make_url(url).database
    admin_url = sa.engine.make_url(plain_url(url)).set(database="postgres")
    with psycopg.connect(admin_url.render_as_string(False), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def copy_rows(cursor, table: str, columns: tuple, rows) -> None:
    names = ", ".join(f'"{column}"' for column in columns)
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
    )


def load_postgresql(url: str, sources: int, articles: int, claims: int) -> float:
    """Rebuild the database and COPY the rows in; return the seconds it took."""
    start = time.perf_counter()
    recreate_postgresql(url)
    migrate(url)
    with psycopg.connect(plain_url(url)) as connection, connection.cursor() as cursor:
        copy_rows(cursor, "sources", SOURCE_COLUMNS, source_rows(sources))
        copy_rows(cursor, "articles", ARTICLE_COLUMNS, article_rows(articles))
        copy_rows(cursor, "claims", CLAIM_COLUMNS, claim_rows(claims, articles, sources))
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")
    return time.perf_counter() - start


def sqlite_value(value):
    """Store values as SQLAlchemy's SQLite types do: datetimes as text, booleans as 0/1."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return int(value) if isinstance(value, bool) else value


def insert_rows(connection, table: str, columns: tuple, rows) -> None:
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    connection.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        (tuple(map(sqlite_value, row)) for row in rows),
    )


def load_sqlite(url: str, sources: int, articles: int, claims: int) -> float:
    """Rebuild the file and insert the rows in one transaction; return the seconds it took."""
    start = time.perf_counter()
    path = Path(url.removeprefix("sqlite:///"))
    path.unlink(missing_ok=True)
    migrate(url)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    insert_rows(connection, "sources", SOURCE_COLUMNS, source_rows(sources))
    insert_rows(connection, "articles", ARTICLE_COLUMNS, article_rows(articles))
    insert_rows(connection, "claims", CLAIM_COLUMNS, claim_rows(claims, articles, sources))
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    return time.perf_counter() - start
