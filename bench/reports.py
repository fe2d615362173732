"""Report exports at newsroom scale, timed against the raw floor of each database.

    .venv/bin/python bench/reports.py [--claims 1000000] [--skip-load]

Loads 1,000,000 claims (50,000 articles, 20,000 sources; 60% unverified) into PostgreSQL
(database verify_bench, rebuilt) and SQLite (/tmp/verify_bench.sqlite), serves the app with
one gunicorn worker, and times the CSV and JSON Lines exports against `psql \\copy` and
`sqlite3 -csv` of the very same query. Prints the ratios and the worker's peak memory after a
10% export and after the full ones. Targets: CSV <= 1.5x the floor on PostgreSQL, JSON Lines
<= 5x, CSV <= 2.5x on SQLite, peak memory < 150 MB and flat.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from report_data import load_postgresql, load_sqlite  # noqa: E402
from servers import start_gunicorn  # noqa: E402

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/verify_bench"
SQLITE_PATH = "/tmp/verify_bench.sqlite"
PORT = 8301


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--sources", type=int, default=20_000)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--sqlite-path", default=SQLITE_PATH)
    parser.add_argument("--skip-load", action="store_true", help="Reuse the loaded databases.")
    parser.add_argument("--repeat", type=int, default=2, help="Best of N for app and floor.")
    return parser.parse_args()


def app_context_for(url: str):
    from verify import create_app

    return create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"}).app_context()


def export_sql(url: str) -> tuple[str, int, str, int]:
    """The export's SQL with its values inlined, its row count, an editor token, and a
    claim 1,000 rows from the end of the report to page after."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from verify.extensions import db
    from verify.models import User
    from verify.services.reports import UnverifiedReport

    with app_context_for(url) as context:
        report = UnverifiedReport({}, context.app.config["OVERDUE_AFTER_HOURS"])
        query = report.rows()
        rows = db.session.scalar(select(func.count()).select_from(query.subquery()))
        late = query.subquery()
        anchor = db.session.scalar(
            select(late.c.claim_id)
            .order_by(late.c.created_at.desc(), late.c.claim_id.desc())
            .offset(1000)
            .limit(1)
        )
        sql = inline(query, db.engine)
        user = db.session.scalar(select(User).where(User.username == "bench-editor"))
        user = user or User(username="bench-editor", role="editor", password_hash="-")
        db.session.add(user)
        token = user.issue_token(timedelta(days=1))
        db.session.commit()
        db.engine.dispose()
    return " ".join(sql.split()), rows, token, anchor


def inline(query, engine) -> str:
    if engine.dialect.name == "sqlite":
        return str(query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    import psycopg

    compiled = query.compile(dialect=engine.dialect)
    with psycopg.connect(engine.url.set(drivername="postgresql").render_as_string(False)) as conn:
        return psycopg.ClientCursor(conn).mogrify(str(compiled), compiled.params)


def floor_command(url: str, sql: str) -> list[str]:
    if url.startswith("sqlite"):
        return ["sqlite3", "-csv", "-header", url.removeprefix("sqlite:///"), sql]
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    return [
        "psql",
        "-X",
        "-q",
        "-h",
        parts.host,
        "-p",
        str(parts.port or 5432),
        "-U",
        parts.username,
        "-d",
        parts.database,
        "-c",
        f"\\copy ({sql}) to stdout with (format csv, header)",
    ]


def time_floor(url: str, sql: str) -> float:
    start = time.perf_counter()
    subprocess.run(floor_command(url, sql), stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def worker_peak_mb(server: subprocess.Popen) -> float:
    """VmHWM, the peak resident memory, of the gunicorn worker serving the exports."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    status = Path(f"/proc/{children[0]}/status").read_text()
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    return int(kilobytes) / 1024


def fetch(path: str, token: str) -> dict:
    """Download through curl to /dev/null: time to first byte, total time, bytes."""
    output = subprocess.run(
        [
            "curl",
            "-sS",
            "-o",
            "/dev/null",
            "-H",
            f"Authorization: Bearer {token}",
            "-w",
            "%{http_code} %{time_starttransfer} %{time_total} %{size_download}",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    code, first, total, size = output.split()
    assert code == "200", f"{path} answered {code}"
    return {"first": float(first), "total": float(total), "bytes": int(size)}


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda run: run["total"])


def measure_database(name: str, url: str, repeat: int) -> list[tuple]:
    """Time the exports and the floor on one database; return the printable rows."""
    sql, rows, token, anchor = export_sql(url)
    floor = min(time_floor(url, sql) for _ in range(repeat))
    server = start_gunicorn(
        "app:app",
        PORT,
        {"DATABASE_URL": url, "SECRET_KEY": "bench"},
        options=("--workers", "1", "--timeout", "900"),
    )
    try:
        page = fetch("/reports/unverified", token)
        deep = fetch(f"/reports/unverified?after={anchor}", token)
        for export in ("csv", "jsonl"):  # every code path warm, on a tenth of the rows
            fetch(f"/reports/unverified.{export}?outlet=Outlet+7", token)
        small_peak = worker_peak_mb(server)
        csv = best([fetch("/reports/unverified.csv", token) for _ in range(repeat)])
        jsonl = best([fetch("/reports/unverified.jsonl", token) for _ in range(repeat)])
        full_peak = worker_peak_mb(server)
    finally:
        server.terminate()
        server.wait()
    return [
        (name, "CSV", rows, csv, floor),
        (name, "JSON Lines", rows, jsonl, floor),
        (name, "page of 100, the first", rows, page, None),
        (name, "page of 100, 1,000 from the end", rows, deep, None),
        (
            name,
            f"peak RSS: {small_peak:.0f} MB after a 10% export, {full_peak:.0f} MB "
            "after the full ones",
            None,
            None,
            None,
        ),
    ]


def print_rows(rows: list[tuple]) -> None:
    print(
        f"{'database':<11}{'request':<32}{'rows':>9}{'MB':>7}{'1st byte':>10}{'total':>8}"
        f"{'floor':>8}{'ratio':>7}"
    )
    for database, what, count, run, floor in rows:
        if run is None:
            print(f"{database:<11}{what}")
            continue
        ratio = f"{run['total'] / floor:>7.2f}" if floor else ""
        floor_text = f"{floor:>7.2f}s" if floor else " " * 8
        print(
            f"{database:<11}{what:<32}{count:>9,}{run['bytes'] / 1e6:>7.0f}"
            f"{run['first']:>9.3f}s{run['total']:>7.2f}s{floor_text}{ratio}"
        )


def main() -> None:
    args = arguments()
    sqlite_url = f"sqlite:///{args.sqlite_path}"
    if not args.skip_load:
        sizes = (args.sources, args.articles, args.claims)
        print(f"PostgreSQL load: {load_postgresql(args.pg_url, *sizes):.0f} s", flush=True)
        print(f"SQLite load: {load_sqlite(sqlite_url, *sizes):.0f} s", flush=True)
    print(
        f"{args.claims:,} claims, {args.articles:,} articles, {args.sources:,} sources; "
        f"best of {args.repeat}; floor = psql \\copy / sqlite3 -csv of the same query"
    )
    rows = measure_database("PostgreSQL", args.pg_url, args.repeat)
    rows += measure_database("SQLite", sqlite_url, args.repeat)
    print_rows(rows)
    print(
        "targets: PostgreSQL CSV <= 1.5, JSON Lines <= 5; SQLite CSV <= 2.5; "
        "peak RSS < 150 MB and flat"
    )


if __name__ == "__main__":
    main()
