"""The public article page of an article with 300 claims, served by gunicorn, timed with curl.

    .venv/bin/python bench/reader.py [--claims 300] [--requests 50]

Runs on PostgreSQL (database verify_bench_reader, rebuilt) and SQLite (a file in /tmp);
prints the median and 95th percentile of the whole request, and the queries one page
issues. Target: under 100 ms, and no query per claim.
"""

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from report_data import migrate, recreate_postgresql  # noqa: E402
from servers import start_gunicorn  # noqa: E402

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/verify_bench_reader"
SQLITE_PATH = Path("/tmp/verify_bench_reader.sqlite")
PORT = 8401


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=300)
    parser.add_argument("--requests", type=int, default=50)
    return parser.parse_args()


def seed(url: str, claims: int) -> tuple[int, int]:
    """Store one article with many reviewed claims; return its id and its page's queries."""
    from sqlalchemy import event

    from tests.newsroom import add_article
    from verify import create_app
    from verify.extensions import db

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    with app.app_context():
        specs = [
            {
                "text": f"The harbour will reopen in spring, phase {n}",
                "source": f"Source {n % 40}",
                "source_kind": ("person", "anonymous")[n % 2],
                "status": ("unverified", "verified", "disputed")[n % 3],
                "note": "Checked against the council minutes.",
                "evidence": [
                    {
                        "url": f"https://records.example/{n}",
                        "title": "Minutes",
                        "stance": "supports",
                    }
                ],
            }
            for n in range(claims)
        ]
        article_id = add_article(specs, title="Harbour plan, line by line").id
        db.session.remove()
        statements = []

        def record(connection, cursor, statement, *args):
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        assert app.test_client().get(f"/articles/{article_id}").status_code == 200
        db.engine.dispose()
    return article_id, len(statements)


def timings(path: str, count: int) -> list[float]:
    url = f"http://127.0.0.1:{PORT}{path}"
    command = ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", url]
    results = []
    for _ in range(count + 5):
        code, total = subprocess.run(
            command, capture_output=True, text=True, check=True
        ).stdout.split()
        assert code == "200", f"{path} answered {code}"
        results.append(float(total) * 1000)
    return results[5:]  # the first requests warm the worker up


def measure(name: str, url: str, args) -> None:
    article_id, queries = seed(url, args.claims)
    server = start_gunicorn("app:app", PORT, {"DATABASE_URL": url, "SECRET_KEY": "bench"})
    try:
        times = timings(f"/articles/{article_id}", args.requests)
    finally:
        server.terminate()
        server.wait()
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name:<11}{args.claims:>7}{statistics.median(times):>11.1f}{p95:>10.1f}{queries:>9}")


def main() -> None:
    args = arguments()
    recreate_postgresql(PG_URL)
    migrate(PG_URL)
    SQLITE_PATH.unlink(missing_ok=True)
    migrate(f"sqlite:///{SQLITE_PATH}")
    print(f"article page, gunicorn 1 worker, curl, {args.requests} requests after 5 warm-up")
    print(f"{'database':<11}{'claims':>7}{'median ms':>11}{'p95 ms':>10}{'queries':>9}")
    measure("PostgreSQL", PG_URL, args)
    measure("SQLite", f"sqlite:///{SQLITE_PATH}", args)
    print("target: under 100 ms; queries do not grow with the number of claims")


if __name__ == "__main__":
    main()
