"""Fact-checkers' changes to a claim: status, note and evidence, with history."""

from sqlalchemy.orm.exc import StaleDataError

from verify.dates import now_utc
from verify.extensions import db
from verify.models import Claim, User
from verify.services.history import record_event

REVIEWED_FIELDS = ("status", "note", "evidence")


class StaleVersion(Exception):
    """Someone else saved the claim after the version the caller read."""

    def __init__(self, claim: Claim):
        super().__init__("Someone else saved this claim first.")
        self.claim = claim


class ClaimDismissed(Exception):
    """A dismissed claim is not reviewed; it must be restored first."""

    def __init__(self, claim_id: int):
        super().__init__(f"Claim {claim_id} is dismissed; restore it before reviewing it.")
        self.claim_id = claim_id


def check_version(claim: Claim, expected_version: int) -> None:
    """Refuse a change based on a version of the claim that is no longer current."""
    if claim.version != expected_version:
        raise StaleVersion(claim)


def flush_or_stale(claim: Claim) -> Claim:
    """Write the change; a concurrent writer turns into StaleVersion with the saved row."""
    try:
        db.session.flush()
    except StaleDataError as exc:
        if db.session().in_nested_transaction():
            raise StaleVersion(claim) from exc  # the caller's savepoint undoes the change
        db.session.rollback()
        raise StaleVersion(db.session.get(Claim, claim.id)) from exc
    return claim


def merge_evidence(old: list[dict], new: list[dict]) -> list[dict]:
    """Keep what was known of a link (title, stance) when only its URL is sent again."""
    known = {item["url"]: item for item in old or []}
    return [{**known.get(item["url"], {}), **item} for item in new]


def normalized(claim: Claim, changes: dict) -> dict:
    """The changes as stored: a trimmed note (blank is none), evidence merged with the old."""
    result = {field: changes[field] for field in REVIEWED_FIELDS if field in changes}
    if "note" in result:
        result["note"] = (result["note"] or "").strip() or None
    if "evidence" in result:
        result["evidence"] = merge_evidence(claim.evidence, result["evidence"] or [])
    return {field: value for field, value in result.items() if value != getattr(claim, field)}


def review_claim(claim: Claim, changes: dict, user: User, expected_version: int) -> Claim:
    """Apply a reviewer's changes if the claim is still at the version they read.

    A change that changes nothing leaves the claim, its version and its history alone.
    """
    if not claim.is_public:
        raise ClaimDismissed(claim.id)
    check_version(claim, expected_version)
    changes = normalized(claim, changes)
    if not changes:
        return claim
    previous_status = claim.status
    for field, value in changes.items():
        setattr(claim, field, value)
    claim.reviewed_by = user
    claim.reviewed_at = now_utc()
    evidence = {"evidence": list(claim.evidence)} if "evidence" in changes else {}
    record_event(claim, user, "review", from_status=previous_status, note=claim.note, **evidence)
    return flush_or_stale(claim)


def set_statuses(claims: list[tuple[Claim, int]], status: str, user: User) -> list[int]:
    """Set one status on many claims; return the ids left alone (changed meanwhile, dismissed).

    Each claim is saved in its own savepoint, so one that someone else saved while this
    ran is left alone and the rest still change.
    """
    left_alone = []
    for claim, expected_version in claims:
        claim_id = claim.id
        try:
            with db.session.begin_nested():
                review_claim(claim, {"status": status}, user, expected_version)
        except (StaleVersion, ClaimDismissed):
            left_alone.append(claim_id)
    return left_alone
