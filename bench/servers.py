"""Start a gunicorn for a benchmark and wait until it answers."""

import os
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def start_gunicorn(
    target: str,
    port: int,
    env: dict,
    ready_path: str = "/",
    options: tuple[str, ...] = ("--workers", "1"),
) -> subprocess.Popen:
    """Serve `target` (module:app) on 127.0.0.1:port; return once ready_path answers."""
    command = [
        str(GUNICORN),
        *options,
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--pythonpath",
        f"{ROOT},{ROOT / 'bench'}",
        target,
    ]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"{target} did not start on port {port}")
