"""The one way a claim comes to be, and the one way a change enters its history."""

from sqlalchemy import insert

from verify.extensions import db
from verify.models import Article, Claim, ClaimEvent, User
from verify.services.badges import forget_new_claims

CREATED_STATUS = "unverified"


def record_event(claim: Claim, user: User | None, action: str, **fields) -> ClaimEvent:
    """Add one history row for a change already applied to the claim."""
    event = ClaimEvent(claim=claim, user=user, action=action, to_status=claim.status, **fields)
    db.session.add(event)
    return event


def create_claim(
    article: Article, user: User | None = None, event_note: str | None = None, **fields
) -> Claim:
    """Add an unverified claim to an article with its "created" event."""
    claim = Claim(article=article, status=CREATED_STATUS, evidence=[], **fields)
    db.session.add(claim)
    record_event(claim, user, "created", note=event_note)
    return claim


def insert_claims(article: Article, claims: list[dict], event_notes: list[str | None]) -> None:
    """Store unverified claims of a flushed article, each with its "created" event.

    Two INSERT statements for all of them, in the given order: an article holds hundreds of
    claims, and the unit of work would insert them and their events one object at a time.
    """
    if not claims:
        return
    rows = [
        {**fields, "status": CREATED_STATUS, "evidence": [], "article_id": article.id}
        for fields in claims
    ]
    returning = insert(Claim).returning(Claim.id, sort_by_parameter_order=True)
    claim_ids = list(db.session.scalars(returning, rows))
    events = [
        {"claim_id": claim_id, "action": "created", "to_status": CREATED_STATUS, "note": note}
        for claim_id, note in zip(claim_ids, event_notes, strict=True)
    ]
    db.session.execute(insert(ClaimEvent), events)
    forget_new_claims(db.session.connection(), article.id, claim_ids)
