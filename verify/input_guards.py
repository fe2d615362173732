"""Refuse, before any view runs, input no view could store or parse: NUL and runaway JSON."""

from flask import Flask, g, request
from flask_login import current_user
from flask_smorest import abort

from verify.errors import wants_json
from verify.extraction.deadline import clock
from verify.schemas import NUL, NUL_MESSAGE

# Posting an article is answered within one time limit, parsing the form included.
TIMED_ENDPOINTS = ("articles.new_article", "api_articles.create_article")
# Every other body (a review, a sign-in) is far smaller; decoding 8 MB of %XX takes 1.5 s.
MAX_FORM_BYTES = 1024 * 1024


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


def is_article_post() -> bool:
    """A signed-in user posting an article: the one request that may carry megabytes."""
    return (
        request.method == "POST"
        and request.endpoint in TIMED_ENDPOINTS
        and current_user.is_authenticated
    )


def start_clock() -> None:
    """Bound the body; start an article post's time limit once its body has arrived."""
    if is_article_post():
        # Read it now, so that decoding the form (a second for 6 MB of %XX) counts too.
        request.get_data(cache=True, parse_form_data=False)
    else:
        limit = request.max_content_length or MAX_FORM_BYTES
        request.max_content_length = min(MAX_FORM_BYTES, limit)
    g.started = clock()


def register_request_clock(app: Flask) -> None:
    """Run before every other hook, CSRF's form parsing among them."""
    app.before_request(start_clock)
