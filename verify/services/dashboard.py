"""Figures for the editors' dashboard: claims by status over time, overdue per outlet."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select

from verify.dates import now_utc
from verify.extensions import db
from verify.models import Claim, ClaimEvent
from verify.services.reports import UnverifiedReport
from verify.vocabulary import STATUSES


@dataclass
class StatusSeries:
    """How many claims stood in each status at the end of each week."""

    week_ends: list[date]
    counts: dict[str, list[int]]


def current_status_counts() -> Counter:
    query = select(Claim.status, func.count()).where(Claim.public()).group_by(Claim.status)
    return Counter(dict(db.session.execute(query).all()))


def daily_status_changes(since: date) -> list[tuple[date, str | None, str, int]]:
    """Count status changes per day since a date: (day, from, to, how many)."""
    day = func.date(ClaimEvent.created_at)
    query = (
        select(day, ClaimEvent.from_status, ClaimEvent.to_status, func.count())
        .join(Claim, ClaimEvent.claim_id == Claim.id)
        .where(
            Claim.public(),
            ClaimEvent.created_at >= datetime.combine(since, time.min),
            or_(
                ClaimEvent.from_status.is_(None),
                ClaimEvent.from_status != ClaimEvent.to_status,
            ),
        )
        .group_by(day, ClaimEvent.from_status, ClaimEvent.to_status)
    )
    return [
        (date.fromisoformat(str(value)), before, after, count)
        for value, before, after, count in db.session.execute(query)
    ]


def status_over_time(weeks: int, today: date | None = None) -> StatusSeries:
    """Walk back from today's counts, undoing the changes made after each week's end."""
    today = today or now_utc().date()
    week_ends = [today - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    current = current_status_counts()
    changes = daily_status_changes(week_ends[0] + timedelta(days=1))
    counts = {status: [] for status in STATUSES}
    for end in week_ends:
        undone = Counter()
        for day, before, after, count in changes:
            if day > end:
                undone[after] += count
                if before is not None:
                    undone[before] -= count
        for status in STATUSES:
            counts[status].append(current[status] - undone[status])
    return StatusSeries(week_ends, counts)


def overdue_by_outlet(overdue_hours: int, limit: int = 15) -> list:
    """The outlets with the most overdue unverified claims, most first."""
    groups = UnverifiedReport({}, overdue_hours).groups("outlet")
    return [group for group in groups if group.overdue][:limit]
