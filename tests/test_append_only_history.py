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
    response = client.patch(f"/api/claims/{claim['id']}", json={"status": "verified"},
                            headers={**auth_header(), "If-Match": str(claim["version"])})
    assert response.status_code == 200
    assert event_count() == len(article["claims"]) + 1
