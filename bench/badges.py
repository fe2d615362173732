"""Badge speed against the floor: the app under gunicorn beside a bare Flask app, both under wrk.

    .venv/bin/python bench/badges.py [--seconds 10] [--rounds 3] [--workers 2]

Both servers run with the same gunicorn workers and take the same wrk load for the same
time, rounds interleaved; the median round is shown. The bare app returns a constant SVG
(no database); the app reads the claim from PostgreSQL (database verify_bench_badges,
dropped and rebuilt with the migrations). Target: claim badge at >= 0.8x bare, 0 errors.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

from flask import Flask
from servers import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/verify_bench_badges"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="129" height="20" role="img" '
    'aria-label="claim: unverified"><title>claim: unverified</title></svg>'
)

bare_app = Flask(__name__)


@bare_app.route("/badges/claims/<int:claim_id>.svg")
def bare_badge(claim_id):
    return SVG, 200, {"Content-Type": "image/svg+xml"}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    return parser.parse_args()


def rebuild_database(url: str) -> tuple[int, int]:
    """Drop and recreate the bench database, migrate it, add one article with claims."""
    import sqlalchemy as sa

    name = sa.engine.make_url(url).database
    admin = sa.create_engine(
        sa.engine.make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return seed(url)


def seed(url: str) -> tuple[int, int]:
    from flask_migrate import upgrade

    sys.path.insert(0, str(ROOT))
    from tests.newsroom import add_article
    from verify import create_app
    from verify.extensions import db

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        statuses = ["verified"] * 7 + ["disputed", "unverified"]
        article = add_article([{"text": f"Claim {n}", "status": s} for n, s in enumerate(statuses)])
        ids = article.id, article.claims[0].id
        db.engine.dispose()
    return ids


def start(target: str, port: int, workers: int, env: dict) -> subprocess.Popen:
    return start_gunicorn(target, port, env, "/badges/claims/1.svg", ("--workers", str(workers)))


def wrk(url: str, args) -> dict:
    """Run wrk once; return requests/s, p50 and p99 in ms, and errors of any kind."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.seconds}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": milliseconds(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def median_run(runs: list[dict]) -> dict:
    """The round with the median requests/s; errors summed over all rounds."""
    chosen = sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]
    return {**chosen, "errors": sum(run["errors"] for run in runs)}


def report(rows: list[tuple[str, dict]], floor: float) -> None:
    print(f"{'endpoint':<44}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>7}")
    for name, run in rows:
        print(
            f"{name:<44}{run['rps']:>9.0f}{run['p50']:>9.2f}{run['p99']:>9.2f}"
            f"{run['errors']:>8}{run['rps'] / floor:>7.2f}"
        )


def measure(servers: dict[str, str], rounds: int, args) -> dict[str, dict]:
    """Drive every URL once per round, interleaved, and keep each one's median round."""
    runs = {name: [] for name in servers}
    for _ in range(rounds):
        for name, url in servers.items():
            runs[name].append(wrk(url, args))
    return {name: median_run(found) for name, found in runs.items()}


def main() -> None:
    args = arguments()
    article_id, claim_id = rebuild_database(args.database_url)
    env = {"DATABASE_URL": args.database_url, "SECRET_KEY": "bench"}
    servers = [
        start("badges:bare_app", 8201, args.workers, {}),
        start("app:app", 8202, args.workers, env),
        start("app:app", 8203, args.workers, {**env, "BADGE_CACHE_SECONDS": "0"}),
    ]
    try:
        bare, app, uncached = (f"http://127.0.0.1:{port}" for port in (8201, 8202, 8203))
        claim = f"/badges/claims/{claim_id}"
        for url in (f"{bare}{claim}.svg", f"{app}{claim}.svg", f"{uncached}{claim}.svg"):
            subprocess.run(["wrk", "-t1", "-c4", "-d2s", url], capture_output=True, check=True)
        main_runs = measure(
            {"bare": f"{bare}{claim}.svg", "app": f"{app}{claim}.svg"}, args.rounds, args
        )
        others = measure(
            {
                "uncached": f"{uncached}{claim}.svg",
                "json": f"{app}{claim}.json",
                "article": f"{app}/badges/articles/{article_id}.svg",
            },
            1,
            args,
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait()
    print_summary(args, claim_id, article_id, main_runs, others)


def print_summary(args, claim_id, article_id, main_runs, others) -> None:
    print(
        f"gunicorn {args.workers} sync workers per app; wrk -t{args.threads} "
        f"-c{args.connections} -d{args.seconds}s; claim badge vs bare: median of "
        f"{args.rounds} interleaved rounds; PostgreSQL"
    )
    report(
        [
            ("bare Flask, constant SVG", main_runs["bare"]),
            (f"app /badges/claims/{claim_id}.svg", main_runs["app"]),
            (f"app /badges/claims/{claim_id}.svg, no cache", others["uncached"]),
            (f"app /badges/claims/{claim_id}.json", others["json"]),
            (f"app /badges/articles/{article_id}.svg", others["article"]),
        ],
        main_runs["bare"]["rps"],
    )
    ratio = main_runs["app"]["rps"] / main_runs["bare"]["rps"]
    verdict = "met" if ratio >= 0.8 and main_runs["app"]["errors"] == 0 else "NOT met"
    print(f"claim badge / bare = {ratio:.2f} (target >= 0.80, 0 errors: {verdict})")


if __name__ == "__main__":
    main()
