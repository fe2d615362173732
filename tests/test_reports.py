"""The unverified report page: who may see it, filters, age, overdue, groups, keyset pages."""

import csv
import io
import re
from contextlib import contextmanager
from datetime import timedelta

import pytest

from tests.newsroom import add_article, claim_specs
from tests.sql_support import listening
from verify.dates import now_utc
from verify.extensions import db


@contextmanager
def offsets_sent():
    """Collect the OFFSET of every query (SQLite always sends one, of 0, with LIMIT)."""
    offsets = []

    def record(connection, cursor, statement, parameters, *args):
        if "OFFSET" in statement.upper():
            offsets.append(parameters[-1] if "OFFSET ?" in statement else -1)

    with listening(db.engine, "before_cursor_execute", record):
        yield offsets


def editor_get(client, auth_header, path, **query):
    return client.get(path, query_string=query, headers=auth_header("editor"))


def page_claim_ids(response) -> list[int]:
    table = response.get_data(as_text=True).split('id="report-rows"')[1]
    return [int(n) for n in re.findall(r'href="/claims/(\d+)"', table)]


@pytest.mark.parametrize(
    "path",
    [
        "/reports/unverified",
        "/reports/unverified.csv",
        "/reports/unverified.json",
        "/reports/unverified.jsonl",
        "/reports/dashboard",
        "/reports/dashboard/status.svg",
        "/reports/dashboard/overdue.svg",
    ],
)
def test_reports_need_an_editor_or_admin(client, sign_in, auth_header, path):
    assert client.get(path, headers=auth_header("fact-checker")).status_code == 403
    assert client.get(path, headers=auth_header("editor")).status_code == 200
    assert client.get(path, headers=auth_header("admin")).status_code == 200


def test_editors_signed_in_see_the_report(sign_in, article):
    page = sign_in("editor").get("/reports/unverified").get_data(as_text=True)
    assert f"<strong>{len(article['claims'])}</strong> unverified claims match" in page


def test_anonymous_report_page_redirects_and_exports_are_401(client):
    assert client.get("/reports/unverified").status_code == 302
    response = client.get("/reports/unverified.csv")
    assert response.status_code == 401 and response.get_json()["error"]["code"] == 401
    response = client.get("/reports/unverified.jsonl")
    assert response.status_code == 401 and response.get_json()["error"]["code"] == 401


def test_csv_and_json_reports_list_unverified_claims(client, article, auth_header):
    headers = auth_header("editor")
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/reports/unverified.csv", headers=headers).get_data(as_text=True)
            )
        )
    )
    assert {int(row["claim_id"]) for row in rows} == {c["id"] for c in article["claims"]}
    data = client.get("/reports/unverified.json?outlet=gazette", headers=headers).get_json()
    assert len(data) == len(article["claims"])
    assert client.get("/reports/unverified.json?outlet=none-such", headers=headers).get_json() == []
    assert (
        client.get("/reports/unverified.json?older_than_days=3", headers=headers).get_json() == []
    )


@pytest.mark.parametrize(
    "query, field",
    [
        ("older_than_days=soon", "older_than_days"),
        ("source_kind=ghost", "source_kind"),
        ("group=colour", "group"),
        ("overdue=perhaps", "overdue"),
        ("overdue_hours=0", "overdue_hours"),
        ("after=x", "after"),
        ("after=1&before=2", "before"),
    ],
)
def test_report_filters_are_validated(client, auth_header, query, field):
    response = client.get(f"/reports/unverified.json?{query}", headers=auth_header("editor"))
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_blank_filters_from_the_form_are_ignored(client, article, auth_header):
    response = editor_get(
        client,
        auth_header,
        "/reports/unverified",
        outlet="",
        source="",
        author="",
        source_kind="",
        overdue="",
        group="",
    )
    assert response.status_code == 200
    assert len(page_claim_ids(response)) == len(article["claims"])


def test_reviewed_claims_leave_the_report(client, article, auth_header):
    claim = article["claims"][0]
    client.patch(
        f"/api/claims/{claim['id']}",
        json={"status": "verified"},
        headers={**auth_header(), "If-Match": str(claim["version"])},
    )
    data = client.get("/reports/unverified.json", headers=auth_header("editor")).get_json()
    assert claim["id"] not in {row["claim_id"] for row in data}


def test_age_counts_from_publication_and_overdue_follows_the_threshold(app, client, auth_header):
    add_article([{"text": "Old news"}], title="Old", published_at=now_utc() - timedelta(days=5))
    add_article(
        [{"text": "Fresh news"}], title="Fresh", published_at=now_utc() - timedelta(hours=3)
    )
    rows = editor_get(client, auth_header, "/reports/unverified.json").get_json()
    by_text = {row["text"]: row for row in rows}
    assert by_text["Old news"]["age_hours"] in (119, 120)
    assert by_text["Fresh news"]["age_hours"] in (2, 3)
    assert by_text["Old news"]["overdue"] is True and by_text["Fresh news"]["overdue"] is False
    app.config["OVERDUE_AFTER_HOURS"] = 200
    rows = editor_get(client, auth_header, "/reports/unverified.json").get_json()
    assert not any(row["overdue"] for row in rows)
    rows = editor_get(
        client, auth_header, "/reports/unverified.json", overdue_hours=2, overdue="true"
    ).get_json()
    assert {row["text"] for row in rows} == {"Old news", "Fresh news"}


