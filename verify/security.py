"""Response headers that keep pages safe in browsers, and cookie flags."""

from flask import Flask, current_app, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from verify.config import PROXY_HEADERS
from verify.routing import EMBED_PREFIXES

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Badges and oEmbed exist to be shown on other sites, so any site may frame them.
EMBEDDABLE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"
# Browsers that saw verify over HTTPS keep to HTTPS for a year.
STRICT_TRANSPORT = ("Strict-Transport-Security", "max-age=31536000")


def add_security_headers(response):
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if current_app.config["SESSION_COOKIE_SECURE"]:
        headers.setdefault(*STRICT_TRANSPORT)
    user = g.get("_login_user")  # set only when the response looked at who is asking
    if user is not None and user.is_authenticated:
        # What a signed-in user sees is theirs: no shared cache or back button keeps it.
        headers.setdefault("Cache-Control", "private, no-store")
    if request.path.startswith(EMBED_PREFIXES):
        headers.setdefault("Content-Security-Policy", EMBEDDABLE_POLICY)
    else:
        headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
    return response


def register_security(app: Flask) -> None:
    """Add security headers to every response; trust the proxies the settings name."""
    app.after_request(add_security_headers)
    hops = {name: app.config[f"PROXY_FIX_X_{name.upper()}"] for name in PROXY_HEADERS}
    if any(hops.values()):
        app.wsgi_app = ProxyFix(app.wsgi_app, **{f"x_{name}": n for name, n in hops.items()})
