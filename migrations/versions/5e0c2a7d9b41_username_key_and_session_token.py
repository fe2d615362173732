"""username key and session token

Revision ID: 5e0c2a7d9b41
Revises: 5b0f3c2a9d41
Create Date: 2026-11-30 10:30:00

"""

import secrets
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "5e0c2a7d9b41"
down_revision = "5b0f3c2a9d41"
branch_labels = None
depends_on = None

users = sa.table(
    "users",
    sa.column("id", sa.Integer),
    sa.column("username", sa.String),
    sa.column("username_key", sa.String),
    sa.column("session_token", sa.String),
)


def fill_new_columns():
    """Key every user's name; a name that folds onto an earlier one keeps its id beside it."""
    connection = op.get_bind()
    seen = set()
    rows = connection.execute(sa.select(users.c.id, users.c.username).order_by(users.c.id))
    for user_id, username in rows.all():
        key = unicodedata.normalize("NFKC", username).casefold()[:64]
        if key in seen:
            key = f"{key[:50]}#{user_id}"
        seen.add(key)
        connection.execute(
            users.update()
            .where(users.c.id == user_id)
            .values(username_key=key, session_token=secrets.token_urlsafe(24))
        )


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("username_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("session_token", sa.String(length=64), nullable=True))
    fill_new_columns()
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("username_key", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("session_token", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_users_username_key"), ["username_key"])


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_username_key"), type_="unique")
        batch_op.drop_column("session_token")
        batch_op.drop_column("username_key")
