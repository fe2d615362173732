"""What a reader may see of one claim: its sentence, its evidence and its public history."""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from verify.extensions import db
from verify.models import ClaimEvent

# A sentence ends at . ! ? or … (and closing quotes) before a space, or at a line end.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)|\n")
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
REACH = 400
# Corrections readers see; offsets, assignments and dismissals stay in the workspace.
PUBLIC_FIELDS = ("text", "source", "kind", "cue")
STATUS_ACTIONS = ("created", "review")


@dataclass(frozen=True)
class InSentence:
    before: str
    claim: str
    after: str


@dataclass(frozen=True)
class PublicEvent:
    id: int
    created_at: datetime
    action: str
    from_status: str | None
    to_status: str
    note: str | None
    evidence: list | None
    changes: dict


def sentence_end(body: str, position: int) -> int:
    found = SENTENCE_END.search(body, position, min(len(body), position + REACH))
    if found is None:
        return min(len(body), position + REACH)
    return found.start() if found.group() == "\n" else found.end()


def claim_in_sentence(body: str, start: int, end: int) -> InSentence:
    """Cut the sentence (or up to REACH characters each side) around the claim's span."""
    left = max(0, start - REACH)
    for match in SENTENCE_END.finditer(body, left, start):
        left = match.end()
    right = end if ENDS_SENTENCE.search(body[start:end]) else sentence_end(body, end)
    return InSentence(body[left:start].lstrip(), body[start:end], body[end:right].rstrip())


def public_events(claim_id: int) -> list[PublicEvent]:
    """A claim's history as readers see it: status changes and public corrections, no users."""
    query = (
        select(
            ClaimEvent.id,
            ClaimEvent.created_at,
            ClaimEvent.action,
            ClaimEvent.from_status,
            ClaimEvent.to_status,
            ClaimEvent.note,
            ClaimEvent.evidence,
            ClaimEvent.changes,
        )
        .where(ClaimEvent.claim_id == claim_id)
        .order_by(ClaimEvent.created_at, ClaimEvent.id)
    )
    events = (public_event(row) for row in db.session.execute(query))
    return [event for event in events if event is not None]


def public_event(row) -> PublicEvent | None:
    """Keep a status change whole and a correction's public fields; drop everything else."""
    if row.action in STATUS_ACTIONS:
        return PublicEvent(*row[:7], changes={})
    if row.action == "correction":
        changes = {k: v for k, v in (row.changes or {}).items() if k in PUBLIC_FIELDS}
        if changes:
            return PublicEvent(*row[:5], note=None, evidence=None, changes=changes)
    return None


def public_history(claim_id: int) -> tuple[list[PublicEvent], list[PublicEvent]]:
    """Split a claim's public history into status changes and corrections."""
    events = public_events(claim_id)
    statuses = [event for event in events if event.action in STATUS_ACTIONS]
    return statuses, [event for event in events if event.action == "correction"]
