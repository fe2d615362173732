"""Back up and restore the whole database: SQLite's backup API, or pg_dump/pg_restore."""

import os
import sqlite3
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path

from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy.engine import URL

from verify.extensions import db

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore failed; the message says why and what to try."""


class ToolFailed(BackupError):
    """pg_dump or pg_restore ran and exited with an error."""


def libpq_url(url: URL) -> str:
    """The URL for pg_dump/pg_restore, without the password: argv is visible in `ps`."""
    query = {key: value for key, value in url.query.items() if key != "password"}
    bare = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=query,
    )
    return bare.render_as_string(hide_password=False)


def libpq_environment(url: URL) -> dict:
    """The environment for pg_dump/pg_restore, carrying the password if there is one."""
    password = url.password or url.query.get("password")
    return {**os.environ, "PGPASSWORD": str(password)} if password else dict(os.environ)


def backup_database(path: Path) -> None:
    """Write a consistent copy of the database to path."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        with closing(sqlite3.connect(path)) as target, raw_sqlite_connection() as source:
            source.backup(target)
        return
    run_tool(["pg_dump", "--format=custom", f"--file={path}", libpq_url(url)], url)


def restore_database(path: Path) -> str:
    """Replace the database's contents with a verify backup; return the backup's revision.

    The file is checked first, and anything but a verify backup is refused untouched.
    """
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        revision = check_sqlite_backup(path)
    else:
        revision = check_postgresql_backup(path, url)
    db.session.remove()
    if url.get_backend_name() == "sqlite":
        with closing(sqlite3.connect(path)) as source, raw_sqlite_connection() as target:
            source.backup(target)
        return revision
    db.engine.dispose()
    run_tool(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={libpq_url(url)}",
            str(path),
        ],
        url,
    )
    return revision


def newest_revision() -> str:
    return revisions().get_current_head()


def revisions() -> ScriptDirectory:
    return ScriptDirectory(current_app.extensions["migrate"].directory)


def check_backup(path: Path, tables: set[str], revision: str | None) -> str:
    """Refuse a backup without verify's tables or from an unknown schema revision."""
    missing = set(db.metadata.tables) - tables
    if missing:
        raise BackupError(f"{path} is not a verify backup: no table {', '.join(sorted(missing))}.")
    if revision is None:
        raise BackupError(
            f"{path} is not a verify backup: it has no schema revision (alembic_version)."
        )
    known = {script.revision for script in revisions().walk_revisions()}
    if revision not in known:
        raise BackupError(
            f"{path} is not a verify backup: its schema revision {revision} "
            "is not one of verify's migrations."
        )
    return revision


def check_sqlite_backup(path: Path) -> str:
    """The revision of a SQLite verify backup, or BackupError saying what the file is not."""
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{path} is not a verify backup: not a SQLite database.")
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as source:
            names = source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {row[0] for row in names}
            revision = None
            if "alembic_version" in tables:
                revision = source.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a verify backup: {exc}.") from exc
    return check_backup(path, tables, revision[0] if revision else None)


def check_postgresql_backup(path: Path, url: URL) -> str:
    """The revision of a pg_dump verify backup, or BackupError saying what it is not."""
    try:
        listing = run_tool(["pg_restore", "--list", str(path)], url)
        data = run_tool(
            ["pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(path)], url
        )
    except ToolFailed as exc:
        raise BackupError(f"{path} is not a verify backup: {exc}") from exc
    return check_backup(path, listed_tables(listing), copied_value(data))


def listed_tables(listing: str) -> set[str]:
    """Table names in `pg_restore --list` output ("ID; OID OID TABLE schema name owner")."""
    tables = set()
    for line in listing.splitlines():
        words = line.split()
        if len(words) >= 6 and words[3] == "TABLE" and words[4] != "DATA":
            tables.add(words[5])
    return tables


def copied_value(script: str) -> str | None:
    """The first row of the first COPY ... FROM stdin block in a SQL script."""
    lines = iter(script.splitlines())
    for line in lines:
        if line.startswith("COPY "):
            value = next(lines, "\\.")
            return None if value == "\\." else value
    return None


@contextmanager
def raw_sqlite_connection():
    """The driver connection itself, outside any session transaction."""
    pooled = db.engine.raw_connection()
    try:
        yield pooled.driver_connection
    finally:
        pooled.close()


def run_tool(command: list[str], url: URL) -> str:
    """Run a PostgreSQL client tool with the password in its environment; return stdout."""
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, check=False, env=libpq_environment(url)
        )
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} is not installed; install the PostgreSQL client tools."
        ) from exc
    if result.returncode != 0:
        raise ToolFailed(f"{command[0]} failed: {result.stderr.strip()}")
    return result.stdout
