"""Let a PostgreSQL role that does not own verify's tables run the app.

A table's owner can switch its triggers off (ALTER TABLE ... DISABLE TRIGGER), and with them
the guard that keeps claim history append-only. Serving as a role that owns nothing, with
only INSERT and SELECT on claim_events, keeps history append-only even for the app itself.
"""

from sqlalchemy import text

from verify.extensions import db

READ_WRITE = "SELECT, INSERT, UPDATE, DELETE"
# Table -> privileges, for the tables that get less than READ_WRITE.
NARROWER = {"claim_events": "SELECT, INSERT", "alembic_version": "SELECT"}


class AppRoleError(Exception):
    """The role cannot be used as the app's role; the message says why."""


def grant_statements(role: str, schema: str, tables: list[str]) -> list[str]:
    """The GRANTs (and the REVOKEs before them) that make role the app's role."""
    quote = db.engine.dialect.identifier_preparer.quote
    name, schema = quote(role), quote(schema)
    statements = [f"GRANT USAGE ON SCHEMA {schema} TO {name}"]
    for table in tables:
        statements.append(f"REVOKE ALL ON {quote(table)} FROM {name}")
        statements.append(f"GRANT {NARROWER.get(table, READ_WRITE)} ON {quote(table)} TO {name}")
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {name}")
    return statements


def check_app_role(role: str) -> None:
    """Refuse a role that is missing, a superuser, or the owner of the tables."""
    if db.engine.dialect.name != "postgresql":
        raise AppRoleError("Only PostgreSQL has roles; on SQLite, protect the database file.")
    found = db.session.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).first()
    if found is None:
        raise AppRoleError(f"No role {role!r}; create it first (CREATE ROLE ... LOGIN).")
    if found.rolsuper:
        raise AppRoleError(f"{role} is a superuser: it can switch the history guard off.")
    owner = db.session.scalar(
        text(
            "SELECT tableowner FROM pg_tables "
            "WHERE tablename = 'claim_events' AND schemaname = current_schema()"
        )
    )
    if owner is None:
        raise AppRoleError("No claim_events table: run `flask db upgrade` first.")
    if owner == role:
        raise AppRoleError(f"{role} owns the tables; serve as a role that owns none.")


def grant_app_role(role: str) -> None:
    """Grant role what the app needs on every table, and only INSERT on claim history."""
    check_app_role(role)
    schema = db.session.scalar(text("SELECT current_schema()"))
    present = db.session.scalars(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    ).all()
    tables = [table for table in [*db.metadata.tables, "alembic_version"] if table in present]
    for statement in grant_statements(role, schema, tables):
        db.session.execute(text(statement))
