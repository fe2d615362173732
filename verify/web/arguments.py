"""Query strings checked against a marshmallow schema, for pages as well as the API."""

from flask import request
from flask_smorest import abort

from verify.schemas import parse_id

# Past this a page would skip more rows than any list here holds; it is not a page.
MAX_PAGE = 100_000


def query_arguments(schema) -> dict:
    """Validate the query string, blank fields left out; 422 names the parameter at fault."""
    arguments = {name: value for name, value in request.args.items() if value != ""}
    errors = schema.validate(arguments)
    if errors:
        abort(422, errors={"query": errors})
    return schema.load(arguments)


def page_number() -> int:
    """The page asked for: 1 when absent, 400 when not a number, 404 when out of range."""
    raw = request.args.get("page", "")
    if raw == "":
        return 1
    if not (raw.isascii() and raw.isdigit()):
        abort(
            400,
            message="page must be a whole number.",
            errors={"query": {"page": ["Not a valid integer."]}},
        )
    number = parse_id(raw)
    if number is None or number > MAX_PAGE:
        abort(404, message=f"There is no page {raw[:20]}.")
    return number
