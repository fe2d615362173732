"""Reported speech: `X said (that) ...`, `..., X said`, `according to X, ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import (
    ADDRESSEE_VERBS,
    CUE_FORMS,
    DETERMINERS,
    PARTICIPLE_CUES,
    TRAILING_CUES,
)
from verify.extraction.phrases import looks_like_source, source_after, source_before, words

Masked = Callable[[int], bool]
ACCORDING = re.compile(r"\b[Aa]ccording to\b")
PARTICIPLE = re.compile(r",\s+(?:and\s+)?([a-z]+ing)\b")
LEAD_IN = re.compile(
    r"(?:\s+(?:in|on|at|during|to|via|from|after|before|last|this|earlier|late|"
    r"early|[A-Z][a-z]+day)\b[^,;:.\"“”]{0,60}?)?\s+(?=that\b)"
)
OBJECT = re.compile(
    r"\s+(?:me|him|her|them|us|you|reporters|journalists|supporters|voters|"
    r"the\s+\w+(?:\s+\w+){0,2}?|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?\s*[,:]?(?=\s)"
)
PARTICLES = re.compile(r"\s+(?:out|up|for|on|about|to|of)\b")
PARTICLE_CUES = {"pointed", "points", "pointing", "called", "calls", "calling", "referring", "talked"}
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
    for finder in (according_to, trailing, subject_cue):
        found = finder(text, lo, end, masked)
        if found:
            return found
    return []


def according_to(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match `According to X, ...` and `..., according to X`."""
    match = ACCORDING.search(text, lo, end)
    if match is None or masked(match.start()):
        return []
    comma = text.find(",", match.end(), end)
    source_end = comma if comma >= 0 else end
    source = (match.end() + 1, source_end)
    if not looks_like_source(text, *source):
        return []
    if match.start() == lo and comma >= 0:
        start = comma + 1
        while start < end and text[start].isspace():
            start += 1
        content = (start, end)
    elif comma < 0 and text[lo:match.start()].rstrip().endswith(","):
        content = (lo, len(text[:match.start()].rstrip()) - 1)
    else:
        content = (lo, end)
    return [Candidate(*content, *match.span(), "according_to", *source)]


def trailing(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match `..., the General Staff reported.` and `..., said Jane Smith.`."""
    commas = [m.start() for m in re.finditer(",", text[lo:end]) if not masked(lo + m.start())]
    for comma in reversed(commas[-3:]):
        comma += lo
        found = words(text, comma + 1, end)
        if not found or len(found) > 16 or len(words(text, lo, comma)) < 3:
            continue
        claim = _inverted(text, lo, comma, found, end) or _subject_first(text, lo, comma, found, end)
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
    source_end = end if text[source[1]:end].lstrip().startswith(",") else source[1]
    return Candidate(lo, comma, cue[0], cue[1], "trailing_inverted", source[0], source_end)


def _subject_first(text: str, lo: int, comma: int, found: list, end: int) -> Candidate | None:
    """Match `..., the statement read.` and `..., Smith, an aide, said.`."""
    index = next((i for i, w in enumerate(found) if w[2] in TRAILING_CUES), None)
    if index is None or "," in text[found[index][1]:end] or len(found) - index > 10:
        return None
    cue = found[index]
    if cue[2].endswith("ing"):
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


def subject_cue(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Match `X said (that) ...`, `X told reporters ...`, `X denied ...`."""
    found = words(text, lo, end)
    for index, (start, stop, word) in enumerate(found):
        if word not in CUE_FORMS or masked(start) or not text[start].islower():
            continue
        if index and found[index - 1][2] in DETERMINERS:
            continue
        source = source_before(text, lo, start)
        if source is None:
            continue
        cue_end = _cue_end(text, stop, word)
        content_start = _content_start(text, cue_end, end, word)
        if len(words(text, content_start, end)) < 1:
            continue
        claim = Candidate(content_start, end, start, cue_end, "subject_cue", *source)
        return _split_participle(text, claim, masked)
    return []


def _cue_end(text: str, stop: int, word: str) -> int:
    """Extend a cue over its particle: `pointed out`, `called for`."""
    if word in PARTICLE_CUES:
        match = PARTICLES.match(text, stop)
        if match:
            return match.end()
    return stop


def _content_start(text: str, cue_end: int, end: int, word: str) -> int:
    """Return where the content starts after a cue (skips addressee and lead-in)."""
    pos = cue_end
    if word in ADDRESSEE_VERBS:
        match = OBJECT.match(text, pos, end)
        if match:
            pos = match.end()
    match = LEAD_IN.match(text, pos, end)
    if match:
        pos = match.end()
    while pos < end and (text[pos].isspace() or text[pos] in ",:"):
        pos += 1
    return pos


def _split_participle(text: str, claim: Candidate, masked: Masked) -> list[Candidate]:
    """Split `X said A, adding that B` into two claims of the same source."""
    for match in PARTICIPLE.finditer(text, claim.start, claim.end):
        word = match.group(1)
        if word not in PARTICIPLE_CUES or masked(match.start()):
            continue
        second_start = _content_start(text, match.end(1), claim.end, word)
        if second_start >= claim.end:
            continue
        second = Candidate(
            second_start, claim.end, match.start(1), match.end(1), "participle",
            claim.source_start, claim.source_end,
        )
        claim.end = match.start()
        return [claim, second]
    return [claim]
