"""Noun cues with a possessor: `Trump's claim that ...`, `her support for ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.complements import CLAUSE_MARKERS
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
# Nouns whose content can be an infinitive: "her pledge to cut taxes". After other nouns
# "to" names an addressee or a purpose: "his remarks to reporters", "his argument to win".
INFINITIVE_NOUNS = set(
    """
call calls promise promises pledge pledges vow vows plan plans threat threats demand
demands proposal proposals push decision decisions refusal willingness reluctance
""".split()
)


def nominal_claims(text: str, lo: int, end: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return claims whose cue is a noun owned by their source."""
    found = []
    for match in NOMINAL.finditer(text, lo, end):
        if masked(match.start("cue")):
            continue
        start = match.start("link") if match.group("link") == "that" else match.end()
        stop = CLAUSE_END.search(text, match.end(), end)
        stop_at = stop.start() if stop else end
        if len(words(text, start, stop_at)) < 1 or not _owns_content(text, match, stop_at):
            continue
        source_end = match.end("source")
        if text[source_end - 2 : source_end] in ("'s", "’s"):
            source_end -= 2
        elif text[source_end - 1] in "'’":
            source_end -= 1
        source = (match.start("source"), source_end)
        found.append(Candidate(start, stop_at, *match.span("cue"), "nominal", *source))
    return found


def _owns_content(text: str, match: re.Match, stop: int) -> bool:
    """Tell whether the words after a noun cue are its content, not the rest of a clause."""
    link = match.group("link")
    if link == "that":
        return True
    if link == "to" and match.group("cue").lower() not in INFINITIVE_NOUNS:
        return False
    if link != "on":
        return True
    # "Her position on taxes has changed": the noun phrase is a subject, not a report.
    return not any(word in CLAUSE_MARKERS for _, _, word in words(text, match.end(), stop))


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
