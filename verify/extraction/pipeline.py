"""Run every pattern over a body and return resolved, sorted claims."""

import bisect

from verify.extraction.assertive import asserts
from verify.extraction.bullets import bullet_claims
from verify.extraction.candidate import Candidate
from verify.extraction.context import context_quotes
from verify.extraction.deadline import check_deadline
from verify.extraction.headline import headline_end, keep_headline_claim
from verify.extraction.hedges import asked_claims, hedged_claims
from verify.extraction.model import ExtractedClaim
from verify.extraction.nominal import hearsay_claims, nominal_claims
from verify.extraction.quotes import quote_claims, quote_spans
from verify.extraction.reported import after_quote, reported_claims
from verify.extraction.resolution import resolve_sources
from verify.extraction.segment import is_chrome, paragraphs, sentences
from verify.extraction.verification import attach_notes, is_verification


def extract_claims(text: str, deadline: float | None = None) -> list[ExtractedClaim]:
    """Return the claims of a body, sorted by start; raise ExtractionTimeout past `deadline`."""
    # `deadline` is a deadline.clock() value. Any other error is raised too: an article
    # whose extraction failed must not be stored as if it had no claims.
    if not isinstance(text, str) or not text.strip():
        return []
    end = headline_end(text)
    claims = [_freeze(text, c) for c in _candidates(text, deadline)]
    return [claim for claim in claims if keep_headline_claim(text, claim, end)]


class _Mask:
    """Answer whether a position lies inside a quote span."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def __call__(self, pos: int) -> bool:
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and self.spans[index][0] < pos < self.spans[index][1]


def _candidates(text: str, deadline: float | None) -> list[Candidate]:
    """Find, filter, annotate and resolve claim candidates."""
    body, units = _segment(text, deadline)
    spans = quote_spans(text, body)
    check_deadline(deadline)
    claims = quote_claims(text, spans, [s for s, _, _ in units], deadline)
    check_deadline(deadline)
    taken = sorted(_claimed_span(c) for c in claims)
    quote_ends = {_claimed_span(c)[1]: c for c in claims}
    masked, statements = _Mask(spans), []
    for start, end, paragraph in units:
        check_deadline(deadline)
        if is_verification(text, start, end):
            statements.append((start, end, paragraph))
            continue
        claims += _unit_claims(text, start, end, taken, quote_ends, masked)
    check_deadline(deadline)
    claims += context_quotes(text, spans, claims, [s for s, _, _ in units], deadline)
    claims += bullet_claims(text, body, claims)
    claims = _deduplicate(text, sorted(claims, key=lambda c: (c.start, c.end)))
    claims = [c for c in claims if asserts(text, c)]
    resolve_sources(text, claims, deadline)
    starts = [s for s, _ in body]
    paragraph_of = {c.start: _paragraph_index(starts, c.start) for c in claims}
    attach_notes(claims, statements, paragraph_of, text, deadline)
    return claims


def _segment(text: str, deadline: float | None) -> tuple[list, list]:
    """Return the body paragraphs (chrome dropped) and their sentences (start, end, paragraph)."""
    body: list[tuple[int, int]] = []
    units: list[tuple[int, int, int]] = []
    for number, (start, end) in enumerate(paragraphs(text)):
        if number % 200 == 0:
            check_deadline(deadline)
        if not is_chrome(text[start:end]):
            body.append((start, end))
            units += [(s, e, len(body) - 1) for s, e in sentences(text, start, end, deadline)]
    return body, units


def _unit_claims(
    text: str, lo: int, hi: int, taken: list, quote_ends: dict, masked: _Mask
) -> list[Candidate]:
    """Return the claims of a sentence outside its quote claims (before, between and after)."""
    start, end = _free_range(taken, lo, hi)
    if start in quote_ends:
        found = after_quote(text, quote_ends[start], start, end, masked)
    else:
        found = _sentence_claims(text, start, end, masked)
    index = bisect.bisect_right(taken, (hi, hi)) - 1
    tail = taken[index][1] if index >= 0 else lo
    if end < tail < hi and tail in quote_ends:
        found += after_quote(text, quote_ends[tail], tail, hi, masked)
    return found


def _sentence_claims(text: str, start: int, end: int, masked: _Mask) -> list[Candidate]:
    """Return the attributed claims of a sentence, plus hedges outside them."""
    found = reported_claims(text, start, end, masked)
    extras = asked_claims(text, start, end, masked) + nominal_claims(text, start, end, masked)
    extras += hearsay_claims(text, start, end, masked)
    for extra in extras + hedged_claims(text, start, end, masked):
        if not any(c.overlaps(extra.start, extra.end) for c in found):
            found.append(extra)
    return found


def _claimed_span(claim: Candidate) -> tuple[int, int]:
    """Return the span of the words a quote claim uses (content, source, cue)."""
    edges = [claim.start, claim.end, claim.cue_start, claim.cue_end]
    if claim.has_source and claim.pattern != "quote_before":
        edges += [claim.source_start, claim.source_end]
    return min(edges), max(edges)


def _free_range(taken: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Return the part of a sentence after a leading quote claim and before the next one."""
    index = bisect.bisect_left(taken, (start, start))
    if index > 0 and taken[index - 1][1] > start:
        start = min(end, taken[index - 1][1])
    while index < len(taken) and taken[index][0] <= start:
        start = min(end, max(start, taken[index][1]))
        index += 1
    if index < len(taken) and taken[index][0] < end:
        end = max(start, taken[index][0])
    return start, end


def _paragraph_index(starts: list[int], pos: int) -> int:
    """Return the index of the body paragraph holding `pos`."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _deduplicate(text: str, claims: list[Candidate]) -> list[Candidate]:
    """Drop empty claims and repeats of an earlier claim (a repeated headline)."""
    seen, kept = set(), []
    for claim in claims:
        key = (text[claim.start : claim.end], text[claim.source_start or 0 : claim.source_end or 0])
        if claim.end <= claim.start or key in seen:
            continue
        seen.add(key)
        kept.append(claim)
    return kept


def _freeze(text: str, claim: Candidate) -> ExtractedClaim:
    """Turn a resolved candidate into the public record."""
    has_source = claim.source_start is not None
    return ExtractedClaim(
        text=text[claim.start : claim.end],
        start=claim.start,
        end=claim.end,
        source=claim.source,
        source_start=claim.source_start if has_source else None,
        source_end=claim.source_end if has_source else None,
        source_kind=claim.source_kind,
        cue=text[claim.cue_start : claim.cue_end],
        cue_start=claim.cue_start,
        cue_end=claim.cue_end,
        kind=claim.kind,
        pattern=claim.pattern,
        note=claim.note,
    )
