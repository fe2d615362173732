"""Query strings checked against a marshmallow schema, for pages as well as the API."""

from flask import request
from flask_smorest import abort


def query_arguments(schema) -> dict:
    """Validate the query string, blank fields left out; 422 names the parameter at fault."""
    arguments = {name: value for name, value in request.args.items() if value != ""}
    errors = schema.validate(arguments)
    if errors:
        abort(422, errors={"query": errors})
    return schema.load(arguments)
