"""Settings: code defaults, then the environment, then the mapping given to create_app."""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_DATABASE_URL = "sqlite:///verify.sqlite"
DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# Ordinary news of MAX_ARTICLE_BYTES takes about 1.3 s of CPU on an idle core and up to twice
# that on a busy one; the limit bounds what a hostile body may cost, not what news needs.
DEFAULT_EXTRACTION_TIMEOUT_SECONDS = 5.0
MAX_TOKEN_DAYS = 3650
# Werkzeug's password hash method; tests pass a cheap one, since each sign-in checks a hash.
PASSWORD_HASH_METHOD = "scrypt"
LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"]
PROXY_HEADERS = ("for", "proto", "host", "port", "prefix")
MISSING_SECRET_KEY = (
    "SECRET_KEY is not set, and {path} does not exist. Sessions and CSRF tokens are signed "
    "with it, so verify does not start without one. Set it in the environment, for example "
    "`export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')`, or "
    "write it to that file (`make run` does so the first time)."
)


class ConfigError(RuntimeError):
    """A setting is missing or unusable; the message says how to fix it."""


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
        "SECRET_KEY": os.environ.get("SECRET_KEY") or None,
        "SECRET_KEY_FILE": os.environ.get("SECRET_KEY_FILE") or None,
        "MAX_ARTICLE_BYTES": int(os.environ.get("MAX_ARTICLE_BYTES", DEFAULT_MAX_ARTICLE_BYTES)),
        "SESSION_COOKIE_SECURE": as_bool(os.environ.get("SESSION_COOKIE_SECURE")),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "SIGN_IN_RATE_LIMIT": os.environ.get("SIGN_IN_RATE_LIMIT", "10 per minute"),
        "SIGN_IN_USER_RATE_LIMIT": os.environ.get("SIGN_IN_USER_RATE_LIMIT", "50 per hour"),
        "SIGN_IN_ADDRESS_RATE_LIMIT": os.environ.get("SIGN_IN_ADDRESS_RATE_LIMIT", "30 per minute"),
        "API_TOKEN_DAYS": int(os.environ.get("API_TOKEN_DAYS", 90)),
        "EXTRACTION_TIMEOUT_SECONDS": float(
            os.environ.get("EXTRACTION_TIMEOUT_SECONDS", DEFAULT_EXTRACTION_TIMEOUT_SECONDS)
        ),
        "OVERDUE_AFTER_HOURS": int(os.environ.get("OVERDUE_AFTER_HOURS", 48)),
        "ORGANIZATION_NAME": os.environ.get("ORGANIZATION_NAME", "verify"),
        "BADGE_CACHE_SECONDS": float(os.environ.get("BADGE_CACHE_SECONDS", 1)),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "").rstrip("/") or None,
        "TRUSTED_HOSTS": split_list(os.environ.get("TRUSTED_HOSTS")),
        **{
            f"PROXY_FIX_X_{header.upper()}": int(os.environ.get(f"PROXY_FIX_X_{header.upper()}", 0))
            for header in PROXY_HEADERS
        },
    }


def split_list(value: str | None) -> list[str] | None:
    """Read a comma-separated setting; unset or blank is None."""
    items = [item.strip() for item in (value or "").split(",") if item.strip()]
    return items or None


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
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
    }


def build_config(overrides: dict | None = None) -> dict:
    """Layer defaults, the environment and explicit overrides, in that order."""
    config = {
        **API_SETTINGS,
        "PASSWORD_HASH_METHOD": PASSWORD_HASH_METHOD,
        **settings_from_environment(),
    }
    config.update(cookie_settings(config["SESSION_COOKIE_SECURE"]))
    config.update(overrides or {})
    if "DATABASE_URL" in (overrides or {}):
        config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(overrides["DATABASE_URL"])
    # Leave room for a form or JSON envelope around the largest accepted article.
    config.setdefault("MAX_CONTENT_LENGTH", config["MAX_ARTICLE_BYTES"] * 4 + 65536)
    config["PUBLIC_BASE_URL"] = (config.get("PUBLIC_BASE_URL") or "").rstrip("/") or None
    check_settings(config)
    if config["TRUSTED_HOSTS"] is None and not config["PUBLIC_BASE_URL"]:
        # Absolute URLs are built from the Host header only when it is one we know.
        config["TRUSTED_HOSTS"] = LOCAL_HOSTS
    return config


def check_settings(config: dict) -> None:
    """Refuse settings that would quietly weaken verify."""
    if not 1 <= int(config["API_TOKEN_DAYS"]) <= MAX_TOKEN_DAYS:
        raise ConfigError(
            f"API_TOKEN_DAYS is {config['API_TOKEN_DAYS']}: API tokens must expire, "
            f"so set it to 1 to {MAX_TOKEN_DAYS} days."
        )
    base = config.get("PUBLIC_BASE_URL")
    parts = urlsplit(base or "")
    if base and (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.path.strip("/")
        or parts.query
        or parts.fragment
    ):
        raise ConfigError(f"PUBLIC_BASE_URL {base!r} must be http(s)://host[:port], with no path.")


# Options of the flask command itself that take a value, before the command's name.
FLASK_VALUE_OPTIONS = ("-A", "--app", "-e", "--env-file")


def flask_command(argv: list[str]) -> str | None:
    """The name of the command a `flask ...` command line runs, such as "run" or "ingest"."""
    words = iter(argv[1:])
    for word in words:
        if word in FLASK_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def serves_no_requests() -> bool:
    """Whether this process is the flask command line running a command other than `run`."""
    return os.environ.get("FLASK_RUN_FROM_CLI") == "true" and flask_command(sys.argv) != "run"


def load_secret_key(config: dict, instance_path: str, debug: bool) -> None:
    """Take SECRET_KEY from the settings or SECRET_KEY_FILE; refuse to serve without one."""
    if config.get("SECRET_KEY"):
        return
    path = Path(config.get("SECRET_KEY_FILE") or Path(instance_path) / "secret_key")
    key = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    if key:
        config["SECRET_KEY"] = key
    elif debug or config.get("TESTING") or serves_no_requests():
        # Debugging, tests and commands such as `flask ingest` sign nothing a browser keeps,
        # so a key that lives as long as the process will do.
        config["SECRET_KEY"] = secrets.token_hex(32)
    else:
        raise ConfigError(MISSING_SECRET_KEY.format(path=path))


def memory_limit_warning(workers: int, environ) -> str | None:
    """The warning for several processes that would each count sign-in attempts alone."""
    # Flask-Limiter counts in memory when the setting is empty too.
    storage = (environ.get("RATELIMIT_STORAGE_URI") or "memory://").strip().lower()
    if workers <= 1 or not storage.startswith("memory://"):
        return None
    return (
        f"{workers} workers count sign-in attempts in memory, each on its own, so the "
        f"sign-in limits are {workers} times looser: set RATELIMIT_STORAGE_URI to a shared "
        "store such as redis://127.0.0.1:6379."
    )
