"""Served as a role that owns no table, the app works and cannot rewrite claim history."""

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from tests.conftest import SHORT_ARTICLE, TEST_DATABASE_URL, make_token
from verify import create_app
from verify.extensions import db

postgresql_only = pytest.mark.skipif(
    not TEST_DATABASE_URL.startswith("postgresql"),
    reason="database roles and GRANT exist only on PostgreSQL (run with a PostgreSQL DATABASE_URL)",
)
FORBIDDEN = [
    "ALTER TABLE claim_events DISABLE TRIGGER ALL",
    "UPDATE claim_events SET note = 'rewritten'",
    "DELETE FROM claim_events",
    "TRUNCATE claim_events",
]


@pytest.fixture
def login_role(app):
    """A new role that may log in (trust auth) and owns nothing; dropped afterwards."""
    role = f"verify_app_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE ROLE "{role}" NOLOGIN'))
        connection.execute(sa.text(f'ALTER ROLE "{role}" LOGIN'))
    yield role
    db.session.remove()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP OWNED BY "{role}"'))
        connection.execute(sa.text(f'DROP ROLE "{role}"'))
    admin.dispose()


def app_as(role: str):
    url = sa.make_url(TEST_DATABASE_URL).set(username=role, password=None)
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "t",
            "DATABASE_URL": url.render_as_string(hide_password=False),
        }
    )


@postgresql_only
def test_the_app_role_works_but_cannot_rewrite_history(runner, login_role):
    db.session.remove()
    result = runner.invoke(args=["db-grant-app-role", login_role])
    assert result.exit_code == 0, result.output
    served = app_as(login_role)
    with served.app_context():
        headers = {"Authorization": f"Bearer {make_token('role-writer', 'fact-checker')}"}
        client = served.test_client()
        posted = client.post("/api/articles", json=SHORT_ARTICLE, headers=headers)
        assert posted.status_code == 201, posted.get_json()
        claim = posted.get_json()["claims"][0]
        patched = client.patch(
            f"/api/claims/{claim['id']}",
            json={"status": "verified"},
            headers={**headers, "If-Match": str(claim["version"])},
        )
        assert patched.status_code == 200, patched.get_json()
        for statement in FORBIDDEN:
            with pytest.raises(DBAPIError, match="permission denied|must be owner"):
                db.session.execute(sa.text(statement))
            db.session.rollback()
        db.session.remove()
        db.engine.dispose()


@postgresql_only
def test_the_tables_owner_is_refused_as_the_app_role(runner):
    owner = sa.make_url(TEST_DATABASE_URL).username
    result = runner.invoke(args=["db-grant-app-role", owner])
    assert result.exit_code == 1
    assert "superuser" in result.output or "owns the tables" in result.output


@postgresql_only
def test_an_unknown_role_is_refused(runner):
    result = runner.invoke(args=["db-grant-app-role", "no_such_role_here"])
    assert result.exit_code == 1
    assert "No role 'no_such_role_here'" in result.output


@pytest.mark.skipif(TEST_DATABASE_URL.startswith("postgresql"), reason="checks SQLite's answer")
def test_sqlite_has_no_roles_to_grant(runner):
    result = runner.invoke(args=["db-grant-app-role", "anyone"])
    assert result.exit_code == 1
    assert "Only PostgreSQL has roles" in result.output
