"""Direct quotes: quote spans, their speaker and cue, continued quotes."""

import bisect
import re

from verify.extraction.candidate import Candidate
from verify.extraction.cues import is_verb_use
from verify.extraction.deadline import check_deadline
from verify.extraction.fragments import embed_fragment, embedded_start
from verify.extraction.lexicon import CONJUNCTIONS, DETERMINERS, PARTICIPLE_CUES, QUOTE_CUES
from verify.extraction.phrases import (
    looks_like_source,
    sentence_subject,
    source_after,
    source_before,
    words,
)
from verify.extraction.segment import is_abbreviation
from verify.extraction.tokens import trimmed_end

# A doubled `""` (quotes escaped as in a spreadsheet export) is one mark, not an empty quote.
OPENERS = {"“", '"', '""', "''", "``"}
CLOSERS = {"”", '"', '""', "''"}
MARK = re.compile(r"“|”|\"\"|\"|''|``")
SEGMENT_END = re.compile(r"[,.;:!?—\n“”\"]|''|$")
GAP_BEFORE = re.compile(r"[^.!?;“”\"]{0,60}?(?P<punct>[:,]|\bthat)?\s*+$")
MIN_WORDS = 2
# "- Above, the skull of a whale": a caption under a quote, not its speaker.
CAPTION_WORDS = set("above below left right top bottom pictured inset main clockwise".split())
# Cues of manner rather than of saying: "she went, ...", "he fired back, ...".
MANNER_CUES = {"go", "goes", "went", "going", "fire", "fires", "fired", "shoot", "shot", "put"}
# Possessive space runs: two optional runs around an optional newline would otherwise try
# every split of a long run of spaces.
DASH_NAME = re.compile(
    r"[ \t\xa0]*+\n?[ \t\xa0]*+(?P<dash>[―—–-])[ \t\xa0]*+"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t\xa0]++[A-Z][\w.'’-]*){0,4})(?=[ \t\xa0]*+(?:[.,\n]|$))"
)
LEADING_PARTICIPLE = re.compile(r"\s*,\s*(?:and\s+)?\w+ing\b")
PARTICIPLE_GAP = re.compile(r"[^.!?\n\"“”]{0,40}?,\s*(?:and\s+)?(\w+ing)\b[,:]?\s*")


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return quote spans, joining a quote continued in the next paragraph."""
    spans: list[tuple[int, int]] = []
    open_at, last_end = None, 0
    for start, end in paragraphs:
        pos = start
        if open_at is not None:
            match = MARK.match(text, start)
            if match and match.group() in OPENERS:
                pos = match.end()
            else:
                spans.append((open_at, last_end))
                open_at = None
        for match in MARK.finditer(text, pos, end):
            mark = match.group()
            if open_at is None and (mark in OPENERS or match.start() == start):
                open_at = match.start()
            elif open_at is not None and mark in CLOSERS:
                spans.append((open_at, match.end()))
                open_at = None
        last_end = end
    if open_at is not None:
        spans.append((open_at, last_end))
    return spans


def quote_claims(
    text: str, spans: list[tuple[int, int]], starts: list[int], deadline: float | None = None
) -> list[Candidate]:
    """Return a candidate for every quote whose speaker is named next to it."""
    claims: list[Candidate] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        index += 1
        if index % 100 == 0:
            check_deadline(deadline)
        size = len(words(text, start, end))
        if size == 0:
            continue
        claim = None
        if size >= 4 or sentence_start(starts, start) == start:
            claim = embedded_start(text, _attributed_after(text, start, end), starts)
        if claim is None and size >= MIN_WORDS:
            claim = _attributed_before(text, start, end, starts) or _colon_before(
                text, start, end, starts
            )
        if claim is None:
            continue
        claims.append(claim)
        if index < len(spans):
            index += _follow(text, claims, spans[index])
    return claims


def _follow(text: str, claims: list[Candidate], following: tuple[int, int]) -> int:
    """Join or attribute the next quote after `"X," he said`; return 1 if it was used."""
    claim = claims[-1]
    if not words(text, *following):
        return 0  # a stray mark left open ("said. \"\"") continues nothing
    participle = _participle_between(text, claim, following[0])
    if participle:
        claims.append(
            Candidate(
                *following,
                *participle,
                "quote_participle",
                claim.source_start,
                claim.source_end,
                "direct_quote",
            )
        )
        return 1
    if _continues(text, claim, following) and not _attributed_after(text, *following):
        claim.end = following[1]
        return 1
    return 0


def _participle_between(text: str, claim: Candidate, quote_start: int) -> tuple | None:
    """Return the cue span of `, adding:` between a quote claim and the next quote."""
    tail = max(claim.cue_end, claim.source_end or 0)
    match = PARTICIPLE_GAP.fullmatch(text, tail, quote_start)
    if match and match.group(1).lower() in PARTICIPLE_CUES:
        return match.span(1)
    return None


def _attributed_after(text: str, start: int, end: int) -> Candidate | None:
    """Match `"...," the statement read` and `"...," said Jane Smith`."""
    dash = DASH_NAME.match(text, end)
    if dash and dash.group("name").lower() not in CAPTION_WORDS:
        source = dash.span("name")
        return Candidate(start, end, *dash.span("dash"), "quote_dash", *source, "direct_quote")
    pos = end
    while pos < len(text) and text[pos] in " ,\t":
        pos += 1
    stop = segment_end(text, pos)
    found = words(text, pos, stop)
    if not found:
        return None
    if found[0][2] in QUOTE_CUES and not found[0][2].endswith("ing"):
        source = source_after(text, found[0][1], _appositive_end(text, stop))
        cue = found[0][:2]
    elif found[0][2] in DETERMINERS and found[1:] and found[1][2] in QUOTE_CUES:
        return None
    else:
        closed = text[start:end].rstrip("”\"' ").endswith(".")
        source, cue = _subject_and_cue(text, found, stop, closed)
    if source is None or cue is None:
        return None
    return Candidate(start, end, *cue, "quote_after", *source, "direct_quote")


ADVERBIAL = set(
    """
