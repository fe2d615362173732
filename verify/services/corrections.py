"""Fact-checkers' fixes of what extraction got wrong, kept as data to improve it."""

import bisect
import re
from itertools import accumulate

from sqlalchemy import select

from verify.extensions import db
from verify.extraction.contract import CONTRACT_KEYS
from verify.models import Article, Claim, ClaimEvent, Source, User
from verify.services.history import create_claim, record_event
from verify.services.ingest import find_or_create_source
from verify.services.review import check_version, flush_or_stale

NON_SPACE = re.compile(r"\S+")


class CorrectionError(Exception):
    """A correction does not fit the article; the message says why."""


def find_span(body: str, text: str, near: int = 0) -> tuple[int, int] | None:
    """Find text in the body, ignoring how whitespace is broken, closest to `near`."""
    # Both sides are searched with every whitespace run as one space, by str.find and
    # str.rfind, which are linear; a pattern of words joined by \s+ was O(body x text).
    needle = " ".join(text.split())
    if not needle:
        return None
    spaced = _Spaced(body)
    pivot = spaced.flat_offset(near)
    after = spaced.flat.find(needle, pivot)
    before = spaced.flat.rfind(needle, 0, pivot - 1 + len(needle))
    spans = [spaced.span(hit, len(needle)) for hit in (before, after) if hit >= 0]
    if not spans:
        return None
    return min(spans, key=lambda span: abs(span[0] - near))


class _Spaced:
    """A body with each whitespace run made one space, mapped back to the body's offsets."""

    def __init__(self, body: str):
        tokens = [match.span() for match in NON_SPACE.finditer(body)]
        self.flat = " ".join(body[start:end] for start, end in tokens)
        self.starts = [start for start, _ in tokens]
        self.flat_starts = list(accumulate((end - start + 1 for start, end in tokens), initial=0))

    def flat_offset(self, pos: int) -> int:
        """Return the offset in `flat` of the body offset `pos`."""
        index = bisect.bisect_right(self.starts, pos) - 1
        if index < 0:
            return 0
        return self.flat_starts[index] + min(pos - self.starts[index], self.length(index))

    def length(self, index: int) -> int:
        return self.flat_starts[index + 1] - self.flat_starts[index] - 1

    def body_offset(self, flat: int) -> int:
        """Return the body offset of the character at `flat` (never a space)."""
        index = bisect.bisect_right(self.flat_starts, flat) - 1
        return self.starts[index] + flat - self.flat_starts[index]

    def span(self, hit: int, size: int) -> tuple[int, int]:
        return self.body_offset(hit), self.body_offset(hit + size - 1) + 1


def locate_span(body: str, text: str, near: int = 0) -> tuple[int, int]:
    """Like find_span, but a text that is not in the article is an error."""
    if not text.strip():
        raise CorrectionError("The claim text must not be empty.")
    span = find_span(body, text, near)
    if span is None:
        raise CorrectionError(
            f"“{text.strip()[:80]}” is not in the article text: select it in the article, "
            "or copy it exactly."
        )
    return span


def snapshot(claim: Claim) -> dict:
    """The fields a correction may change, as they are now."""
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "source": claim.source_name,
        "kind": claim.kind,
        "cue": claim.cue,
    }


def apply_text(claim: Claim, text: str, near: int) -> None:
    body = claim.article.body
    claim.start, claim.end = locate_span(body, text, near)
    claim.text = body[claim.start : claim.end]


def clean_name(name: str) -> str:
    return " ".join((name or "").split())


def source_named(name: str, kind: str, article: Article) -> Source | None:
    """The source a fact-checker typed for a claim of `article`; blank means nobody is named."""
    return find_or_create_source(name, kind, article) if name else None


def place_source(claim: Claim, source: Source | None, name: str) -> None:
    """Point the claim at a source and at its words in the text, when they are there."""
    claim.source = source
    span = find_span(claim.article.body, name, claim.start) if name else None
    claim.source_start, claim.source_end = span or (None, None)
    claim.source_text = claim.article.body[span[0] : span[1]][:300] if span else None


