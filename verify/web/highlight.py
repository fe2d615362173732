"""Split an article body into plain runs and claim runs for marking in place."""

from dataclasses import dataclass

from verify.models import Claim


@dataclass(frozen=True)
class Segment:
    text: str
    claim: Claim | None = None
    start: int = 0


def article_segments(body: str, claims: list[Claim]) -> list[Segment]:
    """Cut the body at claim offsets; a claim overlapping an earlier one is skipped."""
    segments, position = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < position or claim.end > len(body):
            continue
        if claim.start > position:
            segments.append(Segment(body[position : claim.start], start=position))
        segments.append(Segment(body[claim.start : claim.end], claim, claim.start))
        position = claim.end
    if position < len(body):
        segments.append(Segment(body[position:], start=position))
    return segments
