"""Attributions after their content: `..., the council said on Monday.`, `..., said Smith`."""

from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.cues import STUDY_NOUNS, is_verb_use
from verify.extraction.lexicon import (
    ADDRESSEE_VERBS,
    ANONYMOUS_HEADS,
    DETERMINERS,
    FINITE_VERBS,
    TRAILING_CUES,
    inflect,
)
from verify.extraction.phrases import source_after, source_before, words
from verify.extraction.speech import ADVERBIAL, clause_like
from verify.extraction.tokens import commas, find_comma, rfind_comma

Masked = Callable[[int], bool]
# Words that open an adverbial before a final cue: "After a long pause, Lee asked".
OPENING_ADVERBIALS = set(
    """
after before during in on at when while since following for with from later earlier like unlike
""".split()
)
# Findings end a sentence only after a record: "..., census figures show".
FINDING_CUES = set(inflect("show") + inflect("indicate"))
# Words that open the short tail after a final cue: "said on Tuesday", "told reporters in Rome".
TAIL_WORDS = ADVERBIAL | set("to with by as when while over through later next".split())


def final_attribution(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match a sentence-final `..., the council said on Monday.`: it outranks inner cues."""
    return trailing(text, lo, end, masked, lambda claim: _ends_sentence(text, claim, end))


def _ends_sentence(text: str, claim: Candidate, end: int) -> bool:
    """Tell whether only a short tail follows the attribution ("said on Tuesday")."""
    if claim.pattern == "trailing_inverted":
        rest = words(text, claim.source_end, end)
        return not rest or rest[0][2] in {"who", "which"}
    after = words(text, claim.cue_end, end)
    cue = text[claim.cue_start : claim.cue_end].lower()
    if cue in ADDRESSEE_VERBS and len(after) <= 6:
        return True
    return not after or (len(after) <= 10 and after[0][2] in TAIL_WORDS)


def parenthetical(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match `The industry, she said, is doing better.` (the attribution between commas)."""
    found = [c for c in commas(text, lo, end) if not masked(c)]
    for first, second in zip(found, found[1:], strict=False):
        inner = words(text, first + 1, second)
        index = next((i for i, w in enumerate(inner) if w[2] in TRAILING_CUES), None)
        if index == 0 and len(inner) <= 6:
            claim = _inverted_parenthetical(text, inner, second, end)
            if claim:
                return [claim]
        if not index or len(inner) > 6 or len(words(text, lo, first)) < 2:
            continue
        source = source_before(text, first + 1, inner[index][0])
        if source is None or not is_verb_use(text, inner, index):
            continue
        rest = words(text, second, end)
        stop = end if rest and not rest[0][2].endswith("ing") else first
        cue = inner[index][:2]
        return [Candidate(lo, stop, *cue, "parenthetical", *source)]
    return []


def _inverted_parenthetical(text: str, inner: list, second: int, end: int) -> Candidate | None:
    """Match `Currently, said Dr. Ann Lee, there are six surgeons.` (content after it)."""
    cue = inner[0]
    source = source_after(text, cue[1], second)
    rest = words(text, second, end)
    if source is None or cue[2].endswith("ing") or len(rest) < 3:
        return None
    if not (text[source[0]].isupper() or _plural_group(text, source)):
        return None
    return Candidate(rest[0][0], end, cue[0], cue[1], "parenthetical", *source)


def _final_cue(found: list, index: int) -> bool:
    """Tell whether a word ends a sentence as its cue: "..., she said", "..., data show"."""
    word = found[index][2]
    if word in TRAILING_CUES:
        return True
    return word in FINDING_CUES and index > 0 and found[index - 1][2] in STUDY_NOUNS


def _plural_group(text: str, source: tuple[int, int]) -> bool:
    """Tell whether a lowercase inverted source is a group: "say economists", "said police"."""
    found = words(text, *source)
    return len(found) <= 3 and (found[-1][2] in ANONYMOUS_HEADS or found[-1][2].endswith("ists"))


def trailing(
    text: str, lo: int, end: int, masked: Masked, accept: Callable | None = None
) -> list[Candidate]:
    """Match `..., the General Staff reported.` and `..., said Jane Smith.`."""
    found_commas = [c for c in commas(text, lo, end) if not masked(c)]
    for comma in reversed(found_commas[-3:]):
        found = words(text, comma + 1, end)
        limit = 30 if found and found[0][2] in TRAILING_CUES else 16  # "said X, an aide, who"
        if not found or len(found) > limit or len(words(text, lo, comma)) < 3:
            continue
        claim = _inverted(text, lo, comma, found, end)
        claim = claim or _subject_first(text, lo, comma, found, end)
        if claim and _introductory(text, claim):
            continue  # "After a long answer, Lee asked:" has no content before its cue
        if claim and (accept is None or accept(claim)):
            return [claim]
    return []


def _introductory(text: str, claim: Candidate) -> bool:
    """Tell whether the words before the cue are a short adverbial ("After the vote")."""
    found = words(text, claim.start, claim.end)
    if not found or found[0][2] not in OPENING_ADVERBIALS or len(found) > 5:
        return False
    return not clause_like(text, found) and text[claim.cue_start].islower()


def _inverted(text: str, lo: int, comma: int, found: list, end: int) -> Candidate | None:
    """Match `..., said Jane Smith, an aide.`."""
    cue = found[0]
    if cue[2] not in TRAILING_CUES or cue[2].endswith("ing"):
        return None
    source = source_after(text, cue[1], end)
    if source is None:
        return None
    named = words(text, *source)
    if len(named) > 4 and not any(text[s].isupper() for s, _, _ in named):
        return None  # "..., says the school run takes an hour" is not an inverted subject
    source_end = source[1]
    if text[source[1] : end].lstrip().startswith(",") and not _verb_follows(text, source[1], end):
        closer = find_comma(text, text.index(",", source[1]) + 1, end)
        source_end = end if closer < 0 else closer
    return Candidate(lo, comma, cue[0], cue[1], "trailing_inverted", source[0], source_end)


def _bare_subject(text: str, found: list, end: int) -> bool:
    """Tell whether a headline ends on "..., mayor claims" (no full stop, a present verb)."""
    word = found[-1][2]
    if text[end : end + 1] in (".", "!", "?") or not word.endswith("s") or word.endswith("ss"):
        return False
    return len(found) >= 2 and found[-2][2] not in DETERMINERS


def _verb_follows(text: str, pos: int, end: int) -> bool:
    """Tell whether the words after a source's comma go on the sentence: ", will fall"."""
    following = words(text, pos, end)[:1]
    return bool(following) and following[0][2] in FINITE_VERBS


def _subject_first(text: str, lo: int, comma: int, found: list, end: int) -> Candidate | None:
    """Match `..., the statement read.` and `..., Smith, an aide, said.`."""
    index = next((i for i, w in enumerate(found) if _final_cue(found, i)), None)
    if index is None or find_comma(text, found[index][1], end) >= 0 or len(found) - index > 10:
        return None
    cue = found[index]
    # "..., Trevor Noah Says", "..., mayor claims": a last word after a name is a verb
    last = index == len(found) - 1
    headline = last and (text[cue[0]].isupper() or _bare_subject(text, found, end))
    if cue[2].endswith("ing") or not (headline or is_verb_use(text, found, index)):
        return None
    source = source_before(text, comma + 1, cue[0]) if index else None
    if source is None:
        source = source_before(text, lo, cue[0])
        if source is None or source[0] <= lo:
            return None
        comma = rfind_comma(text, lo, source[0])
        if comma < 0 or len(words(text, lo, comma)) < 3:
            return None
    return Candidate(lo, comma, cue[0], cue[1], "trailing", *source)
