"""Serve badges in front of Flask's dispatch, the path other sites load millions of times.

A badge needs one primary-key query and a prebuilt string. Flask's request context,
the extensions' before/after-request hooks (rate limiter, CSRF, login, session cookie)
and the ORM session would cost several times that, so badge URLs never reach them.
"""

import json
import math
import re

from werkzeug.http import parse_etags

from verify.extensions import db
from verify.routing import BADGE_PREFIX
from verify.schemas import is_id
from verify.security import EMBEDDABLE_POLICY, STRICT_TRANSPORT
from verify.services.badges import BadgeReader
from verify.web.badges.drawing import (
    CLAIM_JSONS,
    CLAIM_SVGS,
    STATUS_ORDER,
    article_summary,
    draw_badge,
    shields_json,
)

BADGE_PATH = re.compile(BADGE_PREFIX + r"/(claims|articles)/(\d{1,12})\.(svg|json)")
MAX_AGE = 60  # seconds a browser or CDN may reuse a badge; a change shows after this
CONTENT_TYPES = {"svg": "image/svg+xml; charset=utf-8", "json": "application/json"}
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Content-Security-Policy", EMBEDDABLE_POLICY),
]
CACHED_HEADERS = [("Cache-Control", f"public, max-age={MAX_AGE}"), *SECURITY_HEADERS]
CROSS_ORIGIN = [("Access-Control-Allow-Origin", "*")]


def error(status: str, message: str, *headers: tuple[str, str]):
    """An answer in the app's one error shape."""
    code = int(status.split()[0])
    body = json.dumps({"error": {"code": code, "message": message, "fields": {}}}).encode()
    return status, [("Content-Type", "application/json"), *SECURITY_HEADERS, *headers], body


class BadgeServer:
    """WSGI middleware: answer GET and HEAD for badge URLs, pass everything else on."""

    def __init__(self, wsgi_app, flask_app):
        self.wsgi_app = wsgi_app
        self.flask_app = flask_app
        self.reader = None
        self.secure = [STRICT_TRANSPORT] if flask_app.config["SESSION_COOKIE_SECURE"] else []

    def __call__(self, environ, start_response):
        match = BADGE_PATH.fullmatch(environ.get("PATH_INFO", ""))
        if match is None:
            return self.wsgi_app(environ, start_response)
        try:
            status, headers, body = self.respond(environ, *match.groups())
        except Exception:
            if self.flask_app.testing:
                raise
            self.flask_app.logger.exception("Badge failed: %s", environ.get("PATH_INFO"))
            status, headers, body = error("500 INTERNAL SERVER ERROR", "The badge failed.")
        if not status.startswith("304"):
            headers.append(("Content-Length", str(len(body))))
        start_response(status, headers + self.secure)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    def respond(self, environ, kind: str, key: str, extension: str):
        """Return the status line, headers and body of one badge request."""
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return error(
                "405 METHOD NOT ALLOWED", "Badges are read with GET.", ("Allow", "GET, HEAD")
            )
        number = int(key)
        if not is_id(number):
            found = None
        elif kind == "claims":
            found = self.claim(number, extension)
        else:
            found = self.article(number, extension)
        if found is None:
            noun = "claim" if kind == "claims" else "article"
            return error("404 NOT FOUND", f"No {noun} with id {key}.")
        body, etag, age = found
        headers = [
            ("Content-Type", CONTENT_TYPES[extension]),
            ("ETag", f'"{etag}"'),
            *CACHED_HEADERS,
        ]
        if age:
            # Caches count max-age from when we read the database, not from now.
            headers.append(("Age", str(math.ceil(age))))
        if extension == "json":
            headers += CROSS_ORIGIN
        if parse_etags(environ.get("HTTP_IF_NONE_MATCH")).contains(etag):
            return "304 NOT MODIFIED", headers[1:], b""
        return "200 OK", headers, body

    def claim(self, claim_id: int, extension: str) -> tuple[bytes, str, float] | None:
        row, age = self.badge_reader().claim_status(claim_id)
        if row is None:
            return None
        status, version = row
        body = (CLAIM_SVGS if extension == "svg" else CLAIM_JSONS)[status]
        return body, f"claim-{claim_id}-v{version}-{extension}", age

    def article(self, article_id: int, extension: str) -> tuple[bytes, str, float] | None:
        counts, age = self.badge_reader().article_counts(article_id)
        if counts is None:
            return None
        message, colour = article_summary(counts)
        draw = draw_badge if extension == "svg" else shields_json
        tally = "-".join(str(counts.get(status, 0)) for status in STATUS_ORDER)
        return draw("claims", message, colour), f"article-{article_id}-{tally}-{extension}", age

    def badge_reader(self) -> BadgeReader:
        if self.reader is None:
            with self.flask_app.app_context():
                seconds = self.flask_app.config["BADGE_CACHE_SECONDS"]
                self.reader = BadgeReader(db.engine, seconds)
        return self.reader
