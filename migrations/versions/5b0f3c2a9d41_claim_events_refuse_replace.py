"""claim history: refuse REPLACE of a stored event on SQLite

Revision ID: 5b0f3c2a9d41
Revises: ccd97589576b
Create Date: 2026-11-30 10:30:00

"""

from alembic import op

# SQLite's REPLACE deletes the conflicting row without firing DELETE triggers, so an
# insert reusing a stored event's id is refused (see verify/append_only.py). PostgreSQL
# has no REPLACE; its upsert and MERGE fire the UPDATE trigger already there.
NO_REPLACE = (
    "CREATE TRIGGER claim_events_no_replace BEFORE INSERT ON claim_events "
    "WHEN EXISTS (SELECT 1 FROM claim_events WHERE id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'claim history is append-only'); END"
)

# revision identifiers, used by Alembic.
revision = "5b0f3c2a9d41"
down_revision = "ccd97589576b"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(NO_REPLACE)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS claim_events_no_replace")
