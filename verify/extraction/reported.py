"""Reported speech: `X said (that) ...`, `..., X said`, `according to X, ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import (
    PARTICIPLE_CUES,
    TRAILING_CUES,
)
from verify.extraction.phrases import looks_like_source, source_after, source_before, words
from verify.extraction.speech import content_start, is_verb_use, subject_cue

Masked = Callable[[int], bool]
COLON_LABEL = re.compile(r"([A-Z][^:.!?\"“”\n]{0,60}?):\s+")
LABELS = {
    "update",
    "note",
    "editor's note",
    "editor’s note",
    "photo",
    "video",
    "watch",
    "read more",
    "related",
    "source",
    "sources",
    "credit",
    "image",
    "correction",
    "clarification",
    "disclosure",
    "warning",
    "breaking",
}
LABEL_GLUE = set("of the and on in at for to from".split())
TAIL = re.compile(r",\s+which\b")
ACCORDING = re.compile(r"\b[Aa]ccording to\b")
PARTICIPLE = re.compile(r",\s+(?:and\s+)?([a-z]+ing)\b")
TRAILING_PUNCT = ".,;:!? \t"


def content_end(text: str, start: int, end: int) -> int:
    """Return `end` moved left past spaces and sentence punctuation."""
    while end > start and text[end - 1] in TRAILING_PUNCT:
        end -= 1
    return end


def reported_claims(text: str, lo: int, hi: int, masked: Masked) -> list[Candidate]:
    """Return the outermost attribution(s) of the sentence text[lo:hi]."""
    end = content_end(text, lo, hi)
    if end - lo < 8:
        return []
    found = according_to(text, lo, end, masked) or colon_label(text, lo, end)
    if found:
        return found
    claims = subject_cue(text, lo, end, masked) or trailing(text, lo, end, masked)
    claims = [part for claim in claims for part in _split_participle(text, claim, masked)]
    for claim in claims:
        if claim.pattern in ("subject_cue", "participle"):
            claim.end = cut_tail(text, claim.start, claim.end, masked)
    return claims


def cut_tail(text: str, start: int, end: int, masked: Masked) -> int:
    """End a content before a tacked-on relative clause: ", which ..."."""
    for match in TAIL.finditer(text, start, end):
        if not masked(match.start()) and len(words(text, start, match.start())) >= 3:
            return match.start()
    return end


def according_to(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match `According to X, ...` and `..., according to X`."""
    match = ACCORDING.search(text, lo, end)
    if match is None or masked(match.start()):
        return []
    comma = text.find(",", match.end(), end)
    source_end = comma if comma >= 0 else end
    source = (match.end() + 1, source_end)
    if not 0 < len(words(text, *source)) <= 16:
        return []
    if match.start() == lo and comma >= 0:
        start = comma + 1
        while start < end and text[start].isspace():
            start += 1
        content = (start, end)
    elif comma < 0 and text[lo : match.start()].rstrip().endswith(","):
        content = (lo, len(text[: match.start()].rstrip()) - 1)
    else:
        content = (lo, end)
    return [Candidate(*content, *match.span(), "according_to", *source)]


def colon_label(text: str, lo: int, end: int) -> list[Candidate]:
    """Match a speaker label: `Jane Smith: ...`, `Trump on Twitter: ...`."""
    match = COLON_LABEL.match(text, lo, end)
    if match is None or match.group(1).lower() in LABELS:
        return []
    name_end = match.end(1)
    if not looks_like_source(text, lo, name_end, 6) or len(words(text, match.end(), end)) < 2:
        return []
    if any(text[s].islower() and w not in LABEL_GLUE for s, _, w in words(text, lo, name_end)):
        return []
    return [Candidate(match.end(), end, name_end, name_end + 1, "colon", lo, name_end)]


def trailing(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match `..., the General Staff reported.` and `..., said Jane Smith.`."""
    commas = [m.start() for m in re.finditer(",", text[lo:end]) if not masked(lo + m.start())]
    for comma in reversed(commas[-3:]):
        comma += lo
        found = words(text, comma + 1, end)
        if not found or len(found) > 16 or len(words(text, lo, comma)) < 3:
            continue
        claim = _inverted(text, lo, comma, found, end)
        claim = claim or _subject_first(text, lo, comma, found, end)
        if claim:
            return [claim]
    return []


def _inverted(text: str, lo: int, comma: int, found: list, end: int) -> Candidate | None:
    """Match `..., said Jane Smith, an aide.`."""
    cue = found[0]
    if cue[2] not in TRAILING_CUES or cue[2].endswith("ing"):
        return None
    source = source_after(text, cue[1], end)
    if source is None:
        return None
    source_end = end if text[source[1] : end].lstrip().startswith(",") else source[1]
    return Candidate(lo, comma, cue[0], cue[1], "trailing_inverted", source[0], source_end)


def _subject_first(text: str, lo: int, comma: int, found: list, end: int) -> Candidate | None:
    """Match `..., the statement read.` and `..., Smith, an aide, said.`."""
    index = next((i for i, w in enumerate(found) if w[2] in TRAILING_CUES), None)
    if index is None or "," in text[found[index][1] : end] or len(found) - index > 10:
        return None
    cue = found[index]
    if cue[2].endswith("ing") or not is_verb_use(text, found, index):
        return None
    source = source_before(text, comma + 1, cue[0]) if index else None
    if source is None:
        source = source_before(text, lo, cue[0])
        if source is None or source[0] <= lo:
            return None
        comma = text.rfind(",", lo, source[0])
        if comma < 0 or len(words(text, lo, comma)) < 3:
            return None
    return Candidate(lo, comma, cue[0], cue[1], "trailing", *source)


def _split_participle(text: str, claim: Candidate, masked: Masked) -> list[Candidate]:
    """Split `X said A, adding that B` into two claims of the same source."""
    for match in PARTICIPLE.finditer(text, claim.start, claim.end):
        word = match.group(1)
        if word not in PARTICIPLE_CUES or masked(match.start()):
            continue
        second_start = content_start(text, match.end(1), claim.end, word)
        if second_start >= claim.end:
            continue
        second = Candidate(
            second_start,
            claim.end,
            match.start(1),
            match.end(1),
            "participle",
            claim.source_start,
            claim.source_end,
        )
        claim.end = match.start()
        return [claim, second]
    return [claim]
