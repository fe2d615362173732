"""Password attempts are counted per username and address, across endpoints and workers."""

import os
import subprocess
import sys
import time
import uuid

import pytest

from tests.conftest import PASSWORD, REPO_ROOT, TEST_DATABASE_URL, make_user, with_fresh_schema
from verify import create_app
from verify.config import memory_limit_warning

LOOSE = "1000 per minute"


def attempt(client, endpoint, username, address="127.0.0.1", password="wrong", headers=None):
    credentials = {"username": username, "password": password}
    url, body = ("/sign-in", "data") if endpoint == "form" else ("/api/tokens", "json")
    response = client.post(
        url, **{body: credentials}, environ_base={"REMOTE_ADDR": address}, headers=headers
    )
    return response.status_code


def limits(app, per_user_and_address=LOOSE, per_user=LOOSE, per_address=LOOSE):
    app.config.update(
        SIGN_IN_RATE_LIMIT=per_user_and_address,
        SIGN_IN_USER_RATE_LIMIT=per_user,
        SIGN_IN_ADDRESS_RATE_LIMIT=per_address,
    )


def test_the_form_and_the_token_endpoint_share_one_count(app, client):
    limits(app, per_user_and_address="3 per minute")
    make_user("ana", "editor")
    statuses = [
        attempt(client, "form", "ana"),
        attempt(client, "api", "ANA"),
        attempt(client, "form", "Ana"),
        attempt(client, "api", "ana"),
    ]
    assert statuses == [200, 401, 200, 429]
    assert attempt(client, "form", "ana", password=PASSWORD) == 429
    assert attempt(client, "api", "someone-else") == 401


def test_one_username_is_limited_from_every_address(app, client):
    limits(app, per_user="3 per minute")
    make_user("ana", "editor")
    addresses = [f"192.0.2.{n}" for n in range(1, 6)]
    statuses = [attempt(client, "api", "ana", address) for address in addresses]
    assert statuses == [401, 401, 401, 429, 429]
    assert attempt(client, "api", "bob", "192.0.2.9") == 401


def test_one_address_is_limited_across_usernames(app, client):
    limits(app, per_address="3 per minute")
    statuses = [attempt(client, "form", f"user{n}") for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert attempt(client, "form", "user9", address="192.0.2.7") == 200


@pytest.fixture
def proxied_app():
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "DATABASE_URL": TEST_DATABASE_URL,
            "PROXY_FIX_X_FOR": 1,
            "SIGN_IN_RATE_LIMIT": "2 per minute",
        }
    )
    yield from with_fresh_schema(app)


def test_behind_a_proxy_the_client_address_is_counted(proxied_app):
    limits(proxied_app, per_address="2 per minute")
    client = proxied_app.test_client()
    proxy = "10.0.0.1"
    for client_address in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):
        forwarded = {"X-Forwarded-For": client_address}
        assert attempt(client, "api", "ana", proxy, headers=forwarded) == 401
    assert attempt(client, "api", "ana", proxy, headers={"X-Forwarded-For": "198.51.100.1"}) == 401
    assert attempt(client, "api", "ana", proxy, headers={"X-Forwarded-For": "198.51.100.1"}) == 429


def test_without_proxy_settings_forwarded_addresses_are_ignored(app, client):
    limits(app, per_address="2 per minute")
    statuses = [
        attempt(client, "api", f"u{n}", headers={"X-Forwarded-For": f"198.51.100.{n}"})
        for n in range(3)
    ]
    assert statuses == [401, 401, 429]


REDIS_URL = "redis://127.0.0.1:6379"
WORKER = """
import sys
from verify import create_app
from verify.extensions import db
app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": "sqlite://",
                  "RATELIMIT_STORAGE_URI": sys.argv[1], "RATELIMIT_KEY_PREFIX": sys.argv[2],
                  "SIGN_IN_RATE_LIMIT": "3 per minute"})
with app.app_context():
    db.create_all()
client = app.test_client()
for _ in range(int(sys.argv[4])):
    response = client.post("/api/tokens", json={"username": sys.argv[3], "password": "wrong"})
    print(response.status_code)
"""


def redis_is_up() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


def worker_statuses(prefix: str, username: str, attempts: int) -> list[int]:
    """Run one app in its own process, as one gunicorn worker would be."""
    result = subprocess.run(
        [sys.executable, "-c", WORKER, REDIS_URL, prefix, username, str(attempts)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [int(line) for line in result.stdout.split()]


def test_processes_share_the_count_in_redis():
    if not redis_is_up():
        if os.environ.get("REQUIRE_REDIS_TESTS"):
            pytest.fail(f"Redis is not answering at {REDIS_URL}")
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"verify-test-{uuid.uuid4().hex}"
    assert worker_statuses(prefix, "ana", 2) == [401, 401]
    assert worker_statuses(prefix, "ana", 2) == [401, 429]


def test_several_workers_counting_in_memory_are_warned_about():
    assert "RATELIMIT_STORAGE_URI" in memory_limit_warning(4, {})
    assert memory_limit_warning(4, {"RATELIMIT_STORAGE_URI": "memory://"})
    assert "4 workers" in memory_limit_warning(4, {"RATELIMIT_STORAGE_URI": ""})
    assert "4 times looser" in memory_limit_warning(4, {"RATELIMIT_STORAGE_URI": " MEMORY:// "})
    assert memory_limit_warning(1, {}) is None
    assert memory_limit_warning(4, {"RATELIMIT_STORAGE_URI": REDIS_URL}) is None


def gunicorn_log(workers: int, environ: dict) -> str:
    """Start gunicorn from the checkout as the README does; return its log once workers boot."""
    env = {name: value for name, value in os.environ.items() if name != "RATELIMIT_STORAGE_URI"}
    env.update({"SECRET_KEY": "t", "DATABASE_URL": "sqlite://", **environ})
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "-w", str(workers), "-b", "127.0.0.1:0", "app:app"],
        cwd=REPO_ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines, deadline = [], time.monotonic() + 30
    try:
        while time.monotonic() < deadline and sum("Booting worker" in x for x in lines) < workers:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()
    return "".join(lines)


def test_gunicorn_warns_when_its_workers_count_in_memory():
    log = gunicorn_log(2, {})
    assert log.count("Booting worker") == 2, log
    assert "2 workers count sign-in attempts in memory" in log
    quiet = gunicorn_log(2, {"RATELIMIT_STORAGE_URI": REDIS_URL})
    assert quiet.count("Booting worker") == 2, quiet
    assert "in memory" not in quiet
