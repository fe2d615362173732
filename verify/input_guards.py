"""Refuse, before any view runs, input no view could store or parse: NUL and runaway JSON."""

from flask import Flask, request
from flask_smorest import abort

from verify.errors import wants_json

NUL = "\x00"
NUL_MESSAGE = "Must not contain NUL characters."


def nul_fields(values) -> list[str]:
    """Names of the query or form fields whose name or any value holds a NUL."""
    return [name for name, value in values.items(multi=True) if NUL in name or NUL in value]


def refuse_nul_in_query() -> None:
    """A NUL in the query string: 422 naming the parameter (400 on a page)."""
    names = nul_fields(request.args)
    if names:
        errors = {"query": {name.replace(NUL, "\\0"): [NUL_MESSAGE] for name in names}}
        code = 422 if wants_json() else 400
        abort(code, message=f"{', '.join(errors['query'])}: {NUL_MESSAGE}", errors=errors)


def refuse_runaway_json() -> None:
    """JSON nested past Python's recursion limit is a 400, not a RecursionError."""
    if not request.is_json:
        return
    try:
        request.get_json(silent=True)
    except RecursionError:
        abort(400, message="The JSON document is nested too deeply.")


def register_input_guards(app: Flask) -> None:
    app.before_request(refuse_nul_in_query)
    app.before_request(refuse_runaway_json)