def test_undated_articles_age_from_when_they_were_added(client, auth_header):
    add_article([{"text": "Undated"}], created_at=now_utc() - timedelta(hours=50))
    (row,) = editor_get(client, auth_header, "/reports/unverified.json").get_json()
    assert row["published_at"] is None and row["age_hours"] in (49, 50)
    assert row["overdue"] is True


def test_filters_by_outlet_author_source_kind_and_overdue(client, auth_header):
    week_ago = now_utc() - timedelta(days=7)
    add_article(
        [
            {"text": "A1", "source": "Ana Ruiz"},
            {"text": "A2", "source": "An aide", "source_kind": "anonymous"},
        ],
        outlet="Harbour Times",
        author="Lena Park",
        published_at=week_ago,
    )
    add_article(
        [{"text": "B1"}, {"text": "B2", "source": "City Hall", "source_kind": "official"}],
        title="Other",
        outlet="Valley Post",
        author="Omar Diaz",
    )

    def texts(**query):
        rows = editor_get(client, auth_header, "/reports/unverified.json", **query).get_json()
        return sorted(row["text"] for row in rows)

    assert texts(outlet="harbour") == ["A1", "A2"]
    assert texts(author="omar") == ["B1", "B2"]
    assert texts(source="ruiz") == ["A1"]
    assert texts(source_kind="anonymous") == ["A2"]
    assert texts(source_kind="unattributed") == ["B1"]
    assert texts(overdue="true") == ["A1", "A2"]
    assert texts(overdue="false") == ["B1", "B2"]
    assert texts(older_than_days=6) == ["A1", "A2"]
    assert texts(outlet="valley", source_kind="official") == ["B2"]


def test_report_page_groups_by_outlet_with_overdue_counts(client, auth_header):
    add_article(claim_specs(3), outlet="Harbour Times", published_at=now_utc() - timedelta(days=3))
    add_article(claim_specs(2), title="B", outlet="Valley Post")
    page = editor_get(client, auth_header, "/reports/unverified", group="outlet")
    groups = page.get_data(as_text=True).split('id="report-groups"')[1].split("</table>")[0]
    rows = re.findall(r">([^<>]+)</a></td>\s*<td>(\d+)</td><td>(\d+)</td>", groups)
    assert rows == [("Harbour Times", "3", "3"), ("Valley Post", "2", "0")]


@pytest.mark.parametrize(
    "group, expected", [("author", "Lena Park"), ("source", "Ana Ruiz"), ("source_kind", "person")]
)
def test_report_page_groups_by_author_source_and_kind(client, auth_header, group, expected):
    add_article([{"text": "A1", "source": "Ana Ruiz"}], author="Lena Park")
    page = editor_get(client, auth_header, "/reports/unverified", group=group)
    groups = page.get_data(as_text=True).split('id="report-groups"')[1].split("</table>")[0]
    assert f">{expected}</a></td>" in groups


def test_report_pages_by_keyset_without_offset(client, auth_header):
    start = now_utc() - timedelta(days=1)
    article = add_article(
        [{"text": f"Claim {n}", "created_at": start + timedelta(seconds=n)} for n in range(230)]
    )
    expected = [claim.id for claim in sorted(article.claims, key=lambda c: c.created_at)]
    seen, query, pages = [], {}, []
    with offsets_sent() as offsets:
        while True:
            response = editor_get(client, auth_header, "/reports/unverified", **query)
            pages.append(response.get_data(as_text=True))
            seen += page_claim_ids(response)
            after = re.search(r'href="/reports/unverified\?after=(\d+)" rel="next"', pages[-1])
            if after is None:
                break
            query = {"after": after.group(1)}
    assert seen == expected and len(pages) == 3
    assert set(offsets) <= {0}
    before = re.search(r'href="/reports/unverified\?before=(\d+)" rel="prev"', pages[-1])
    back = editor_get(client, auth_header, "/reports/unverified", before=before.group(1))
    assert page_claim_ids(back) == expected[100:200]


def test_keyset_page_after_an_unknown_claim_is_a_422(client, auth_header):
    response = editor_get(client, auth_header, "/reports/unverified.json")
    assert response.status_code == 200
    response = client.get(
        "/reports/unverified?after=99999",
        headers={**auth_header("editor"), "Accept": "application/json"},
    )
    assert response.status_code == 422
    assert "after" in response.get_json()["error"]["fields"]
