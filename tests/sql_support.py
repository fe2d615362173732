"""Watching the SQL the application sends, for tests that count queries."""

from contextlib import contextmanager

from sqlalchemy import event

from verify.extensions import db


@contextmanager
def statements_sent(starting_with: str = ""):
    """Collect every statement sent to the database that starts with the given keyword."""
    statements = []
    keyword = starting_with.upper()

    def record(connection, cursor, statement, *args):
        if statement.lstrip().upper().startswith(keyword):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
