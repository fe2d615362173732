"""Key stored claims' sources again with the current keying rules, as ingest would today.

A claim moves only when its article's words, extracted again, key to another source. What
fact-checkers decided stays: claims whose source a person set or moved (corrections, merges,
splits), every claim of an article where a person did so, hand-added claims, and claims of
a source others were merged into (some came through the merged key, and which cannot be
told). A key that leads to a merged source leads to the source it was merged into.
"""

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from verify.extensions import db
from verify.extraction import extract_claims
from verify.models import Article, Claim, ClaimEvent, Source
from verify.services.ingest import article_names, mention, source_row, sources_by_key
from verify.services.source_changes import move_claims

NOTE = "Source keyed again by the current keying rules."


@dataclass
class RekeyCount:
    """What re-keying did to the claims of some articles."""

    claims: Counter = field(default_factory=Counter)
    new_keys: set = field(default_factory=set)

    def add(self, other: "RekeyCount") -> None:
        self.claims.update(other.claims)
        self.new_keys |= other.new_keys


def rekey_article(article_id: int) -> RekeyCount:
    """Move the article's claims to the sources their words key to now; count what happened."""
    count = RekeyCount()
    article = db.session.get(Article, article_id)
    claims = [claim for claim in article.claims if claim.source_id is not None]
    if not claims:
        return count
    kept = set_by_people(claims)
    count.claims["kept as people set them"] += len(kept)
    movable = [claim for claim in claims if claim not in kept]
    rows = current_rows(article, movable, count) if movable else {}
    targets, added = sources_by_key(list(rows.values()))
    count.new_keys |= added
    for claim in movable:
        if claim.id in rows:
            move_claim(claim, targets[rows[claim.id]["key"]], count)
    return count


def current_rows(article: Article, claims: list[Claim], count: RekeyCount) -> dict[int, dict]:
    """The source row each claim's words key to now, by claim id, for those still extracted."""
    extracted = extract_claims(article.body)
    by_span = {(found.start, found.end): found for found in extracted if found.source}
    names = article_names(article.body, extracted)
    rows = {}
    for claim in claims:
        found = by_span.get((claim.start, claim.end))
        if found is None:
            count.claims["kept: no longer extracted with a source"] += 1
            continue
        name, kind, raw = mention(article.body, found)
        rows[claim.id] = source_row(name, kind, article, names, raw)
    return rows


def move_claim(claim: Claim, target: Source, count: RekeyCount) -> None:
    """Point the claim at `target`, recorded in its history, unless it is there already."""
    if target.id == claim.source_id:
        count.claims["unchanged"] += 1
        return
    move_claims([claim], target, None, NOTE)
    count.claims["moved"] += 1


def set_by_people(claims: list[Claim]) -> set[Claim]:
    """The claims whose source people decided: all of them when a person moved any."""
    if any(claim.origin != "extracted" for claim in claims) or moved_by_people(claims):
        return set(claims)
    merge_targets = set(
        db.session.scalars(
            select(Source.merged_into_id).where(
                Source.merged_into_id.in_({claim.source_id for claim in claims})
            )
        )
    )
    return {claim for claim in claims if claim.source_id in merge_targets}


def moved_by_people(claims: list[Claim]) -> bool:
    """Whether a person ever changed the source of one of the claims."""
    query = select(ClaimEvent.changes).where(
        ClaimEvent.claim_id.in_([claim.id for claim in claims]),
        ClaimEvent.action == "correction",
        ClaimEvent.user_id.is_not(None),
    )
    return any("source" in (changes or {}) for changes in db.session.scalars(query))
