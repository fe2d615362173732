"""Database triggers that refuse any UPDATE or DELETE of claim history rows."""

from sqlalchemy import DDL, Table, event

REFUSAL = "claim history is append-only"

SQLITE_GUARD = [
    f"CREATE TRIGGER claim_events_no_update BEFORE UPDATE ON claim_events "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    f"CREATE TRIGGER claim_events_no_delete BEFORE DELETE ON claim_events "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    # REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is
    # off by default), so an insert may never reuse the id of a stored event.
    f"CREATE TRIGGER claim_events_no_replace BEFORE INSERT ON claim_events "
    f"WHEN EXISTS (SELECT 1 FROM claim_events WHERE id = NEW.id) "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
]
POSTGRESQL_GUARD = [
    "CREATE OR REPLACE FUNCTION refuse_claim_event_change() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$",
    "CREATE TRIGGER claim_events_append_only BEFORE UPDATE OR DELETE ON claim_events "
    "FOR EACH ROW EXECUTE FUNCTION refuse_claim_event_change()",
    "CREATE TRIGGER claim_events_no_truncate BEFORE TRUNCATE ON claim_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION refuse_claim_event_change()",
]
POSTGRESQL_CLEANUP = ["DROP FUNCTION IF EXISTS refuse_claim_event_change() CASCADE"]


def guard_statements(dialect: str) -> list[str]:
    return {"sqlite": SQLITE_GUARD, "postgresql": POSTGRESQL_GUARD}.get(dialect, [])


def install_append_only_guard(table: Table) -> None:
    """Create the triggers whenever create_all creates the table (migrations add their own)."""
    for dialect in ("sqlite", "postgresql"):
        for statement in guard_statements(dialect):
            event.listen(table, "after_create", DDL(statement).execute_if(dialect=dialect))
    for statement in POSTGRESQL_CLEANUP:
        event.listen(table, "after_drop", DDL(statement).execute_if(dialect="postgresql"))
