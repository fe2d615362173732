"""Streamed exports of the unverified report: CSV, JSON Lines, JSON and the CLI."""

import csv
import io
import json
from datetime import timedelta

from tests.newsroom import add_article, claim_specs
from verify.dates import now_utc
from verify.services.reports import REPORT_COLUMNS

TRICKY = 'She said "no", then\nleft; ünïcödé, commas'


def export(client, auth_header, extension, **query):
    return client.get(
        f"/reports/unverified.{extension}", query_string=query, headers=auth_header("editor")
    )


def jsonl_rows(response) -> list[dict]:
    lines = response.get_data(as_text=True).splitlines()
    return [json.loads(line) for line in lines]


def test_csv_streams_a_header_then_every_row(client, auth_header):
    add_article(claim_specs(1234), published_at=now_utc() - timedelta(days=4), author="Lena Park")
    response = export(client, auth_header, "csv")
    assert response.is_streamed
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == "attachment; filename=unverified-claims.csv"
    assert response.headers["Cache-Control"] == "no-store"
    chunks = list(response.response)
    assert chunks[0] == (",".join(REPORT_COLUMNS) + "\n").encode()
    rows = list(csv.DictReader(io.StringIO(b"".join(chunks).decode())))
    assert len(rows) == 1234
    assert rows[0]["author"] == "Lena Park" and rows[0]["overdue"] == "true"
    assert rows[0]["source_kind"] == "unattributed" and rows[0]["age_hours"] in ("95", "96")


def test_csv_and_jsonl_carry_the_same_rows(client, auth_header):
    published = (now_utc() - timedelta(days=1)).replace(microsecond=0)
    add_article(
        [
            {"text": TRICKY, "source": "Ana Ruiz", "note": 'Needs, "care"'},
            {"text": "Second", "source": "An aide", "source_kind": "anonymous"},
        ],
        title="Title, with comma",
        outlet="Harbour Times",
        published_at=published,
    )
    rows = list(
        csv.DictReader(io.StringIO(export(client, auth_header, "csv").get_data(as_text=True)))
    )
    records = jsonl_rows(export(client, auth_header, "jsonl"))
    assert [row["text"] for row in rows] == [TRICKY, "Second"]
    assert records[0]["text"] == TRICKY and records[0]["note"] == 'Needs, "care"'
    for row, record in zip(rows, records, strict=True):
        assert set(record) == set(REPORT_COLUMNS) == set(row)
        assert {k: str(v) for k, v in record.items() if v not in (None, True, False)} == {
            k: v for k, v in row.items() if record[k] not in (None, True, False)
        }
    assert records[0]["published_at"] == published.isoformat()
    assert records[0]["overdue"] is False and rows[0]["overdue"] == "false"
    assert records[1]["note"] is None and rows[1]["note"] == ""
    assert records[1]["source_kind"] == "anonymous"


def test_jsonl_is_one_object_per_line_and_honours_filters(client, auth_header):
    add_article(claim_specs(3), outlet="Harbour Times")
    add_article(claim_specs(2), title="Other", outlet="Valley Post")
    response = export(client, auth_header, "jsonl", outlet="valley")
    assert response.mimetype == "application/jsonl" and response.is_streamed
    records = jsonl_rows(response)
    assert len(records) == 2 and {r["outlet"] for r in records} == {"Valley Post"}
    assert export(client, auth_header, "jsonl", outlet="nowhere").get_data() == b""


def test_json_export_is_one_array(client, auth_header):
    add_article(claim_specs(3))
    data = export(client, auth_header, "json").get_json()
    assert [row["text"] for row in data] == [f"Claim number {n} is true" for n in range(3)]


def test_export_validates_its_filters(client, auth_header):
    response = export(client, auth_header, "csv", source_kind="ghost")
    assert response.status_code == 422
    assert "source_kind" in response.get_json()["error"]["fields"]


def test_cli_writes_the_report_as_csv_or_jsonl(runner):
    add_article(claim_specs(3), outlet="Harbour Times", published_at=now_utc() - timedelta(days=9))
    add_article(claim_specs(2), title="Other", outlet="Valley Post")
    result = runner.invoke(args=["reports", "unverified", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 5 and list(rows[0]) == list(REPORT_COLUMNS)
    result = runner.invoke(args=["reports", "unverified", "--format", "jsonl", "--overdue"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["outlet"] for r in records] == ["Harbour Times"] * 3
    result = runner.invoke(
        args=["reports", "unverified", "--format", "jsonl", "--outlet", "valley", "--not-overdue"]
    )
    assert len(result.output.splitlines()) == 2


def test_cli_refuses_an_unknown_format(runner):
    result = runner.invoke(args=["reports", "unverified", "--format", "xml"])
    assert result.exit_code == 2 and "'xml' is not one of" in result.output


FORMULAS = [
    '=HYPERLINK("http://evil.example","Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tTabbed",
    "\rReturned",
]


def formula_article():
    specs = [{"text": text, "source": "Ana Ruiz", "note": text} for text in FORMULAS]
    add_article(
        specs, title='=HYPERLINK("http://evil.example")', outlet="@outlet", author="-author"
    )


def assert_no_formula_cells(text: str):
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)
    assert [row["text"] for row in rows] == ["'" + text for text in FORMULAS]
    assert rows[0]["title" if "title" in rows[0] else "article_title"].startswith("'=")
    assert rows[0]["outlet"] == "'@outlet" and rows[0]["author"] == "'-author"


def test_csv_cells_never_start_a_formula(client, auth_header):
    formula_article()
    assert_no_formula_cells(export(client, auth_header, "csv").get_data(as_text=True))
    records = jsonl_rows(export(client, auth_header, "jsonl"))
    assert records[0]["text"] == FORMULAS[0]


def test_cli_csv_cells_never_start_a_formula(runner):
    formula_article()
    result = runner.invoke(args=["reports", "unverified", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert_no_formula_cells(result.output)
