"""A backup restored into an emptied database brings back every claim and event; anything
that is not a verify backup is refused and the database left as it was."""

import os
import sqlite3
import subprocess
from contextlib import closing

import pytest
from sqlalchemy import func, select, text

from tests.conftest import TEST_DATABASE_URL
from tests.served import fresh_database_url
from verify import create_app
from verify.extensions import db
from verify.models import Claim, ClaimEvent
from verify.services import backup


def snapshot() -> dict:
    claims = db.session.execute(select(Claim.id, Claim.status, Claim.note, Claim.version))
    events = db.session.execute(select(ClaimEvent.id, ClaimEvent.claim_id, ClaimEvent.to_status))
    return {"claims": sorted(claims.all()), "events": sorted(events.all())}


@pytest.fixture
def stamped(runner):
    """Record the schema revision, as `flask db upgrade` does on a real database."""
    db.session.remove()
    result = runner.invoke(args=["db", "stamp", "head"])
    assert result.exit_code == 0, result.output
    yield
    db.session.remove()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def test_restore_brings_back_every_claim_and_event(
    runner, client, article, auth_header, tmp_path, stamped
):
    claim = article["claims"][0]
    client.patch(
        f"/api/claims/{claim['id']}",
        json={"status": "verified", "note": "Checked."},
        headers={**auth_header(), "If-Match": str(claim["version"])},
    )
    before = snapshot()
    # The commands run in this app context: end its transaction as a real process would.
    db.session.remove()
    backup_path = tmp_path / "verify.backup"
    result = runner.invoke(args=["db-backup", str(backup_path)])
    assert result.exit_code == 0, result.output
    assert backup_path.stat().st_size > 0

    db.drop_all()
    db.create_all()
    assert db.session.scalar(select(func.count(Claim.id))) == 0
    db.session.remove()

    result = runner.invoke(args=["db-restore", "--yes", str(backup_path)])
    assert result.exit_code == 0, result.output
    assert snapshot() == before
    assert client.get(f"/api/claims/{claim['id']}").get_json()["note"] == "Checked."


def test_restore_of_a_missing_file_says_so(runner, tmp_path):
    result = runner.invoke(args=["db-restore", "--yes", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "No backup at" in result.output


def sqlite_file(path, *statements):
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    return path


NOT_BACKUPS = {
    "random-bytes": lambda path: path.write_bytes(os.urandom(4096)) and path,
    "zero-bytes": lambda path: path.write_bytes(b"") or path,
    "empty-sqlite": lambda path: sqlite_file(path, "VACUUM"),
    "unrelated-sqlite": lambda path: sqlite_file(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes (body) VALUES ('keep me')",
    ),
    "foreign-revision": lambda path: sqlite_file(
        path,
        *[f"CREATE TABLE {name} (id INTEGER)" for name in db.metadata.tables],
        "CREATE TABLE alembic_version (version_num TEXT)",
        "INSERT INTO alembic_version VALUES ('0123456789ab')",
    ),
}


@pytest.mark.parametrize("kind", NOT_BACKUPS)
def test_restore_refuses_what_is_not_a_verify_backup(runner, article, tmp_path, stamped, kind):
    before = snapshot()
    path = NOT_BACKUPS[kind](tmp_path / f"{kind}.backup")
    db.session.remove()
    result = runner.invoke(args=["db-restore", "--yes", str(path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "is not a verify backup" in result.output
    assert "Nothing was changed" in result.output
    assert "Traceback" not in result.output
    assert snapshot() == before and before["claims"]


@pytest.mark.skipif(
    not TEST_DATABASE_URL.startswith("postgresql"),
    reason="pg_dump archives are restored only into PostgreSQL",
)
def test_restore_refuses_a_dump_of_another_postgresql_database(runner, article, tmp_path, stamped):
    before = snapshot()
    path = tmp_path / "other.dump"
    with fresh_database_url(tmp_path) as url:
        subprocess.run(
            [
                "psql",
                url.replace("+psycopg", ""),
                "-qc",
                "CREATE TABLE notes (id serial PRIMARY KEY, body text)",
            ],
            check=True,
        )
        subprocess.run(
            ["pg_dump", "--format=custom", f"--file={path}", url.replace("+psycopg", "")],
            check=True,
        )
    db.session.remove()
    result = runner.invoke(args=["db-restore", "--yes", str(path)])
    assert result.exit_code == 1
    assert "is not a verify backup: no table" in result.output
    assert snapshot() == before


@pytest.fixture
def passworded_app():
    """An app whose PostgreSQL URL has a password; nothing connects to it."""
    url = "postgresql+psycopg://verify:s3cret-Passw0rd@db.example:5432/verify?sslmode=require"
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": url})
    with app.app_context():
        yield app


def test_pg_tools_get_the_password_in_the_environment_not_argv(
    passworded_app, monkeypatch, tmp_path
):
    calls = []

    def fake_run(command, **options):
        calls.append((command, options.get("env") or {}))
        listing = "1; 1259 1 TABLE public {} verify\n"
        out = "".join(listing.format(name) for name in db.metadata.tables)
        if "--data-only" in command:
            out = (
                f"COPY public.alembic_version (version_num) FROM stdin;\n"
                f"{backup.newest_revision()}\n\\.\n"
            )
        return subprocess.CompletedProcess(command, 0, stdout=out, stderr="")

    monkeypatch.setattr(backup.subprocess, "run", fake_run)
    path = tmp_path / "verify.dump"
    path.write_bytes(b"PGDMP")
    backup.backup_database(path)
    assert backup.restore_database(path) == backup.newest_revision()
    assert {command[0] for command, _ in calls} == {"pg_dump", "pg_restore"}
    for command, env in calls:
        assert not any("s3cret" in argument for argument in command), command
        assert env.get("PGPASSWORD") == "s3cret-Passw0rd"
    assert "postgresql://verify@db.example:5432/verify?sslmode=require" in calls[0][0]
