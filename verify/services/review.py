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


def review_claim(claim: Claim, changes: dict, user: User, expected_version: int) -> Claim:
    """Apply a reviewer's changes if the claim is still at the version they read."""
    if claim.version != expected_version:
        raise StaleVersion(claim)
    previous_status = claim.status
    for field in ("status", "note", "evidence"):
        if field in changes:
            setattr(claim, field, changes[field])
    claim.reviewed_by = user
    claim.reviewed_at = now_utc()
    db.session.add(
        ClaimEvent(
            claim=claim,
            user=user,
            action="review",
            from_status=previous_status,
            to_status=claim.status,
            note=claim.note,
            evidence=list(claim.evidence or []),
        )
    )
    try:
        db.session.flush()
    except StaleDataError as exc:
        db.session.rollback()
        raise StaleVersion(db.session.get(Claim, claim.id)) from exc
    return claim
