"""Fact-checkers' changes to a claim: status, note and evidence, with history."""

from sqlalchemy.orm.exc import StaleDataError

from verify.dates import now_utc
from verify.extensions import db
from verify.models import Claim, ClaimEvent, User


class StaleVersion(Exception):
    """Someone else saved the claim after the version the caller read."""

    def __init__(self, claim: Claim):
        super().__init__(f"Claim {claim.id} is now at version {claim.version}.")
        self.claim = claim


def check_version(claim: Claim, expected_version: int) -> None:
    """Refuse a change based on a version of the claim that is no longer current."""
    if claim.version != expected_version:
        raise StaleVersion(claim)


def record_event(claim: Claim, user: User | None, action: str, **fields) -> ClaimEvent:
    """Add one history row for a change already applied to the claim."""
    event = ClaimEvent(claim=claim, user=user, action=action, to_status=claim.status, **fields)
    db.session.add(event)
    return event


def flush_or_stale(claim: Claim) -> Claim:
    """Write the change; a concurrent writer turns into StaleVersion with the saved row."""
    try:
        db.session.flush()
    except StaleDataError as exc:
        db.session.rollback()
        raise StaleVersion(db.session.get(Claim, claim.id)) from exc
    return claim


def merge_evidence(old: list[dict], new: list[dict]) -> list[dict]:
    """Keep what was known of a link (title, stance) when only its URL is sent again."""
    known = {item["url"]: item for item in old or []}
    return [{**known.get(item["url"], {}), **item} for item in new]


def review_claim(claim: Claim, changes: dict, user: User, expected_version: int) -> Claim:
    """Apply a reviewer's changes if the claim is still at the version they read."""
    check_version(claim, expected_version)
    previous_status = claim.status
    for field in ("status", "note", "evidence"):
        if field in changes:
            setattr(claim, field, changes[field])
    claim.reviewed_by = user
    claim.reviewed_at = now_utc()
    record_event(
        claim,
        user,
        "review",
        from_status=previous_status,
        note=claim.note,
        evidence=list(claim.evidence or []),
    )
    return flush_or_stale(claim)


def set_statuses(claims: list[tuple[Claim, int]], status: str, user: User) -> list[int]:
    """Set one status on many claims; return the ids left alone because they had changed."""
    stale = []
    for claim, expected_version in claims:
        if claim.version != expected_version:
            stale.append(claim.id)
        elif claim.status != status:
            review_claim(claim, {"status": status}, user, expected_version)
    return stale
