"""A database holding data of the revision before head upgrades to head with the data intact.

The revision is head's parent in Alembic's script directory, so the test follows every new
revision. Rows are written through SQL into the tables as that revision left them; columns the
test does not know yet get a value of their type.
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask import current_app
from flask_migrate import upgrade

from tests.conftest import PASSWORD, PASSWORD_HASH
from tests.test_migrations import empty_database_url, migration_app  # noqa: F401
from verify.extensions import db
from verify.models import hash_token

BODY = '"The ferry will run again in May," the harbour master said on Monday.\n'
CLAIM = "The ferry will run again in May"
NOTE = "The timetable on the port's site still shows no May sailings."
EVIDENCE = [
    {"url": "https://port.example/timetable", "title": "Timetable", "stance": "contradicts"}
]
TOKEN = "upgrade-test-token-" + "x" * 24
WHEN = datetime(2026, 3, 2, 9, 30)
ROWS = {
    "articles": {
        "title": "Ferry to return in May, harbour master says",
        "body": BODY,
        "url": "https://quay.example/ferry",
        "outlet": "The Quay Herald",
        "author": "Ines Moreau",
        "published_at": WHEN,
        "content_hash": "f" * 64,
    },
    "sources": {"key": "harbour master", "name": "the harbour master", "kind": "official"},
    "users": {
        "username": "Ines",
        "username_key": "ines",
        "password_hash": PASSWORD_HASH,
        "session_token": "s" * 32,
        "role": "fact-checker",
        "active": True,
    },
    "api_tokens": {"token_hash": hash_token(TOKEN), "expires_at": WHEN + timedelta(days=3650)},
    "claims": {
        "text": CLAIM,
        "start": 1,
        "end": 1 + len(CLAIM),
        "source_text": "the harbour master",
        "cue": "said",
        "kind": "reported",
        "origin": "extracted",
        "status": "disputed",
        "note": NOTE,
        "evidence": EVIDENCE,
        "dismissed": False,
        "version": 2,
        "reviewed_at": WHEN,
        "updated_at": WHEN,
    },
    "claim_events": {
        "action": "review",
        "from_status": "unverified",
        "to_status": "disputed",
        "note": NOTE,
        "evidence": EVIDENCE,
    },
}


def previous_revision() -> str:
    """Head's parent: the revision a database is at until the newest one is applied."""
    config = current_app.extensions["migrate"].migrate.get_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_revision(script.get_current_head())
    assert head.down_revision, "the newest revision has no parent to upgrade from"
    return head.down_revision


def value_of_type(column: sa.Column):
    """A value for a column this test does not know, or None where the column allows it."""
    if column.nullable or column.server_default is not None:
        return None
    python_type = column.type.python_type
    if python_type is datetime:
        return WHEN
    if python_type is str:
        return "x"
    return python_type()


def row_for(table: sa.Table, ids: dict[str, int]) -> dict:
    """The values to insert into a table: known ones, the rows it refers to, then defaults."""
    known = ROWS.get(table.name, {})
    row = {}
    for column in table.columns:
        if column.primary_key:
            continue
        referred = {key.column.table.name for key in column.foreign_keys}
        if column.name in known:
            row[column.name] = known[column.name]
        elif referred:
            row[column.name] = ids.get(referred.pop())
        elif column.name == "created_at":
            row[column.name] = WHEN
        else:
            row[column.name] = value_of_type(column)
    return {name: value for name, value in row.items() if value is not None}


def fill_every_table() -> dict[str, dict]:
    """Insert one row into each table of the current schema; return them by table with ids."""
    tables = sa.MetaData()
    tables.reflect(bind=db.engine)
    ids, written = {}, {}
    for table in tables.sorted_tables:
        if table.name == "alembic_version":
            continue
        row = row_for(table, ids)
        ids[table.name] = db.session.execute(table.insert().values(row)).inserted_primary_key[0]
        written[table.name] = {**row, "id": ids[table.name]}
    db.session.commit()
    return written


def assert_rows_kept(written: dict[str, dict]) -> None:
    tables = sa.MetaData()
    tables.reflect(bind=db.engine)
    for name, row in written.items():
        table = tables.tables[name]
        stored = db.session.execute(table.select().where(table.c.id == row["id"])).one()
        kept = {column: getattr(stored, column) for column in row if column in table.c}
        assert kept == {column: row[column] for column in kept}, name


def test_data_of_the_previous_revision_survives_the_upgrade(migration_app):  # noqa: F811
    upgrade(revision=previous_revision())
    written = fill_every_table()
    upgrade()
    assert_rows_kept(written)
    if db.engine.dialect.name == "sqlite":  # the upgrade switches them off while it runs
        assert db.session.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
    db.session.remove()

    client = migration_app.test_client()
    article = client.get(f"/api/articles/{written['articles']['id']}").get_json()
    [claim] = article["claims"]
    assert (claim["text"], claim["status"], claim["note"]) == (CLAIM, "disputed", NOTE)
    assert claim["evidence"][0]["url"] == EVIDENCE[0]["url"]
    page = client.get(f"/articles/{written['articles']['id']}")
    assert page.status_code == 200 and CLAIM in page.get_data(as_text=True)

    staff = {"Authorization": f"Bearer {TOKEN}"}
    history = client.get(f"/api/claims/{claim['id']}/history", headers=staff).get_json()
    assert [(event["action"], event["note"]) for event in history] == [("review", NOTE)]
    signed_in = client.post("/api/tokens", json={"username": "ines", "password": PASSWORD})
    assert signed_in.status_code == 201
    assert signed_in.get_json()["role"] == "fact-checker"
    db.session.remove()
