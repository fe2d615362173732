"""verify: turn news articles into attributed claims and track each until settled."""

from pathlib import Path

from flask import Flask

from verify.api import register_api
from verify.cli import register_commands
from verify.config import build_config, load_secret_key
from verify.errors import register_error_handlers
from verify.extensions import csrf, db, limiter, login, migrate
from verify.input_guards import register_input_guards, register_request_clock
from verify.permissions import register_user_loaders
from verify.routing import register_id_converter
from verify.security import register_security
from verify.web import register_web
from verify.web.badges import register_badge_server

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build the application: settings, extensions, blueprints, errors, commands."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(build_config(config))
    load_secret_key(app.config, app.instance_path, app.debug)
    register_id_converter(app)
    register_request_clock(app)
    register_extensions(app)
    register_user_loaders(app)
    register_security(app)
    register_input_guards(app)
    register_api(app)
    register_web(app)
    register_badge_server(app)
    register_error_handlers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    login.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
