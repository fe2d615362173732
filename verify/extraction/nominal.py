"""Noun cues with a possessor: `Trump's claim that ...`, `her support for ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.phrases import words
from verify.extraction.tokens import COMMA

NOUNS = (
    r"claims?|statements?|assertions?|arguments?|suggestions?|promises?|pledges?|vows?|"
    r"warnings?|comments?|remarks?|calls?|criticism|support|opposition|endorsement|"
    r"views?|beliefs?|insistence|accusations?|allegations?|charges?|complaints?|"
    r"concerns?|demands?|proposals?|plans?|attacks?|denials?|admission|announcement|"
    r"predictions?|hopes?|fears?|opinions?|position|stance|message|response|"
    r"rejection|defen[cs]e|praise|push|pitch|embrace|backing|threats?|rhetoric|"
    r"decisions?|refusal|willingness|reluctance|assessment|contention|characterization|"
    r"description|explanation|vision|criticisms?|questions?|doubts?|objections?"
)
POSSESSOR = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*['’]s?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts"
NOMINAL = re.compile(
    rf"\b(?P<source>{POSSESSOR})\s+(?:[a-z-]+\s+){{0,2}}?(?P<cue>{NOUNS})"
    r"\s+(?P<link>that|of|for|about|to|on|against|with)\s+"
)
CLAUSE_END = re.compile(rf"{COMMA}|[;:—–()]|\s-\s")


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


# Hearsay nouns with no owner: "amid allegations that ...", "questions about ...".
HEARSAY = re.compile(
    r"\b(?P<cue>allegations?|accusations?|questions|concerns|fears|complaints|rumou?rs|"
    r"speculation|suspicions?|reports)\s+(?P<link>that|of|about|over)\s+"
)


def hearsay_claims(text: str, lo: int, end: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return what unowned hearsay nouns point at, as unattributed claims."""
    found = []
    for match in HEARSAY.finditer(text, lo, end):
        if masked(match.start("cue")):
            continue
        start = match.start("link") if match.group("link") == "that" else match.end()
        stop = CLAUSE_END.search(text, match.end(), end)
        stop_at = stop.start() if stop else end
        if len(words(text, start, stop_at)) >= 2:
            found.append(
                Candidate(start, stop_at, *match.span("cue"), "hearsay", kind="unattributed")
            )
    return found
