"""Entry point for `flask` and gunicorn: builds the verify application."""

from verify import create_app

app = create_app()
