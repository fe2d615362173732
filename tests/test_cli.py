import json

from sqlalchemy import func, select

from verify.extensions import db
from verify.models import Article, User, find_token_user

ARTICLE_TEXT = (
    "Mayor promises new tram line\n\n"
    '"We will build the tram line by 2030," Mayor Ana Ruiz said on Monday.\n'
)


def article_count() -> int:
    return db.session.scalar(select(func.count(Article.id)))


def test_users_create_reads_the_password_from_stdin(runner):
    result = runner.invoke(
        args=["users", "create", "maria", "--role", "editor", "--password-stdin"],
        input="a long password\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "maria"))
    assert user.role == "editor"
    assert user.check_password("a long password")
    assert "a long password" not in user.password_hash


def test_users_create_refuses_an_unknown_role(runner):
    result = runner.invoke(
        args=["users", "create", "x", "--role", "boss", "--password-stdin"], input="pw\n"
    )
    assert result.exit_code != 0
    assert "fact-checker" in result.output


def test_users_create_refuses_a_duplicate(runner):
    args = ["users", "create", "sam", "--role", "admin", "--password-stdin"]
    runner.invoke(args=args, input="a long password\n")
    result = runner.invoke(args=args, input="a long password\n")
    assert result.exit_code == 1
    assert "already exists" in result.output


def test_tokens_create_prints_a_working_token_last(runner, client):
    runner.invoke(
        args=["users", "create", "ana", "--role", "fact-checker", "--password-stdin"],
        input="a long password\n",
    )
    result = runner.invoke(args=["tokens", "create", "ana"])
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[-1]
    assert find_token_user(token).username == "ana"
    response = client.post(
        "/api/articles",
        json={"title": "T", "body": ARTICLE_TEXT},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201


def test_tokens_create_for_an_unknown_user_says_what_to_do(runner):
    result = runner.invoke(args=["tokens", "create", "ghost"])
    assert result.exit_code == 1
    assert "flask users create ghost" in result.output


def test_ingest_reads_txt_json_and_html(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "title": "Strike",
                "body": "Workers will strike, the union said.",
                "outlet": "Gazette",
                "published_at": "2026-01-02T03:04:05Z",
            }
        ),
        encoding="utf-8",
    )
    paragraph = "The senator said that the bill would pass before the summer recess. " * 5
    (tmp_path / "c.html").write_text(
        f"<html><head><title>Bill</title></head><body><nav>Home | News</nav>"
        f"<article><h1>Bill to pass</h1><p>{paragraph}</p><p>{paragraph}</p></article>"
        f"</body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(args=["ingest", *map(str, sorted(tmp_path.iterdir()))])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    articles = db.session.scalars(select(Article).order_by(Article.id)).all()
    assert articles[0].title == "Mayor promises new tram line"
    assert articles[1].outlet == "Gazette"
    assert "<nav>" not in articles[2].body and "bill would pass" in articles[2].body
    again = runner.invoke(args=["ingest", str(tmp_path / "a.txt")])
    assert "0 added, 1 already known" in again.output
    assert article_count() == 3


def test_ingest_skips_bad_files_with_a_message(runner, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\xff\xfe" * 100)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    result = runner.invoke(args=["ingest", *map(str, sorted(tmp_path.iterdir()))])
    assert result.exit_code == 1
    assert "1 added, 0 already known, 3 failed" in result.output
    assert "not UTF-8" in result.output and "empty" in result.output
    assert article_count() == 1


def test_claims_extract_prints_one_json_line_per_file(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    result = runner.invoke(args=["claims", "extract", str(path)])
    assert result.exit_code == 0
    line = json.loads(result.stdout.strip())
    assert line["file"] == str(path)
    claim = line["claims"][0]
    keys = {
        "text",
        "start",
        "end",
        "source",
        "source_start",
        "source_end",
        "cue",
        "cue_start",
        "cue_end",
        "kind",
    }
    assert keys <= set(claim)
    assert ARTICLE_TEXT[claim["start"] : claim["end"]] == claim["text"]
    assert ARTICLE_TEXT[claim["cue_start"] : claim["cue_end"]] == claim["cue"]
    assert "Ana Ruiz" in claim["source"]
    assert article_count() == 0


def test_claims_extract_reports_unreadable_files(runner, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = runner.invoke(args=["claims", "extract", str(path)])
    assert result.exit_code == 1
    assert json.loads(result.stdout.strip().splitlines()[-1])["claims"] == []


def test_samples_load_twice_adds_nothing_new(runner):
    first = runner.invoke(args=["samples", "load"])
    assert first.exit_code == 0
    count = article_count()
    assert count >= 3
    second = runner.invoke(args=["samples", "load"])
    assert "0 added" in second.output
    assert article_count() == count


def test_demo_admin_only_on_the_default_database(runner, app):
    result = runner.invoke(args=["users", "demo-admin"])
    assert "not needed" in result.output
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///verify.sqlite"
    created = runner.invoke(args=["users", "demo-admin"])
    password = created.output.split("password: ")[1].split()[0]
    assert db.session.scalar(select(User)).check_password(password)
    assert "not needed" in runner.invoke(args=["users", "demo-admin"]).output


def test_every_command_has_help(runner):
    for args in (
        ["users", "create"],
        ["tokens", "create"],
        ["ingest"],
        ["claims", "extract"],
        ["samples", "load"],
        ["users", "demo-admin"],
        ["sources", "rekey"],
    ):
        result = runner.invoke(args=[*args, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
