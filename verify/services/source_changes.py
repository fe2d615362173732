"""Fact-checkers merge two sources into one speaker, or split claims off to another."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from verify.extensions import db
from verify.models import Claim, ClaimEvent, Source, User
from verify.services.history import record_event
from verify.services.ingest import keyed_source, merged_target


class SourceChangeError(Exception):
    """A merge or split that cannot be made; the message says why."""


def load_source(source_id: int) -> Source:
    source = db.session.get(Source, source_id)
    if source is None:
        raise SourceChangeError(f"There is no source number {source_id}.")
    return source


def move_claims(claims: list[Claim], target: Source, user: User | None, note: str) -> int:
    """Point claims at another source, each change a correction in the claim's history."""
    for claim in claims:
        before = claim.source_name
        claim.source = target
        record_event(
            claim,
            user,
            "correction",
            from_status=claim.status,
            note=note,
            changes={"source": [before, target.name]},
        )
    db.session.flush()
    return len(claims)


def merge_sources(source_id: int, target_id: int, user: User) -> tuple[Source, int]:
    """Move every claim of one source to another; the first's key leads there from now on."""
    source = load_source(source_id)
    target = merged_target(load_source(target_id))
    if target.id == source.id:
        raise SourceChangeError("A source cannot be merged into itself.")
    claims = list(db.session.scalars(source.claims.select().order_by(Claim.id)))
    note = f"Source “{source.name}” (#{source.id}) merged into “{target.name}” (#{target.id})."
    moved = move_claims(claims, target, user, note)
    source.merged_into_id = target.id
    # Sources merged into this one earlier now lead to the target too.
    for earlier in db.session.scalars(select(Source).where(Source.merged_into_id == source.id)):
        earlier.merged_into_id = target.id
    db.session.flush()
    return target, moved


def split_source(
    source_id: int, claim_ids: list[int], name: str, kind: str, user: User
) -> tuple[Source, int]:
    """Move the chosen claims of a source to the source `name` names (found or created)."""
    source = load_source(source_id)
    name = " ".join((name or "").split())
    if not name:
        raise SourceChangeError("Name the speaker the ticked claims belong to.")
    wanted = source.claims.select().where(Claim.id.in_(claim_ids))
    claims = list(db.session.scalars(wanted.order_by(Claim.id)))
    if not claims:
        raise SourceChangeError("Tick the claims of this source that belong to someone else.")
    target = split_target(source, keyed_source(name, kind, claims[0].article))
    if target.id == source.id:
        raise SourceChangeError(
            f"“{name}” is this source itself; give the other speaker's full name."
        )
    note = f"Split from source “{source.name}” (#{source.id})."
    return target, move_claims(claims, target, user, note)


def split_target(source: Source, named: Source) -> Source:
    """The source a split moves claims to; one merged into `source` is taken apart again."""
    if named.merged_into_id == source.id:
        named.merged_into_id = None
        return named
    return merged_target(named)


def merged_sources(source: Source) -> list[Source]:
    """The sources merged into this one, for its page."""
    query = select(Source).where(Source.merged_into_id == source.id).order_by(Source.id)
    return list(db.session.scalars(query.limit(100)))


def source_history(source: Source, limit: int = 20) -> list[ClaimEvent]:
    """The latest moves of claims into this source (merges, splits, corrections), newest first."""
    query = (
        select(ClaimEvent)
        .join(Claim, ClaimEvent.claim_id == Claim.id)
        .where(Claim.source_id == source.id, ClaimEvent.action == "correction")
        .options(selectinload(ClaimEvent.user), selectinload(ClaimEvent.claim))
        .order_by(ClaimEvent.created_at.desc(), ClaimEvent.id.desc())
        .limit(limit * 10)
    )
    moves = [event for event in db.session.scalars(query) if "source" in (event.changes or {})]
    return moves[:limit]
