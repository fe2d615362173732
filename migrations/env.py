"""Alembic environment: the database and metadata come from the Flask app."""

import logging
from contextlib import contextmanager
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

target_db = current_app.extensions["migrate"].db
config.set_main_option(
    "sqlalchemy.url",
    target_db.engine.url.render_as_string(hide_password=False).replace("%", "%%"),
)


def run_migrations_offline():
    """Emit the migration as SQL to stdout, with no database connection."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_db.metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def skip_empty_autogenerate(context, revision, directives):
    """Write no revision file when autogenerate finds nothing to change."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


@contextmanager
def sqlite_foreign_keys_off(connection):
    """Let SQLite rebuild a table that rows refer to; check every reference afterwards.

    A batch operation copies a table, drops it and renames the copy: with foreign keys on, the
    drop is refused while any row refers to the table. The pragma works outside a transaction.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    sqlite = connection.connection.driver_connection
    sqlite.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
        broken = sqlite.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"rows refer to rows that do not exist: {broken[:10]}")
    finally:
        sqlite.execute("PRAGMA foreign_keys=ON")


def run_migrations_online():
    """Run the migrations on a connection from the app's engine."""
    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", skip_empty_autogenerate)
    with target_db.engine.connect() as connection, sqlite_foreign_keys_off(connection):
        context.configure(connection=connection, target_metadata=target_db.metadata, **conf_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
