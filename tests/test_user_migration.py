"""Upgrading a database with users keys their names and gives each a session token."""

import sqlalchemy as sa
from flask_migrate import upgrade

from tests.test_migrations import empty_database_url, migration_app  # noqa: F401
from verify.extensions import db

INITIAL = "ccd97589576b"


def test_existing_users_get_keys_and_session_tokens(migration_app):  # noqa: F811
    upgrade(revision=INITIAL)
    for username in ("Maria", "FC", "fc"):
        db.session.execute(
            sa.text(
                "INSERT INTO users (username, password_hash, role, active, created_at) "
                "VALUES (:name, 'x', 'editor', true, CURRENT_TIMESTAMP)"
            ),
            {"name": username},
        )
    db.session.commit()
    upgrade()
    rows = db.session.execute(
        sa.text("SELECT id, username, username_key, session_token FROM users ORDER BY id")
    ).all()
    keys = [row.username_key for row in rows]
    assert keys == ["maria", "fc", f"fc#{rows[2].id}"]
    tokens = {row.session_token for row in rows}
    assert len(tokens) == 3 and all(len(token) >= 32 for token in tokens)
    db.session.remove()