def apply_cue(claim: Claim, cue: str) -> None:
    cue = " ".join(cue.split())[:100]
    span = find_span(claim.article.body, cue, claim.start) if cue else None
    claim.cue = cue
    claim.cue_start, claim.cue_end = span or (None, None)


def apply_fields(claim: Claim, fields: dict) -> None:
    """Set whichever of text, source, kind and cue the fields carry."""
    if "text" in fields:
        apply_text(claim, fields["text"], fields.get("start", claim.start))
    name = clean_name(fields.get("source", ""))
    if "source" in fields and name != (claim.source_name or ""):
        kind = fields.get("source_kind") or "person"
        place_source(claim, source_named(name, kind, claim.article), name)
    if "kind" in fields:
        claim.kind = fields["kind"]
    if "cue" in fields and fields["cue"] != claim.cue:
        apply_cue(claim, fields["cue"])


def correct_claim(claim: Claim, fields: dict, user: User, expected_version: int) -> dict:
    """Fix a claim's span, source, kind or cue; return {field: [before, after]}."""
    check_version(claim, expected_version)
    before = snapshot(claim)
    apply_fields(claim, fields)
    after = snapshot(claim)
    changes = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
    if changes:
        record_event(claim, user, "correction", from_status=claim.status, changes=changes)
        flush_or_stale(claim)
    return changes


def add_manual_claim(article: Article, fields: dict, user: User) -> Claim:
    """Add a claim the extractor missed, from text the fact-checker selected."""
    name = clean_name(fields.get("source", ""))
    source = source_named(name, fields.get("source_kind") or "person", article)
    # Nothing may be flushed before the claim is whole: its columns are not nullable.
    with db.session.no_autoflush:
        claim = create_claim(
            article,
            user,
            "Added by hand.",
            text="",
            start=0,
            end=0,
            cue="",
            kind=fields["kind"],
            origin="manual",
        )
        apply_text(claim, fields["text"], fields.get("start", 0))
        place_source(claim, source, name)
        apply_cue(claim, fields.get("cue", ""))
    db.session.flush()
    return claim


def set_dismissed(
    claim: Claim, dismissed: bool, user: User, expected_version: int, reason: str | None = None
) -> Claim:
    """Dismiss a false claim (hidden from readers, kept in history), or bring it back."""
    check_version(claim, expected_version)
    if claim.dismissed == dismissed:
        return claim
    claim.dismissed = dismissed
    record_event(
        claim,
        user,
        "dismissal" if dismissed else "correction",
        from_status=claim.status,
        note=reason,
        changes={"dismissed": [not dismissed, dismissed]},
    )
    return flush_or_stale(claim)


def corrected_article_ids() -> list[int]:
    """Articles with at least one correction, dismissal or hand-added claim."""
    corrected = (
        select(Claim.article_id)
        .join(ClaimEvent, ClaimEvent.claim_id == Claim.id)
        .where(ClaimEvent.action.in_(("correction", "dismissal")))
    )
    manual = select(Claim.article_id).where(Claim.origin == "manual")
    ids = db.session.scalars(corrected.union(manual)).all()
    return sorted(set(ids))


def claim_record(claim: Claim) -> dict:
    """A claim in the shape `flask claims extract` prints."""
    record = {
        key: claim.source_name if key == "source" else getattr(claim, key) for key in CONTRACT_KEYS
    }
    record.update(source_kind=claim.source_kind, origin=claim.origin)
    return record


def corrected_article(article: Article, file: str) -> dict:
    """One line of the export: the claims as fact-checkers left them, and the false ones."""
    claims = sorted(article.claims, key=lambda claim: (claim.start, claim.end))
    return {
        "file": file,
        "article_id": article.id,
        "title": article.title,
        "claims": [claim_record(claim) for claim in claims if claim.is_public],
        "dismissed": [claim_record(claim) for claim in claims if not claim.is_public],
    }
