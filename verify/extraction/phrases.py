"""Find the noun phrase that names a source next to a cue, without a parser."""

import re

from verify.extraction.lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    CUE_FORMS,
    DETERMINERS,
    FINITE_VERBS,
    PRONOUNS,
)
from verify.extraction.tokens import words

BREAK = re.compile(r"[,;:\[\]\"“”—–]|''|``|\s-\s")
LEADING_PREPOSITIONS = set("in on at during after before with from by for about".split())
QUANTIFIERS = set(
    """
many some most several both all few others each either neither one two three
another
critics supporters opponents officials experts analysts voters people sources
aides advocates observers residents republicans democrats conservatives
liberals lawmakers members leaders economists scientists researchers
""".split()
)
PREPOSITIONS = set(
    """
based on in at of for from with without by about into onto over under after before
during since until through across against among between toward towards upon via
""".split()
)
DAYS = set("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
NOT_SOURCES = set("there here this what how why when where whether if".split())
MAX_WORDS = 12


def strip_auxiliaries(text: str, lo: int, end: int) -> int:
    """Move `end` left past auxiliaries and adverbs ("has also") before a cue."""
    for start, stop, word in reversed(words(text, lo, end)):
        if word not in AUXILIARIES or text[stop:end].strip():
            break
        end = start
    return end


def source_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return the span of the subject that ends at `end`, or None."""
    end = strip_auxiliaries(text, lo, end)
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = _phrase_start(text, lo, end)
    if start >= end:
        return _appositive_subject(text, lo, end)
    return (start, end) if looks_like_source(text, start, end) else None


def _phrase_start(text: str, lo: int, end: int) -> int:
    """Return where the phrase ending at `end` starts: after a break or a conjunction."""
    start = lo
    for match in BREAK.finditer(text, lo, end):
        start = match.end()
    found = words(text, start, end)
    for index in range(len(found) - 1, -1, -1):
        word = found[index][2]
        if word in CONJUNCTIONS and (word != "and" or index == len(found) - 1):
            return found[index + 1][0] if index + 1 < len(found) else end
    if found and found[0][2] in LEADING_PREPOSITIONS and len(found) > 3:
        return _after_leading_phrase(text, found, end)
    while start < end and text[start].isspace():
        start += 1
    return start


def _after_leading_phrase(text: str, found: list[tuple[int, int, str]], end: int) -> int:
    """Skip an introductory phrase ("In a letter Smith") to the last capitalised run."""
    for index in range(len(found) - 1, -1, -1):
        if not text[found[index][0]].isupper():
            return found[index + 1][0] if index + 1 < len(found) else end
    return found[0][0]


def _appositive_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return "Smith, a spokesman for X" for "Smith, a spokesman for X, said"."""
    before = text[lo:end].rstrip()
    if not before.endswith(","):
        return None
    appositive_end = lo + len(before) - 1
    commas = [m.start() for m in re.finditer(",", text[lo:appositive_end])]
    if not commas:
        return None
    name_end = lo + commas[-1]
    name_start = _phrase_start(text, lo, name_end)
    if name_start >= name_end or not looks_like_source(text, name_start, name_end, 10):
        return None
    return name_start, appositive_end


def looks_like_source(text: str, start: int, end: int, limit: int = MAX_WORDS) -> bool:
    """Tell whether text[start:end] can name a source."""
    found = words(text, start, end)
    if not found or len(found) > limit:
        return False
    first = found[0][2]
    if first in NOT_SOURCES or found[-1][2] in CUE_FORMS or found[-1][2] == "to":
        return False
    if text[found[0][0]].islower() and (first.endswith("ing") or first in PREPOSITIONS):
        return False
    if len(found) == 1 and (first in DAYS or (first.endswith("ly") and text[start].islower())):
        return False
    if any((w in FINITE_VERBS or w in CUE_FORMS) and text[s].islower() for s, _, w in found):
        return False
    return (
        any(text[s].isupper() or text[s].isdigit() for s, _, _ in found)
        or first in DETERMINERS
        or first in PRONOUNS
        or first in QUANTIFIERS
        or len(found) <= 3
    )


def source_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the span of an inverted subject ("said Jane Smith, an aide")."""
    while start < end and text[start].isspace():
        start += 1
    stop = end
    match = BREAK.search(text, start, end)
    if match:
        stop = match.start()
    found = words(text, start, stop)
    relative = next((i for i, w in enumerate(found) if w[2] in {"who", "which", "that"}), None)
    found = found[:relative] if relative else found
    if not found or not looks_like_source(text, start, found[-1][1], 8):
        return None
    if not any(text[s].isupper() or text[s].isdigit() for s, _, _ in found):
        if found[0][2] not in DETERMINERS and found[0][2] not in QUANTIFIERS:
            return None
    return found[0][0], found[-1][1]


SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def sentence_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return the noun phrase or pronoun that opens a sentence (after a short lead-in)."""
    found = words(text, lo, end)
    subject = _opening_phrase(text, found[:8])
    if subject is None:
        comma = text.find(",", lo, end)
        if 0 <= comma and len(words(text, lo, comma)) <= 5:
            subject = _opening_phrase(text, words(text, comma + 1, end)[:8])
    return subject


def _opening_phrase(text: str, found: list) -> tuple[int, int] | None:
    """Return the span of the phrase opening `found`, up to its verb."""
    if not found:
        return None
    start, stop, first = found[0]
    if first in SUBJECT_PRONOUNS:
        return start, stop
    if not text[start].isupper() or first in CONJUNCTIONS | NOT_SOURCES | PREPOSITIONS:
        return None
    last = 0
    for index, (begin, _, word) in enumerate(found[1:], 1):
        lower = text[begin].islower()
        if word in AUXILIARIES | FINITE_VERBS | CUE_FORMS or (lower and word.endswith("ed")):
            break
        if lower and word in PREPOSITIONS and word != "of":
            break
        last = index
    return start, found[last][1]
