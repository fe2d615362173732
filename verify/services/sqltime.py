"""SQL expressions that PostgreSQL and SQLite spell differently: times, character codes."""

from sqlalchemy import Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction


class age_hours(GenericFunction):
    """Whole hours from a naive UTC timestamp to the database's current time."""

    type = Integer()
    inherit_cache = True


class iso_text(GenericFunction):
    """A naive UTC timestamp as ISO 8601 text to the second, identical on every database."""

    type = String()
    inherit_cache = True


@compiles(age_hours, "postgresql")
def age_hours_postgresql(element, compiler, **kw):
    moment = compiler.process(element.clauses, **kw)
    return f"CAST(floor(extract(epoch FROM (timezone('utc', now()) - {moment})) / 3600) AS INTEGER)"


@compiles(age_hours)
def age_hours_sqlite(element, compiler, **kw):
    moment = compiler.process(element.clauses, **kw)
    return f"CAST((julianday('now') - julianday({moment})) * 24 AS INTEGER)"


@compiles(iso_text, "postgresql")
def iso_text_postgresql(element, compiler, **kw):
    moment = compiler.process(element.clauses, **kw)
    return f"to_char({moment}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"


@compiles(iso_text)
def iso_text_sqlite(element, compiler, **kw):
    moment = compiler.process(element.clauses, **kw)
    return f"strftime('%Y-%m-%dT%H:%M:%S', {moment})"


class first_code(GenericFunction):
    """The code point of a text's first character (NULL for NULL, 0 or NULL when empty)."""

    type = Integer()
    inherit_cache = True


@compiles(first_code, "postgresql")
def first_code_postgresql(element, compiler, **kw):
    return f"ascii({compiler.process(element.clauses, **kw)})"


@compiles(first_code)
def first_code_sqlite(element, compiler, **kw):
    return f"unicode({compiler.process(element.clauses, **kw)})"