in on at during to via from after before last this earlier late early yesterday today
tonight monday tuesday wednesday thursday friday saturday sunday of about when while
with as recently later afterward afterwards
""".split()
)


def _subject_and_cue(text: str, found: list, stop: int, closed: bool) -> tuple:
    """Return (source span, cue span) for `Smith (, an aide,) said ...` after a quote."""
    if closed and found[0][2] in CONJUNCTIONS:
        return None, None
    if found[0][2] in CONJUNCTIONS and found[1:2] and found[1][2] == "that":
        return None, None  # `are "dedicated," and that the party ...`: reported speech goes on
    for start, end, word in found[1:9]:
        if word in QUOTE_CUES and text[start].islower():
            tail = words(text, end, stop)
            if closed and tail and (len(tail) > 6 or tail[0][2] not in ADVERBIAL):
                return None, None
            return source_before(text, found[0][0], start), (start, end)
    if stop < len(text) and text[stop] == ",":
        return _appositive_then_cue(text, found[0][0], stop)
    return None, None


def _appositive_then_cue(text: str, name_start: int, comma: int) -> tuple:
    """Match `Smith, a spokesman for X, said` after a quote."""
    next_comma = text.find(",", comma + 1, comma + 120)
    if next_comma < 0:
        return None, None
    after = words(text, next_comma + 1, min(len(text), next_comma + 40))
    if after and after[0][2] in QUOTE_CUES and looks_like_source(text, name_start, comma, 6):
        return (name_start, next_comma), after[0][:2]
    return None, None


def segment_end(text: str, pos: int) -> int:
    """Return the next clause break after `pos`, skipping abbreviation periods."""
    match = SEGMENT_END.search(text, pos)
    while match.group() == "." and is_abbreviation(text, match.start()):
        match = SEGMENT_END.search(text, match.end())
    return match.start()


def _appositive_end(text: str, stop: int) -> int:
    """Extend an inverted source over a closing appositive (", a pollster.")."""
    if stop >= len(text) or text[stop] != ",":
        return stop
    end = segment_end(text, stop + 1)
    return end if len(words(text, stop + 1, end)) <= 10 else stop


def _attributed_before(
    text: str, start: int, end: int, sentence_starts: list[int]
) -> Candidate | None:
    """Match `Smith said: "..."` and `He told reporters, "..."`."""
    lo = sentence_start(sentence_starts, start)
    found = words(text, lo, start)
    cues = [w for i, w in enumerate(found) if w[2] in QUOTE_CUES and is_verb_use(text, found, i)]
    if not cues:
        return None
    cue_start, cue_end, cue = cues[-1]
    gap = GAP_BEFORE.match(text, cue_end, start)
    if gap is None or (text[cue_end:start].strip() and not gap.group("punct")):
        return None
    if cue in MANNER_CUES and gap.group("punct") not in (",", ":"):
        return None  # `the sky went "dark"`: only `she went, "..."` introduces speech
    if len(cues) > 1 and not gap.group("punct"):
        return None  # `X said that Y shows "great charm"`: a fragment inside reported speech
    if "that" in [w for _, _, w in words(text, cue_end, start)[:-1]]:
        return None  # `told her that he agreed, "if ..."`: the quote goes on reported speech
    source = next(filter(None, (source_before(text, lo, c[0]) for c in reversed(cues))), None)
    if source is None and cues[-1][2].endswith("ing"):
        source = sentence_subject(text, lo, cue_start)
    if source is None:
        return None
    kind, content_start = "direct_quote", start
    if gap.group("punct") == "that":
        kind, content_start = "reported", gap.start("punct")
    claim = Candidate(content_start, end, cue_start, cue_end, "quote_before", *source, kind)
    return embed_fragment(text, claim, sentence_starts)


def _colon_before(text: str, start: int, end: int, sentence_starts: list[int]) -> Candidate | None:
    """Match `Clinton has since apologized for it: "..."` (the phrase before the colon)."""
    colon = trimmed_end(text, start) - 1
    lo = sentence_start(sentence_starts, start)
    if colon <= lo or text[colon] != ":":
        return None
    subject = sentence_subject(text, lo, colon)
    between = words(text, subject[1], colon) if subject else []
    if subject is None or len(between) > 12:
        return None
    cue_start = between[0][0] if between else colon
    return Candidate(start, end, cue_start, colon + 1, "quote_colon", *subject, "direct_quote")


def sentence_start(starts: list[int], pos: int) -> int:
    """Return the start of the sentence holding `pos` (starts are sorted)."""
    index = bisect.bisect_right(starts, pos) - 1
    return starts[index] if index >= 0 else 0


def _continues(text: str, claim: Candidate, following: tuple[int, int]) -> bool:
    """Tell whether the next quote continues the claim: `"X," he said, "Y"`."""
    tail = max(claim.cue_end, claim.source_end or 0)
    if claim.pattern != "quote_after" or following[0] < tail:
        return False
    between = text[tail : following[0]]
    if LEADING_PARTICIPLE.match(between):
        return False  # `"A," he said, referring to X. "B"`: the participle is a claim of its own
    return len(between) < 40 and bool(re.fullmatch(r"[^.!?\n\"“”]*[,.:][ \t]*", between))
