from verify import create_app
from verify.config import normalize_database_url


def test_testing_flag_comes_from_the_mapping():
    assert not create_app({"DATABASE_URL": "sqlite://"}).testing
    assert create_app({"TESTING": True, "DATABASE_URL": "sqlite://"}).testing


def test_database_url_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.sqlite")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///elsewhere.sqlite"


def test_default_database_is_the_sqlite_file(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///verify.sqlite"


def test_plain_postgresql_urls_use_psycopg():
    assert normalize_database_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalize_database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"


def test_secret_key_and_article_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("MAX_ARTICLE_BYTES", "1234")
    app = create_app({"DATABASE_URL": "sqlite://"})
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["MAX_ARTICLE_BYTES"] == 1234
