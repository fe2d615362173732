"""Noun cues with a possessor: `Trump's claim that ...`, `her support for ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.phrases import words

NOUNS = (
    r"claims?|statements?|assertions?|arguments?|suggestions?|promises?|pledges?|vows?|"
    r"warnings?|comments?|remarks?|calls?|criticism|support|opposition|endorsement|"
    r"views?|beliefs?|insistence|accusations?|allegations?|charges?|complaints?|"
    r"concerns?|demands?|proposals?|plans?|attacks?|denials?|admission|announcement|"
    r"predictions?|hopes?|fears?|opinions?|position|stance|message|response|"
    r"rejection|defen[cs]e|praise|push|pitch|embrace|backing|threats?|rhetoric"
)
POSSESSOR = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*['’]s?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts"
NOMINAL = re.compile(
    rf"\b(?P<source>{POSSESSOR})\s+(?:[a-z-]+\s+){{0,2}}?(?P<cue>{NOUNS})"
    r"\s+(?P<link>that|of|for|about|to|on|against|with)\s+"
)
CLAUSE_END = re.compile(r"[,;:—–()]|\s-\s")


def nominal_claims(text: str, lo: int, end: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return claims whose cue is a noun owned by their source."""
    found = []
    for match in NOMINAL.finditer(text, lo, end):
        if masked(match.start("cue")):
            continue
        start = match.start("link") if match.group("link") == "that" else match.end()
        stop = CLAUSE_END.search(text, match.end(), end)
        stop_at = stop.start() if stop else end
        if len(words(text, start, stop_at)) < 1:
            continue
        source_end = match.end("source")
        if text[source_end - 2 : source_end] in ("'s", "’s"):
            source_end -= 2
        elif text[source_end - 1] in "'’":
            source_end -= 1
        source = (match.start("source"), source_end)
        found.append(Candidate(start, stop_at, *match.span("cue"), "nominal", *source))
    return found
