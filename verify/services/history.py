"""The one way a claim comes to be, and the one way a change enters its history."""

from verify.extensions import db
from verify.models import Article, Claim, ClaimEvent, User


def record_event(claim: Claim, user: User | None, action: str, **fields) -> ClaimEvent:
    """Add one history row for a change already applied to the claim."""
    event = ClaimEvent(claim=claim, user=user, action=action, to_status=claim.status, **fields)
    db.session.add(event)
    return event


def create_claim(
    article: Article, user: User | None = None, event_note: str | None = None, **fields
) -> Claim:
    """Add an unverified claim to an article with its "created" event."""
    claim = Claim(article=article, status="unverified", evidence=[], **fields)
    db.session.add(claim)
    record_event(claim, user, "created", note=event_note)
    return claim
