"""Outlet verification statements and the claims they refer to."""

import bisect
import re
from collections import Counter

from verify.extraction.candidate import Candidate
from verify.extraction.sources import source_key

VERIFY = re.compile(
    r"\b(?:could|can|was|were|is|are|has|have|had|did)\s*(?:not|n[o']t)\s+"
    r"(?:be\s+)?(?:been\s+)?(?:able\s+to\s+)?(?:immediately\s+)?(?:independently\s+)?"
    r"(?:verify|verified|confirm|confirmed|corroborate|corroborated)\b|"
    r"\bunable\s+to\s+(?:immediately\s+)?(?:independently\s+)?(?:verify|confirm)\b|"
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply|return)\s+(?:to\s+)?"
    r"(?:a|an|multiple|repeated|our)?\s*(?:\w+\s+)?(?:requests?|calls?|emails?)\s+for\s+comment",
    re.IGNORECASE,
)
WINDOW = 2


def is_verification(text: str, start: int, end: int) -> bool:
    """Tell whether a sentence is the outlet saying it could not verify something."""
    return VERIFY.search(text, start, end) is not None


def attach_notes(
    claims: list[Candidate],
    statements: list[tuple[int, int, int]],
    paragraph_of: dict[int, int],
    text: str,
) -> None:
    """Set the note of the claims each statement (start, end, paragraph) refers to."""
    starts = [c.start for c in claims]
    floor = -1
    for start, end, paragraph in statements:
        first = bisect.bisect_right(starts, floor)
        index = bisect.bisect_left(starts, start)
        window = []
        while index > first and paragraph - paragraph_of[starts[index - 1]] <= WINDOW:
            index -= 1
            window.insert(0, claims[index])
        _annotate(window, text[start:end].strip())
        floor = end


def _annotate(window: list[Candidate], note: str) -> None:
    """Give the note to the claims of the most cited source in the window."""
    keys = [source_key(c.source) if c.source else "" for c in window]
    counts = Counter(k for k in keys if k)
    if not counts:
        for claim in window:
            claim.note = claim.note or note
        return
    best = max(counts, key=lambda k: (counts[k], -keys.index(k)))
    for claim, key in zip(window, keys, strict=True):
        if key == best and claim.note is None:
            claim.note = note
