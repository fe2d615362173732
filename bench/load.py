"""Two minutes of mixed load against gunicorn: requests/s, p50/p99 and errors per path.

Needs PostgreSQL (DATABASE_URL's server, default 127.0.0.1:5432) and the bench tools:
    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/load.py [--seconds 120] [--users 40] [--workers 4]
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa
from servers import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
DATABASE = "verify_load"
PORT = 8765
PARAGRAPH = (
    '"The {n} line will open in {month}," transport minister Alex Moreno said on Monday. '
    "Residents claimed that the works had closed {n} shops. The city reportedly spent "
    "{n} million on the project, and the council said that the budget would be reviewed.\n\n"
)


def recreate_database(server: str) -> str:
    engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{DATABASE}"'))
    engine.dispose()
    return f"{server}/{DATABASE}"


def load_fixture(database_url: str, articles: int) -> dict:
    """Migrate, ingest articles and issue tokens inside the app; return ids and tokens."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench")
    sys.path.insert(0, str(ROOT))
    from flask_migrate import upgrade

    from verify import create_app
    from verify.extensions import db
    from verify.services.accounts import create_user
    from verify.services.ingest import ingest_article, ingest_limits

    app = create_app()
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        for n in range(articles):
            body = "".join(PARAGRAPH.format(n=n * 10 + k, month="May") for k in range(8))
            fields = {"title": f"Bench article {n}", "body": body, "outlet": "Bench Daily"}
            ingest_article(fields, **ingest_limits(app.config))
        checker = create_user("bench-checker", "fact-checker", "bench-password")
        editor = create_user("bench-editor", "editor", "bench-password")
        fixture = {"checker_token": checker.issue_token(), "editor_token": editor.issue_token()}
        db.session.commit()
        fixture["articles"] = list(db.session.scalars(sa.text("SELECT id FROM articles")))
        fixture["claims"] = list(db.session.scalars(sa.text("SELECT id FROM claims")))
    return fixture


def run_locust(fixture_path: Path, out: Path, args) -> None:
    env = {**os.environ, "VERIFY_LOAD_FIXTURE": str(fixture_path)}
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "-u",
            str(args.users),
            "-r",
            str(args.users),
            "-t",
            f"{args.seconds}s",
            "--host",
            f"http://127.0.0.1:{PORT}",
            "--csv",
            str(out),
            "--only-summary",
        ],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def print_stats(stats_csv: Path, args) -> None:
    rows = list(csv.DictReader(stats_csv.open(encoding="utf-8")))
    print(
        f"verify under mixed load: gunicorn {args.workers} workers, {args.users} users, "
        f"{args.seconds} s, PostgreSQL"
    )
    print(f"{'request':34} {'count':>7} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}")
    for row in rows:
        print(
            f"{row['Name'][:34]:34} {row['Request Count']:>7} "
            f"{float(row['Requests/s']):>8.1f} {row['50%']:>7} {row['99%']:>7} "
            f"{row['Failure Count']:>6}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    database_url = recreate_database(os.environ.get("BENCH_POSTGRES", SERVER))
    with tempfile.TemporaryDirectory() as tmp:
        fixture_path = Path(tmp) / "fixture.json"
        fixture_path.write_text(json.dumps(load_fixture(database_url, args.articles)))
        env = {"DATABASE_URL": database_url, "SECRET_KEY": "bench"}
        server = start_gunicorn(
            "app:app", PORT, env, "/api/openapi.json", ("--workers", str(args.workers))
        )
        try:
            run_locust(fixture_path, Path(tmp) / "load", args)
        finally:
            server.terminate()
            server.wait()
        print_stats(Path(tmp) / "load_stats.csv", args)


if __name__ == "__main__":
    main()
