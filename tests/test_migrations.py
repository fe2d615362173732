"""The migrations build the whole schema, undo it, and agree with the models."""

import pytest
import sqlalchemy as sa
from flask_migrate import check, downgrade, upgrade

from tests.served import fresh_database_url
from tests.test_append_only_history import rewrite_statements
from verify import create_app
from verify.extensions import db
from verify.models import Article, Claim, ClaimEvent

TABLES = {"users", "api_tokens", "articles", "sources", "claims", "claim_events"}


@pytest.fixture
def empty_database_url(tmp_path):
    """A brand-new database of the kind the suite runs on."""
    with fresh_database_url(tmp_path) as url:
        yield url


@pytest.fixture
def migration_app(empty_database_url):
    app = create_app({"TESTING": True, "DATABASE_URL": empty_database_url})
    with app.app_context():
        yield app
        db.engine.dispose()


def table_names() -> set[str]:
    return set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_creates_every_table_and_downgrade_removes_them(migration_app):
    upgrade()
    assert table_names() == TABLES
    downgrade(revision="base")
    assert table_names() == set()


def test_models_and_migrations_agree(migration_app):
    upgrade()
    check()


def test_migrated_history_is_append_only(migration_app):
    upgrade()
    article = Article(title="T", body="B said so.", content_hash="h" * 64)
    claim = Claim(
        article=article, text="so", start=7, end=9, cue="said", kind="reported", evidence=[]
    )
    db.session.add(ClaimEvent(claim=claim, action="created", to_status="unverified"))
    db.session.commit()
    rewrites = rewrite_statements(db.engine.dialect.name)
    for statement in ("UPDATE claim_events SET note = 'x'", "DELETE FROM claim_events", *rewrites):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            db.session.execute(sa.text(statement))
        db.session.rollback()
    db.session.remove()
