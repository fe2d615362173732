"""Back up and restore the whole database: SQLite's backup API, or pg_dump/pg_restore."""

import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import URL

from verify.extensions import db


class BackupError(Exception):
    """A backup or restore failed; the message says why and what to try."""


def libpq_url(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def backup_database(path: Path) -> None:
    """Write a consistent copy of the database to path."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(path) as target, raw_sqlite_connection() as source:
            source.backup(target)
        return
    run_tool(["pg_dump", "--format=custom", f"--file={path}", libpq_url(url)])


def restore_database(path: Path) -> None:
    """Replace the database's contents with a backup made by backup_database."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    url = db.engine.url
    db.session.remove()
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(path) as source, raw_sqlite_connection() as target:
            source.backup(target)
        return
    db.engine.dispose()
    run_tool(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={libpq_url(url)}", str(path)])


@contextmanager
def raw_sqlite_connection():
    """The driver connection itself, outside any session transaction."""
    pooled = db.engine.raw_connection()
    try:
        yield pooled.driver_connection
    finally:
        pooled.close()


def run_tool(command: list[str]) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} is not installed; install the PostgreSQL client tools."
        ) from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
