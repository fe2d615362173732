"""Watching what the application asks of the database, for tests that count it."""

from contextlib import contextmanager

from sqlalchemy import event

from verify.extensions import db


@contextmanager
def listening(target, name: str, record):
    """Call record on each `name` event of target while the block runs."""
    event.listen(target, name, record)
    try:
        yield
    finally:
        event.remove(target, name, record)


@contextmanager
def statements_sent(starting_with: str = ""):
    """Collect every statement sent to the database that starts with the given keyword."""
    statements = []
    keyword = starting_with.upper()

    def record(connection, cursor, statement, *args):
        if statement.lstrip().upper().startswith(keyword):
            statements.append(statement)

    with listening(db.engine, "before_cursor_execute", record):
        yield statements


@contextmanager
def connection_checkouts():
    """Collect every connection taken from the pool."""
    taken = []

    def record(dbapi_connection, connection_record, proxy):
        taken.append(dbapi_connection)

    with listening(db.engine, "checkout", record):
        yield taken
