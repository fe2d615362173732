"""One error shape: JSON for the API and scripts, a page for people."""

from flask import current_app, jsonify, redirect, render_template, request, url_for
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException, InternalServerError

from verify.extensions import db
from verify.routing import EMBED_PREFIXES


def wants_json() -> bool:
    """API paths, report exports and clients asking for JSON get JSON errors."""
    if request_ctx.url_adapter is None:
        return True  # an untrusted Host left no URL adapter to build a page's links
    if request.path.startswith(("/api/", *EMBED_PREFIXES)) or request.path.endswith(
        (".json", ".jsonl", ".csv")
    ):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > (request.accept_mimetypes["text/html"])
    )


def error_fields(exc: HTTPException) -> dict:
    """Flatten webargs' {location: {field: messages}} into {field: messages}."""
    data = getattr(exc, "data", None) or {}
    by_location = data.get("messages") or data.get("errors") or {}
    fields = {}
    for location, messages in by_location.items():
        if isinstance(messages, dict):
            fields.update(messages)
        else:
            fields[location] = messages
    return fields


def error_message(exc: HTTPException) -> str:
    data = getattr(exc, "data", None) or {}
    if data.get("message"):
        return data["message"]
    if exc.code == 422:
        return "The request has invalid fields; see fields for each problem."
    return exc.description or exc.name


def handle_http_exception(exc: HTTPException):
    if exc.code == 401 and not wants_json():
        return redirect(url_for("auth.sign_in", next=request.full_path))
    message = error_message(exc)
    if wants_json():
        body = {"error": {"code": exc.code, "message": message, "fields": error_fields(exc)}}
        response = jsonify(body)
    else:
        response = render_template("errors/error.html", error=exc, message=message)
    return response, exc.code, exc_headers(exc)


def exc_headers(exc: HTTPException) -> dict:
    headers = (getattr(exc, "data", None) or {}).get("headers") or {}
    if exc.code == 405 and getattr(exc, "valid_methods", None):
        headers = {**headers, "Allow": ", ".join(exc.valid_methods)}
    return headers


def handle_unexpected_error(exc: Exception):
    """Roll back whatever the request began and answer 500 in the usual shape."""
    db.session.rollback()
    if current_app.testing:
        raise exc
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    return handle_http_exception(InternalServerError())


def register_error_handlers(app) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected_error)
