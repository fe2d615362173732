"""local and merged sources

Revision ID: 7c1d4e2f8a90
Revises: 5e0c2a7d9b41
Create Date: 2026-11-30 11:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "7c1d4e2f8a90"
down_revision = "5e0c2a7d9b41"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_sources_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sources_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_sources_article_id_articles"), "articles", ["article_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_sources_merged_into_id_sources"), "sources", ["merged_into_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_sources_merged_into_id_sources"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_sources_article_id_articles"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_sources_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_sources_article_id"))
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("article_id")
