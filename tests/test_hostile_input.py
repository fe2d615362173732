"""Strange and hostile files: a clear error or an empty result, never a crash or a hang."""

import json
import re
import time

import pytest
from sqlalchemy import func, select

from verify.extensions import db
from verify.extraction import PageTooComplex, extract_claims, html_to_text
from verify.models import Article

CLAIM = "<p>The minister said that the new bridge would open in the spring of next year.</p>"
HOSTILE_HTML = {
    "malformed": "<html><body><p>The minister said <b>that <i>taxes</p> would fall.</div>" * 50,
    "huge-attribute": f'<p title="{"x" * 3_000_000}">' + CLAIM + "</p>",
    "script-tags": "<script>" + "var a = '<p>said</p>';" * 20000 + "</script>" + CLAIM,
    "deep-nesting": "<div>" * 200_000 + CLAIM + "</div>" * 200_000,
    "no-main-text": "<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>",
    "comment-bomb": "<!--" + "-" * 1_000_000 + CLAIM,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_HTML))
def test_hostile_html_gives_text_nothing_or_a_refusal_quickly(name):
    started = time.monotonic()
    try:
        text = html_to_text(HOSTILE_HTML[name])
    except PageTooComplex as exc:
        assert name == "deep-nesting" and "15,000 HTML elements" in str(exc)
        return
    claims = extract_claims(text)
    assert time.monotonic() - started < 20
    assert isinstance(text, str)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text


def count_articles() -> int:
    return db.session.scalar(select(func.count(Article.id)))


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("latin1.txt", "Le ministre a déclaré que".encode("latin-1"), "not UTF-8"),
        ("utf16.txt", "The minister said so.".encode("utf-16"), "not UTF-8"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("nul.txt", b"title\n\x00\x00\x00binary", "looks binary"),
        ("empty.txt", b"", "empty"),
        ("blank.html", b"<html><body><nav>Menu</nav></body></html>", "no main text"),
        ("list.json", b"[1, 2, 3]", '"body"'),
        ("truncated.json", b'{"title": "x", "body": "y', "invalid JSON"),
    ],
)
def test_unreadable_files_are_skipped_with_a_reason(runner, tmp_path, filename, content, message):
    path = tmp_path / filename
    path.write_bytes(content)
    result = runner.invoke(args=["ingest", str(path)])
    assert result.exit_code == 1
    assert message in result.output
    assert count_articles() == 0


def test_hostile_html_file_is_ingested_or_refused_cleanly(runner, tmp_path):
    for name, html in HOSTILE_HTML.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    result = runner.invoke(args=["ingest", *sorted(map(str, tmp_path.iterdir()))])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    summary = re.search(r"(\d+) added, (\d+) already known, (\d+) failed", result.output)
    added, known, failed = map(int, summary.groups())
    assert added + known + failed == len(HOSTILE_HTML)
    assert count_articles() == added
    assert result.output.count("Skipped") == failed


def test_control_characters_and_odd_unicode_survive_the_api(client, auth_header):
    body = "Line\x0bone\x1f said\u2028that \u202e the\ufeff ministry \U0001f600 said it.\r\n"
    response = client.post(
        "/api/articles", json={"title": "Odd", "body": body}, headers=auth_header()
    )
    assert response.status_code == 201
    assert client.get(f"/api/articles/{response.get_json()['id']}").get_json()["body"] == body


def test_a_lone_surrogate_is_refused_naming_the_field(client, auth_header):
    payload = '{"title": "T", "body": "The minister \\ud800 said so."}'
    response = client.post(
        "/api/articles", data=payload, headers={**auth_header(), "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert "body" in response.get_json()["error"]["fields"]


def test_json_that_is_not_an_object_is_refused(client, auth_header):
    response = client.post(
        "/api/articles",
        data=json.dumps(["title", "body"]),
        headers={**auth_header(), "Content-Type": "application/json"},
    )
    assert response.status_code in (400, 422)
    assert response.get_json()["error"]["code"] == response.status_code


def test_extraction_past_its_time_limit_is_an_error_and_stores_nothing(app, client, auth_header):
    app.config["EXTRACTION_TIMEOUT_SECONDS"] = 0
    response = client.post(
        "/api/articles", json={"title": "T", "body": "He said it.\n" * 500}, headers=auth_header()
    )
    assert response.status_code == 422
    assert "EXTRACTION_TIMEOUT_SECONDS" in response.get_json()["error"]["message"]
    assert count_articles() == 0


def test_claims_extract_reports_a_time_limit_per_file(app, runner, tmp_path):
    app.config["EXTRACTION_TIMEOUT_SECONDS"] = 0
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "The minister said it would rain.\n" * 500, encoding="utf-8")
    result = runner.invoke(args=["claims", "extract", str(path)])
    assert result.exit_code == 1
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["claims"] == [] and "deadline" in line["error"]
