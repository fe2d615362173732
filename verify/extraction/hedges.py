"""Hedged claims without a source: `reportedly`, `is believed to`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import CONJUNCTIONS, HEDGES
from verify.extraction.phrases import words
from verify.extraction.reported import content_end

HEDGE = re.compile(rf"\b(?:{HEDGES})\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:—–()]")


def hedged_claims(text: str, lo: int, hi: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return the clause around a hedge word as an unattributed claim."""
    end = content_end(text, lo, hi)
    for match in HEDGE.finditer(text, lo, end):
        if masked(match.start()):
            continue
        start = lo
        for brk in CLAUSE_BREAK.finditer(text, lo, match.start()):
            start = brk.end()
        stop = CLAUSE_BREAK.search(text, match.end(), end)
        clause_end = stop.start() if stop else end
        start = _skip_conjunction(text, start, clause_end)
        if len(words(text, start, clause_end)) < 3:
            continue
        return [Candidate(start, clause_end, *match.span(), "hedge", kind="unattributed")]
    return []


def _skip_conjunction(text: str, start: int, end: int) -> int:
    """Move past spaces and a leading conjunction ("While ...")."""
    found = words(text, start, end)
    if found and found[0][2] in CONJUNCTIONS and len(found) > 1:
        return found[1][0]
    return found[0][0] if found else start
