"""Reported speech: `X said (that) ...`, `..., X said`, `according to X, ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.framing import framed_claims
from verify.extraction.lexicon import (
    PARTICIPLE_CUES,
    TRAILING_CUES,
)
from verify.extraction.passives import recast_passive
from verify.extraction.phrases import looks_like_source, words
from verify.extraction.speech import (
    content_start,
    extend_cue,
    subject_cue,
    trim,
)
from verify.extraction.tokens import ends_with, find_comma, trimmed_end
from verify.extraction.trailing import final_attribution, parenthetical, trailing

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
    "q",
    "a",
    "contributing",
    "remember",
    "reporting",
    "additional reporting",
    "bottom line",
    "the bottom line",
    "background",
    "context",
    "question",
    "answer",
}
LABEL_GLUE = set("of the and on in at for to from".split())
TAIL = re.compile(r",\s+which\b")
ACCORDING = re.compile(r"\b[Aa]ccording to\b")
LEADING_VERB = re.compile(r"[\s,;]*(?:and\s+)?(\w+)\b")
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
    claims = final_attribution(text, lo, end, masked) or parenthetical(text, lo, end, masked)
    claims = claims or _recast_passives(text, subject_cue(text, lo, end, masked))
    claims = claims or trailing(text, lo, end, masked) or framed_claims(text, lo, end, masked)
    claims = [part for claim in claims for part in _split_participle(text, claim, masked)]
    for claim in claims:
        if claim.pattern in ("subject_cue", "participle"):
            claim.end = cut_tail(text, claim.start, claim.end, masked)
            claim.end = trim(text, claim.start, claim.end, claim.end)
    return claims


def _recast_passives(text: str, claims: list[Candidate]) -> list[Candidate]:
    """Recast passive cues; drop passive acts."""
    return [c for c in (recast_passive(text, claim) for claim in claims) if c is not None]


def after_quote(text: str, quote: Candidate, lo: int, hi: int, masked: Masked) -> list[Candidate]:
    """Return what follows `"...," X said` in a sentence: `, adding that ...`, `, who argued`."""
    end = content_end(text, lo, hi)
    match = LEADING_VERB.match(text, lo, end)
    word = match.group(1).lower() if match and not masked(match.start(1)) else ""
    # `X, citing "...", said Y`: the quote hung on a participle, the main verb follows
    main_verb = quote.pattern == "quote_before" and word in TRAILING_CUES and word[-3:] != "ing"
    if word in PARTICIPLE_CUES or main_verb:
        cue_end = extend_cue(text, match.end(1), word)
        start = content_start(text, cue_end, end, word)
        if len(words(text, start, end)) < 2:
            return []
        source = (quote.source_start, quote.source_end)
        pattern = "participle" if word in PARTICIPLE_CUES else "subject_cue"
        return [Candidate(start, end, match.start(1), cue_end, pattern, *source)]
    claims = subject_cue(text, lo, end, masked)
    return [c for c in claims if len(words(text, c.start, c.end)) >= 3]


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
    comma = find_comma(text, match.end(), end)
    source_end = comma if comma >= 0 else end
    source = (match.end() + 1, source_end)
    if not 0 < len(words(text, *source)) <= 16:
        return []
    if match.start() == lo and comma >= 0:
        start = comma + 1
        while start < end and text[start].isspace():
            start += 1
        content = (start, end)
    elif comma < 0 and ends_with(text, match.start(), ",", lo):
        content = (lo, trimmed_end(text, match.start()) - 1)
    else:
        content = (lo, end)
    return [Candidate(*content, *match.span(), "according_to", *source)]


def colon_label(text: str, lo: int, end: int) -> list[Candidate]:
    """Match a speaker label: `Jane Smith: ...`, `Trump on Twitter: ...`."""
    match = COLON_LABEL.match(text, lo, end)
    if match is None or match.group(1).lower() in LABELS:
        return []
    name_end = match.end(1)
    content = words(text, match.end(), end)
    if not looks_like_source(text, lo, name_end, 6) or len(content) < 2:
        return []
    if all(text[s].isdigit() for s, _, _ in content):
        return []
    if any(text[s].islower() and w not in LABEL_GLUE for s, _, w in words(text, lo, name_end)):
        return []
    return [Candidate(match.end(), end, name_end, name_end + 1, "colon", lo, name_end)]


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
