"""Stream a report query as CSV or JSON Lines in flat memory, whatever its size.

The database writes each line (PostgreSQL's COPY, SQLite's printf and json_object), so
Python only moves bytes: per-row Python work would cost several times the query itself.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, Integer, Select, case, func, literal, literal_column, select

from verify.extensions import db
from verify.services.sqltime import first_code

CHUNK_BYTES = 256 * 1024
BATCH_ROWS = 5000
# CSV with a delimiter and quote that JSON text never holds raw: COPY then writes each
# JSON document untouched, one per line (text format would double its backslashes).
COPY_JSON = "FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02'"
# A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_CODES = tuple(ord(character) for character in FORMULA_STARTS)


def csv_line(values: Iterable) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue().encode()


def csv_chunks(query: Select, columns: tuple[str, ...]) -> Iterator[bytes]:
    """Yield the header at once, then the rows."""
    yield csv_line(columns)
    connection = db.session.connection()
    query = spreadsheet_safe(query)
    if connection.dialect.name == "postgresql":
        yield from copy_chunks(connection, query, "FORMAT csv")
    else:
        yield from line_chunks(connection, sqlite_csv_lines(query))


def jsonl_chunks(query: Select) -> Iterator[bytes]:
    """Yield one JSON object per line; "overdue" becomes a boolean."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        yield from copy_chunks(connection, postgresql_json_lines(query), COPY_JSON)
    else:
        yield from line_chunks(connection, sqlite_json_lines(query))


def json_array_chunks(query: Select) -> Iterator[bytes]:
    """Yield one JSON array of the same objects; every chunk ends with a whole line."""
    yield b"["
    separator = b""
    for chunk in jsonl_chunks(query):
        if chunk:
            yield separator + chunk[:-1].replace(b"\n", b",")
            separator = b","
    yield b"]"


def copy_chunks(connection: Connection, query: Select, options: str) -> Iterator[bytes]:
    """Let PostgreSQL format the rows; only gather them into large chunks."""
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    statement = f"COPY ({compiled}) TO STDOUT WITH ({options})"
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(statement, compiled.params) as copy:
        buffer = bytearray()
        for row in copy:
            buffer += row
            if len(buffer) >= CHUNK_BYTES:
                yield bytes(buffer)
                buffer.clear()
        yield bytes(buffer)


def line_chunks(connection: Connection, query: Select) -> Iterator[bytes]:
    """Run a one-column query on the driver's cursor and join its lines in batches."""
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), [compiled.params[n] for n in compiled.positiontup])
        while rows := cursor.fetchmany(BATCH_ROWS):
            yield ("\n".join([row[0] for row in rows]) + "\n").encode()
    finally:
        cursor.close()


def sqlite_csv_lines(query: Select) -> Select:
    """One CSV line per row from SQLite's printf: numbers bare, everything else quoted."""
    rows = query.subquery("report")
    formats = ["%s" if isinstance(c.type, Integer) else '"%w"' for c in rows.c]
    return select(func.printf(",".join(formats), *[func.ifnull(c, "") for c in rows.c]))


def spreadsheet_safe(query: Select) -> Select:
    """Prefix every text cell a spreadsheet would run as a formula with a quote, in SQL."""
    rows = query.subquery("cells")
    return select(*[c if isinstance(c.type, Integer) else defused(c) for c in rows.c])


def defused(column):
    starts_formula = first_code(column).in_(FORMULA_CODES)
    return case((starts_formula, literal("'") + column), else_=column).label(column.name)


def sqlite_json_lines(query: Select) -> Select:
    rows = query.subquery("report")
    pairs = []
    for column in rows.c:
        pairs += [column.name, func.json(column) if column.name == "overdue" else column]
    return select(func.json_object(*pairs))


def postgresql_json_lines(query: Select) -> Select:
    rows = query.subquery("report")
    columns = [(c == "true").label(c.name) if c.name == "overdue" else c for c in rows.c]
    line = select(*columns).subquery("line")
    return select(func.row_to_json(literal_column(line.name))).select_from(line)
