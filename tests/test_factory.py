import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT
from verify import create_app
from verify.config import ConfigError, flask_command, normalize_database_url

# An app outside tests and debug must be given a key; these tests give one unless testing that.
KEYED = {"DATABASE_URL": "sqlite://", "SECRET_KEY": "a-test-key"}


@pytest.fixture(autouse=True)
def no_key_file(monkeypatch, tmp_path):
    """Keep a developer's instance/secret_key out of these tests."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    monkeypatch.setenv("SECRET_KEY_FILE", str(tmp_path / "absent"))


def test_testing_flag_comes_from_the_mapping():
    assert not create_app(KEYED).testing
    assert create_app({"TESTING": True, "DATABASE_URL": "sqlite://"}).testing


def test_database_url_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.sqlite")
    monkeypatch.setenv("SECRET_KEY", "from-env")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///elsewhere.sqlite"


def test_default_database_is_the_sqlite_file(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SECRET_KEY", "from-env")
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


def test_without_a_secret_key_the_app_refuses_to_start():
    with pytest.raises(ConfigError, match="SECRET_KEY is not set.*export SECRET_KEY"):
        create_app({"DATABASE_URL": "sqlite://"})


def test_flask_run_without_a_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")
    monkeypatch.setattr(sys, "argv", ["flask", "--app", "app", "run", "--port", "5000"])
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app({"DATABASE_URL": "sqlite://"})


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["flask", "--app", "app", "run", "--port", "5000"], "run"),
        (["flask", "-A", "run", "ingest", "run.txt"], "ingest"),
        (["flask", "--debug", "users", "create", "run"], "users"),
        (["flask", "--app=app", "run"], "run"),
        (["flask"], None),
    ],
)
def test_the_flask_command_is_the_first_word_after_flask_options(argv, command):
    assert flask_command(argv) == command


def test_commands_that_serve_nothing_run_without_a_secret_key(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Bridge shut\n\nThe bridge is shut, the mayor said.\n", encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    environ["SECRET_KEY_FILE"] = str(tmp_path / "absent")
    flask = os.path.join(os.path.dirname(sys.executable), "flask")
    result = subprocess.run(
        [flask, "--app", "app", "claims", "extract", str(article)],
        cwd=REPO_ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"source": "mayor"' in result.stdout or '"source": "the mayor"' in result.stdout


def test_tests_and_debugging_get_a_random_key_never_a_known_one(monkeypatch):
    keys = {create_app({"TESTING": True, "DATABASE_URL": "sqlite://"}).secret_key for _ in range(2)}
    monkeypatch.setenv("FLASK_DEBUG", "1")
    keys.add(create_app({"DATABASE_URL": "sqlite://"}).secret_key)
    assert len(keys) == 3 and all(len(key) == 64 for key in keys)


def test_the_key_file_is_read_when_secret_key_is_unset(monkeypatch, tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text("from-the-file\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(key_file))
    assert create_app({"DATABASE_URL": "sqlite://"}).secret_key == "from-the-file"


def make(folder, target: str) -> None:
    """Run a target of the project's Makefile in another folder, with this interpreter."""
    makefile = str(REPO_ROOT / "Makefile")
    bin_folder = f"BIN={os.path.dirname(sys.executable)}"
    subprocess.run(
        ["make", "-s", "-f", makefile, "-C", str(folder), bin_folder, target], check=True
    )


def test_make_creates_the_key_file_once_readable_by_its_owner_only(tmp_path):
    target = tmp_path / "instance" / "secret_key"
    make(tmp_path, "instance/secret_key")
    first = target.read_text()
    make(tmp_path, "instance/secret_key")
    assert target.read_text() == first and len(first.strip()) == 64
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_make_clean_keeps_the_database_and_the_key(tmp_path):
    made = [".venv/bin/python", ".pytest_cache/v", "verify/__pycache__/cli.pyc"]
    kept = ["instance/verify.sqlite", "instance/secret_key", "verify/cli.py"]
    for name in made + kept:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    make(tmp_path, "clean")
    assert not [name for name in made if (tmp_path / name).exists()]
    assert [name for name in kept if (tmp_path / name).exists()] == kept


@pytest.mark.parametrize("days", ["0", "-5", "3651", "99999999999"])
def test_api_tokens_must_expire(monkeypatch, days):
    monkeypatch.setenv("API_TOKEN_DAYS", days)
    with pytest.raises(ConfigError, match="API_TOKEN_DAYS"):
        create_app(KEYED)


def test_flask_run_says_how_to_set_the_key(tmp_path):
    env = {
        **os.environ,
        "SECRET_KEY_FILE": str(tmp_path / "absent"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
    }
    env.pop("SECRET_KEY", None)
    env.pop("FLASK_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "run", "--port", "0"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
