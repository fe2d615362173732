"""Find the noun phrase that names a source next to a cue, without a parser."""

import re

from verify.extraction.lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    CUE_FORMS,
    DETERMINERS,
    FINITE_VERBS,
    NOUN_LIKE,
    PRONOUNS,
)
from verify.extraction.relatives import who_antecedent, with_subject
from verify.extraction.tokens import COMMA, commas, find_comma, words

BREAK = re.compile(rf"{COMMA}|[;:\[\]\"“”—–]|''|``|\s-\s")
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
APPROXIMATORS = {"about", "around", "over", "under"}
NUMBER_WORDS = set("one two three four five six seven eight nine ten half a third".split())
DAYS = set("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
NOT_SOURCES = set("there here this what how why when where whether if".split())
ADVERBS = set("perhaps now then also still even just already again instead despite".split())
MAX_WORDS = 16
VERB_WORDS = FINITE_VERBS | CUE_FORMS
NOT_BEFORE_THAT = VERB_WORDS | CONJUNCTIONS | PREPOSITIONS
NOT_GERUND_SUBJECT = CUE_FORMS | PREPOSITIONS
NOUN_MARKERS = DETERMINERS | PREPOSITIONS
RELATIVES = {"who", "that"}
MAX_RELATIVE = 10
# A source is at most MAX_WORDS words; looking further back than this only costs time, and
# a sentence of repeated cues would cost time quadratic in its length.
SOURCE_REACH = 400


def strip_auxiliaries(text: str, lo: int, end: int) -> int:
    """Move `end` left past auxiliaries and adverbs ("has also") before a cue."""
    for start, stop, word in reversed(words(text, lo, end)):
        if word not in AUXILIARIES or text[stop:end].strip():
            break
        end = start
    return end


def source_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return the span of the subject that ends at `end`, or None."""
    lo = reach_back(text, lo, end)
    end = strip_auxiliaries(text, lo, end)
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = _phrase_start(text, lo, end)
    if start >= end:
        return _relative_that(text, lo, end) or _appositive_subject(text, lo, end)
    if _adverbial(text, start, end):
        # "Her aides were pleased, perhaps recognizing ...": the clause's subject speaks.
        return sentence_subject(text, lo, start)
    if looks_like_source(text, start, end):
        return start, end
    before = words(text, max(lo, start - 20), start)
    if before and before[-1][2] in RELATIVES and before[-1][0] > lo:
        start = _phrase_start(text, lo, before[-1][0])
    relative = _relative_subject(text, start, end)
    return relative or with_subject(text, start, end) or who_antecedent(text, lo, end)


def _adverbial(text: str, start: int, end: int) -> bool:
    """Tell whether a phrase is only adverbs ("perhaps", "now", "despite"), no noun."""
    found = words(text, start, end)
    return bool(found) and all(
        w in ADVERBS or (w.endswith("ly") and text[s].islower()) for s, _, w in found
    )


def reach_back(text: str, lo: int, end: int, reach: int = SOURCE_REACH) -> int:
    """Return `lo`, or the first word start within `reach` characters before `end`."""
    if end - lo <= reach:
        return lo
    start = end - reach
    while start < end and not text[start - 1].isspace():
        start += 1
    return start


def _relative_that(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return the span of "that" in "polls that show ..." (a relative pronoun as subject)."""
    found = words(text, max(lo, end - 60), end)
    if len(found) < 2 or found[-1][2] != "that" or found[-1][1] != end:
        return None
    before = found[-2][2]
    if before in NOT_BEFORE_THAT or before.endswith("ly"):
        return None
    return found[-1][0], end


def _relative_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return "an official who asked not to be named" (a restrictive relative clause)."""
    found = words(text, start, end)
    index = next((i for i, w in enumerate(found) if w[2] in RELATIVES), None)
    if not index or len(found) - index > MAX_RELATIVE or found[-1][2] in {"to", "be", "not"}:
        return None
    head_end = found[index - 1][1]
    return (start, end) if looks_like_source(text, start, head_end) else None


def _phrase_start(text: str, lo: int, end: int) -> int:
    """Return where the phrase ending at `end` starts: after a break or a conjunction."""
    start = last_break(text, lo, end)
    found = words(text, start, end)
    for index in range(len(found) - 1, -1, -1):
        word = found[index][2]
        if word in CONJUNCTIONS and (word != "and" or index in (0, len(found) - 1)):
            return found[index + 1][0] if index + 1 < len(found) else end
    if found and found[0][2] in LEADING_PREPOSITIONS and len(found) > 3:
        if not _is_number(found[1][2]):
            return _after_leading_phrase(text, found, end)
        if found[0][2] not in APPROXIMATORS:
            return found[1][0]
    while start < end and text[start].isspace():
        start += 1
    return start


def last_break(text: str, lo: int, end: int) -> int:
    """Return the end of the last clause break in text[lo:end], or `lo`."""
    # Searched in growing windows back from `end`: a scan from `lo` would cost the whole
    # sentence for each of its cues.
    reach = 64
    while True:
        window = max(lo, end - reach)
        found = None
        for found in BREAK.finditer(text, window, end):  # noqa: B007 - the last one counts
            pass
        if found is not None or window == lo:
            return found.end() if found is not None else lo
        reach *= 4


def _after_leading_phrase(text: str, found: list[tuple[int, int, str]], end: int) -> int:
    """Skip an introductory phrase ("In a letter Smith") to the last capitalised run."""
    for index in range(len(found) - 1, -1, -1):
        if not text[found[index][0]].isupper():
            return found[index + 1][0] if index + 1 < len(found) else end
    return found[0][0]


def _appositive_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return "Smith, a spokesman for X" for "Smith, a spokesman for X, said"."""
    before = text[lo:end].rstrip()
    if not before.endswith((",", "—", "–")):
        return None
    appositive_end = lo + len(before) - 1
    if before[-1] != ",":
        appositive_end = lo + len(before[:-1].rstrip())
        opener = text.rfind(before[-1], lo, appositive_end)
        openers = [opener] if opener > lo else []
    else:
        openers = commas(text, lo, appositive_end)[-3:]
    names = [(_phrase_start(text, lo, stop), stop) for stop in reversed(openers)]
    names = [(a, b) for a, b in names if a < b and looks_like_source(text, a, b, 10)]
    named = [a for a, _ in names if text[a].isupper()]
    described = [a for a, b in names if words(text, a, b)[0][2] in DETERMINERS]
    first = (named or described or [None])[0]
    return None if first is None else (first, appositive_end)


def looks_like_source(text: str, start: int, end: int, limit: int = MAX_WORDS) -> bool:
    """Tell whether text[start:end] can name a source."""
    found = words(text, start, end)
    if not found or len(found) > limit:
        return False
    first = found[0][2]
    if first in NOT_SOURCES or found[-1][2] == "to":
        return False
    if text[found[0][0]].islower() and (first.endswith("ing") or first in PREPOSITIONS):
        if first in NOT_GERUND_SUBJECT or len(found) < 2 or not _plural(found[-1][2]):
            return False
    if len(found) == 1 and (first in DAYS or (first.endswith("ly") and text[start].islower())):
        return False
    if any(_verb_inside(text, found, i) for i in range(len(found))):
        return False
    return (
        any(text[s].isupper() or text[s].isdigit() for s, _, _ in found)
        or first in DETERMINERS
        or first in PRONOUNS
        or first in QUANTIFIERS
        or len(found) <= 3
        or (len(found) <= 6 and _plural(found[-1][2]))
    )


def _verb_inside(text: str, found: list, index: int) -> bool:
    """Tell whether a word of a phrase is a verb (a cue after "the" is a noun: "the push")."""
    start, _, word = found[index]
    if index == len(found) - 1 and word in CUE_FORMS and not index:
        return True
    if not text[start].islower() or word not in VERB_WORDS:
        return False
    if word in FINITE_VERBS or not index:
        return True
    previous = found[index - 1][2]
    if previous in NOUN_MARKERS:
        return False
    if word.endswith("ing") and previous not in PRONOUNS and index < len(found) - 1:
        return False  # "a source speaking to the paper": a participle describing the source
    return word not in NOUN_LIKE or previous in PRONOUNS


def _is_number(word: str) -> bool:
    """Tell whether a word is a number ("4", "three", "half")."""
    return word[:1].isdigit() or word in NUMBER_WORDS


def _plural(word: str) -> bool:
    """Tell whether a head noun looks plural ("experts", "lawyers")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


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
    # "said Jane Lubchenco at a briefing", "said Ann Lee from the police": the name ends.
    setting = next(
        (
            i
            for i, w in enumerate(found)
            if i and w[2] in SETTINGS and text[found[i - 1][0]].isupper()
        ),
        None,
    )
    found = found[:setting] if setting else found
    if not found or not looks_like_source(text, start, found[-1][1], 8):
        return None
    if not any(text[s].isupper() or text[s].isdigit() for s, _, _ in found):
        if found[0][2] not in DETERMINERS and found[0][2] not in QUANTIFIERS:
            return None
    return found[0][0], found[-1][1]


SETTINGS = {"at", "from", "during", "on", "in"}
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def sentence_subject(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return the noun phrase or pronoun that opens a sentence (after a short lead-in)."""
    found = words(text, lo, end)
    subject = _opening_phrase(text, found[:8])
    if subject is None:
        comma = find_comma(text, lo, end)
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
        if word in VERB_WORDS or word in AUXILIARIES or (lower and word.endswith("ed")):
            break
        if lower and word in PREPOSITIONS and word != "of":
            break
        last = index
    return start, found[last][1]
