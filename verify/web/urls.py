"""Absolute URLs for other sites and search engines, from configured hosts only."""

from urllib.parse import urlsplit

from flask import current_app, request, url_for


def external_url(endpoint: str, **values) -> str:
    """This site's absolute URL for an endpoint: PUBLIC_BASE_URL, else a trusted Host."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return base + url_for(endpoint, **values)
    # Flask refuses (400) any Host outside TRUSTED_HOSTS before a view runs.
    return url_for(endpoint, _external=True, **values)


def public_host() -> str:
    """The host[:port] this site's absolute URLs name."""
    base = current_app.config["PUBLIC_BASE_URL"]
    return urlsplit(base).netloc if base else request.host
