"""Settings: code defaults, then the environment, then the mapping given to create_app."""

import os

DEFAULT_DATABASE_URL = "sqlite:///verify.sqlite"
DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def as_bool(value: str | None) -> bool:
    """Read an environment flag such as "1", "true" or "yes"."""
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def normalize_database_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def settings_from_environment() -> dict:
    """Collect every setting verify reads from the environment."""
    return {
        "SQLALCHEMY_DATABASE_URI": normalize_database_url(
            os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
        ),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "dev-only-change-me"),
        "MAX_ARTICLE_BYTES": int(
            os.environ.get("MAX_ARTICLE_BYTES", DEFAULT_MAX_ARTICLE_BYTES)
        ),
        "SESSION_COOKIE_SECURE": as_bool(os.environ.get("SESSION_COOKIE_SECURE")),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "SIGN_IN_RATE_LIMIT": os.environ.get("SIGN_IN_RATE_LIMIT", "10 per minute"),
        "API_TOKEN_DAYS": int(os.environ.get("API_TOKEN_DAYS", 90)),
        "EXTRACTION_TIMEOUT_SECONDS": float(os.environ.get("EXTRACTION_TIMEOUT_SECONDS", 20)),
        "OVERDUE_AFTER_HOURS": int(os.environ.get("OVERDUE_AFTER_HOURS", 48)),
        "ORGANIZATION_NAME": os.environ.get("ORGANIZATION_NAME", "verify"),
        "BADGE_CACHE_SECONDS": float(os.environ.get("BADGE_CACHE_SECONDS", 1)),
    }


API_SETTINGS = {
    "API_TITLE": "verify",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "RATELIMIT_HEADERS_ENABLED": True,
}


def cookie_settings(secure: bool) -> dict:
    """Session and remember-me cookies: never readable by scripts, Secure over HTTPS."""
    return {
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
    }


def build_config(overrides: dict | None = None) -> dict:
    """Layer defaults, the environment and explicit overrides, in that order."""
    config = {**API_SETTINGS, **settings_from_environment()}
    config.update(cookie_settings(config["SESSION_COOKIE_SECURE"]))
    config.update(overrides or {})
    if "DATABASE_URL" in (overrides or {}):
        config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(
            overrides["DATABASE_URL"]
        )
    # Leave room for a form or JSON envelope around the largest accepted article.
    config.setdefault("MAX_CONTENT_LENGTH", config["MAX_ARTICLE_BYTES"] * 4 + 65536)
    return config
