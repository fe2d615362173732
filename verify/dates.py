"""One place for the current time: naive UTC, as every column stores it."""

from datetime import UTC, datetime


def now_utc() -> datetime:
    """Return the current UTC time without tzinfo."""
    return datetime.now(UTC).replace(tzinfo=None)


def to_naive_utc(value: datetime | None) -> datetime | None:
    """Convert an aware datetime to naive UTC; leave naive ones as UTC."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)
