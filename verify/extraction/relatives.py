"""Sources of cues inside a clause: "MPs who said ...", "with Norway saying ..."."""

from verify.extraction.lexicon import CONJUNCTIONS, CUE_FORMS, FINITE_VERBS, TRAILING_CUES
from verify.extraction.tokens import words

PREPOSITIONS = set("by of for from with to in on at about against among between".split())
STOPS = FINITE_VERBS | CUE_FORMS | CONJUNCTIONS | PREPOSITIONS
ARTICLES = set("the a an some many several".split())
MAX_HEAD = 6


def who_antecedent(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """Return "Tory MPs" for "... by Tory MPs who" ending at `end`."""
    found = words(text, max(lo, end - 120), end)
    if len(found) < 2 or found[-1][2] != "who" or found[-1][1] != end:
        return None
    index = len(found) - 1
    while index > 0 and found[index - 1][2] not in STOPS and len(found) - index <= MAX_HEAD:
        index -= 1
        if found[index][2] in ARTICLES:
            break
    # Only a head after a preposition or at the start ("by Tory MPs who"): the object of
    # a verb ("paying an architect who") leaves the main clause's subject speaking.
    opener = found[index - 1][2] if index else ""
    if index == len(found) - 1 or (opener and opener not in PREPOSITIONS):
        return None
    if "," in text[found[index][0] : found[-1][0]]:
        return None
    return found[index][0], found[-2][1]


def with_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return "Norway" for "with Norway" before a speech participle ("saying")."""
    cue = words(text, end, end + 30)[:1]
    if not cue or cue[0][2] not in TRAILING_CUES:
        return None
    found = words(text, start, end)
    if not 2 <= len(found) <= MAX_HEAD or found[0][2] != "with":
        return None
    if any(w in STOPS for _, _, w in found[1:]):
        return None
    return found[1][0], found[-1][1]
