"""Hedged claims without a source: `reportedly`, `is believed to`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import CONJUNCTIONS, HEDGES
from verify.extraction.phrases import words
from verify.extraction.reported import content_end
from verify.extraction.tokens import COMMA

HEDGE = re.compile(rf"\b(?:{HEDGES})\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(rf"{COMMA}|[;—–()]|:(?!\d)")
# ", with rent up to $900," goes on the clause; ", and ..." or ", who ..." ends it.
PREPOSITIONS = set("with including at in on for from by up over under near".split())
CUE_LINK = re.compile(r"\s+(?:to|that|like|as if|as though)$")
ASKED = re.compile(
    r"(?:(?<=[,;]\s)|\b(?:[Ww]hen|[Aa]fter|[Ii]f|[Oo]nce|[Bb]ut)\s+|(?<![\w,;]\s)(?<!\w))"
    r"(?P<cue>[Aa]sked(?:\s+(?:about|on))?)\b(?=\s+(?:about|on|if|whether|what|why|how|to|"
    r"when|who|which|for)\b|\s+[a-z])"
)


def hedged_claims(text: str, lo: int, hi: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return the clause around a hedge word as an unattributed claim."""
    end = content_end(text, lo, hi)
    for match in HEDGE.finditer(text, lo, end):
        if masked(match.start()):
            continue
        start = lo
        for brk in CLAUSE_BREAK.finditer(text, lo, match.start()):
            start = brk.end()
        clause_end = end if _opens_clause(match) else _clause_end(text, match.end(), end)
        start = _skip_conjunction(text, start, clause_end)
        if len(words(text, start, clause_end)) < 3:
            continue
        cue_end = match.start() + len(CUE_LINK.sub("", match.group()))
        return [Candidate(start, clause_end, match.start(), cue_end, "hedge", kind="unattributed")]
    return []


def _clause_end(text: str, pos: int, end: int) -> int:
    """Return the end of a hedged clause, over commas before a prepositional phrase."""
    for brk in CLAUSE_BREAK.finditer(text, pos, end):
        following = words(text, brk.end(), min(end, brk.end() + 20))[:1]
        if brk.group() != "," or not following or following[0][2] not in PREPOSITIONS:
            return brk.start()
    return end


def _opens_clause(match: re.Match) -> bool:
    """Tell whether a hedge ends in "that": its clause runs to the end of the sentence."""
    return match.group().lower().endswith(" that")


def asked_claims(text: str, lo: int, hi: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return the question of `Asked whether ..., she said` (asked by nobody named)."""
    if text.find("sked", lo, hi) < 0:
        return []
    match = ASKED.search(text, lo, hi)
    if match is None or masked(match.start()):
        return []
    stop = CLAUSE_BREAK.search(text, match.end(), hi)
    end = content_end(text, match.end(), stop.start() if stop else hi)
    start = match.end()
    while start < end and text[start].isspace():
        start += 1
    if len(words(text, start, end)) < 2:
        return []
    return [Candidate(start, end, *match.span("cue"), "asked", kind="unattributed")]


def _skip_conjunction(text: str, start: int, end: int) -> int:
    """Move past spaces and a leading conjunction ("While ...")."""
    found = words(text, start, end)
    if found and found[0][2] in CONJUNCTIONS and len(found) > 1:
        return found[1][0]
    return found[0][0] if found else start
