"""Response headers that keep pages safe in browsers, and cookie flags."""

from flask import Flask, request

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Badges and oEmbed exist to be shown on other sites, so any site may frame them.
EMBEDDABLE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"
EMBEDDABLE_PREFIXES = ("/badges/", "/oembed")


def add_security_headers(response):
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if request.path.startswith(EMBEDDABLE_PREFIXES):
        headers.setdefault("Content-Security-Policy", EMBEDDABLE_POLICY)
    else:
        headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
    return response


def register_security(app: Flask) -> None:
    """Add security headers to every response."""
    app.after_request(add_security_headers)
