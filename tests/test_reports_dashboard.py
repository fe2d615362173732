"""The editors' dashboard: claims by status over time and overdue claims per outlet."""

import re
from datetime import timedelta

from tests.newsroom import add_article, claim_specs
from verify.dates import now_utc
from verify.extensions import db
from verify.models import ClaimEvent


def table_rows(page: str, table_id: str) -> list[tuple[str, ...]]:
    table = page.split(f'id="{table_id}"')[1].split("</table>")[0]
    body = table.split("<tbody>")[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in rows]
    return [tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in row) for row in cells]


def test_status_over_time_replays_the_history(client, auth_header):
    now = now_utc()
    article = add_article(
        [
            {"text": "Old claim", "created_at": now - timedelta(days=20)},
            {"text": "New claim", "created_at": now - timedelta(days=2)},
        ]
    )
    old = article.claims[0]
    old.status = "verified"
    db.session.add(
        ClaimEvent(
            claim=old,
            action="review",
            from_status="unverified",
            to_status="verified",
            created_at=now - timedelta(days=10),
        )
    )
    db.session.commit()
    response = client.get("/reports/dashboard?weeks=4", headers=auth_header("editor"))
    rows = table_rows(response.get_data(as_text=True), "status-table")
    days = [(now.date() - timedelta(weeks=back)).isoformat() for back in (3, 2, 1, 0)]
    assert rows == [
        (days[0], "0", "0", "0"),
        (days[1], "0", "0", "1"),
        (days[2], "1", "0", "0"),
        (days[3], "1", "0", "1"),
    ]


def test_dashboard_lists_overdue_claims_per_outlet(client, auth_header):
    add_article(claim_specs(3), outlet="Harbour Times", published_at=now_utc() - timedelta(days=4))
    add_article(
        claim_specs(1), title="B", outlet="Valley Post", published_at=now_utc() - timedelta(days=3)
    )
    add_article(claim_specs(2), title="C", outlet="Fresh Daily")
    page = client.get("/reports/dashboard", headers=auth_header("editor")).get_data(as_text=True)
    assert table_rows(page, "overdue-table") == [
        ("Harbour Times", "3", "3"),
        ("Valley Post", "1", "1"),
    ]
    assert 'href="/reports/unverified?outlet=Harbour+Times&amp;overdue=true"' in page
    assert '<img class="chart" src="/reports/dashboard/overdue.svg"' in page


def test_dashboard_charts_are_svg_drawn_on_the_server(client, auth_header):
    add_article(
        claim_specs(2), outlet="Harbour <Times>", published_at=now_utc() - timedelta(days=4)
    )
    headers = auth_header("editor")
    for path in ("/reports/dashboard/status.svg?weeks=6", "/reports/dashboard/overdue.svg"):
        response = client.get(path, headers=headers)
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        svg = response.get_data(as_text=True)
        assert "<svg" in svg and "<script" not in svg
        assert "script-src" not in response.headers["Content-Security-Policy"]
    overdue = client.get("/reports/dashboard/overdue.svg", headers=headers).get_data(as_text=True)
    assert "Harbour &lt;Times&gt;" in overdue and "Harbour <Times>" not in overdue


def test_dashboard_weeks_are_validated(client, auth_header):
    response = client.get(
        "/reports/dashboard/status.svg?weeks=0",
        headers={**auth_header("editor"), "Accept": "application/json"},
    )
    assert response.status_code == 422
    assert "weeks" in response.get_json()["error"]["fields"]


def test_dashboard_without_overdue_claims_says_so(client, auth_header):
    add_article(claim_specs(1))
    page = client.get("/reports/dashboard", headers=auth_header("editor")).get_data(as_text=True)
    assert "No claim is overdue." in page
