"""Claim history rows can be added but never changed or removed, by anyone."""

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import DatabaseError

from verify.extensions import db
from verify.models import ClaimEvent


def event_count() -> int:
    return db.session.scalar(select(func.count(ClaimEvent.id)))


@pytest.mark.parametrize(
    "statement",
    [
        update(ClaimEvent).values(note="rewritten"),
        update(ClaimEvent).values(to_status="verified"),
        delete(ClaimEvent),
    ],
    ids=["update-note", "update-status", "delete"],
)
def test_history_rows_cannot_be_changed_in_the_database(article, statement):
    with pytest.raises(DatabaseError, match="append-only"):
        db.session.execute(statement)
    db.session.rollback()
    assert event_count() == len(article["claims"])


def test_raw_sql_cannot_delete_history_either(article):
    with pytest.raises(DatabaseError, match="append-only"):
        db.session.execute(text("DELETE FROM claim_events"))
    db.session.rollback()


def test_orm_changes_to_an_event_are_refused(article):
    event = db.session.scalars(db.select(ClaimEvent)).first()
    event.note = "changed after the fact"
    with pytest.raises(DatabaseError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(ClaimEvent, event.id).note != "changed after the fact"


def test_new_events_are_still_added(client, article, auth_header):
    claim = article["claims"][0]
    response = client.patch(
        f"/api/claims/{claim['id']}",
        json={"status": "verified"},
        headers={**auth_header(), "If-Match": str(claim["version"])},
    )
    assert response.status_code == 200
    assert event_count() == len(article["claims"]) + 1


COLUMNS = (
    "id, claim_id, user_id, created_at, action, from_status, to_status, note, evidence, changes"
)
REWRITTEN = (
    "SELECT id, claim_id, user_id, created_at, action, from_status, 'verified', "
    "'rewritten', evidence, changes FROM claim_events"
)
UPSERT = " ON CONFLICT (id) DO UPDATE SET note = 'rewritten', to_status = 'verified'"
REWRITES = {
    "sqlite": {
        "replace-into": f"REPLACE INTO claim_events ({COLUMNS}) {REWRITTEN}",
        "insert-or-replace": f"INSERT OR REPLACE INTO claim_events ({COLUMNS}) {REWRITTEN}",
        "upsert": f"INSERT INTO claim_events ({COLUMNS}) {REWRITTEN} WHERE true{UPSERT}",
    },
    "postgresql": {
        "upsert": f"INSERT INTO claim_events ({COLUMNS}) {REWRITTEN}{UPSERT}",
        "merge": "MERGE INTO claim_events AS old USING claim_events AS new ON old.id = new.id "
        "WHEN MATCHED THEN UPDATE SET note = 'rewritten'",
    },
}


def rewrite_statements(dialect: str) -> list[str]:
    """Statements that would replace existing history rows in place, on this database."""
    return list(REWRITES[dialect].values())


def history_rows() -> list:
    return db.session.execute(
        select(ClaimEvent.id, ClaimEvent.note, ClaimEvent.to_status).order_by(ClaimEvent.id)
    ).all()


@pytest.mark.parametrize("kind", ["replace-into", "insert-or-replace", "upsert", "merge"])
def test_history_rows_cannot_be_replaced_or_upserted(article, kind):
    statement = REWRITES[db.engine.dialect.name].get(kind)
    if statement is None:
        pytest.skip(f"{kind} is not a statement of {db.engine.dialect.name}")
    before = history_rows()
    with pytest.raises(DatabaseError, match="append-only"):
        db.session.execute(text(statement))
    db.session.rollback()
    assert history_rows() == before
