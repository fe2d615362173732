"""A real database and a real gunicorn for tests that need several processes."""

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests
import sqlalchemy as sa

from tests.conftest import REPO_ROOT, TEST_DATABASE_URL


@contextmanager
def fresh_database_url(folder: Path):
    """Yield the URL of a brand-new, empty database of the kind the suite runs on."""
    if not TEST_DATABASE_URL.startswith("postgresql"):
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex[:8]}.sqlite'}"
        return
    name = f"verify_served_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield (
            sa.make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(database_url: str, workers: int = 2):
    """Serve the app on a free local port; yield its base URL, then stop the server."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "served-test"}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "app:app",
    ]
    server = subprocess.Popen(command, cwd=REPO_ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base, server)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_until_ready(base: str, server: subprocess.Popen, seconds: float = 20) -> None:
    limit = time.monotonic() + seconds
    while time.monotonic() < limit:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            requests.get(f"{base}/api/articles", timeout=5)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer in time")
