"""Direct quotes: quote spans, their speaker and cue, continued quotes."""

import bisect
import re

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import DETERMINERS, PARTICIPLE_CUES, QUOTE_CUES
from verify.extraction.phrases import looks_like_source, source_after, source_before, words
from verify.extraction.segment import is_abbreviation

OPENERS = {"“", '"', "''", "``"}
CLOSERS = {"”", '"', "''"}
MARK = re.compile(r"“|”|\"|''|``")
SEGMENT_END = re.compile(r"[,.;:!?—\n“”\"]|''|$")
GAP_BEFORE = re.compile(r"[^.!?;“”\"]{0,60}?(?P<punct>[:,]|\bthat)?\s*$")
MIN_WORDS = 2
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
            if open_at is None and mark in OPENERS:
                open_at = match.start()
            elif open_at is not None and mark in CLOSERS:
                spans.append((open_at, match.end()))
                open_at = None
        last_end = end
    if open_at is not None:
        spans.append((open_at, last_end))
    return spans


def quote_claims(
    text: str, spans: list[tuple[int, int]], sentence_starts: list[int]
) -> list[Candidate]:
    """Return a candidate for every quote whose speaker is named next to it."""
    claims: list[Candidate] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        index += 1
        if len(words(text, start, end)) < MIN_WORDS:
            continue
        claim = _attributed_after(text, start, end) or _attributed_before(
            text, start, end, sentence_starts
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
    participle = _participle_between(text, claim, following[0])
    if participle:
        claims.append(Candidate(*following, *participle, "quote_participle",
                                claim.source_start, claim.source_end, "direct_quote"))
        return 1
    if _continues(text, claim, following):
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


def _subject_and_cue(text: str, found: list, stop: int, closed: bool) -> tuple:
    """Return (source span, cue span) for `Smith (, an aide,) said ...` after a quote."""
    for start, end, word in found[1:9]:
        if word in QUOTE_CUES and text[start].islower():
            tail = words(text, end, stop)
            if (len(tail) <= 6 or not closed) and source_before(text, found[0][0], start):
                return source_before(text, found[0][0], start), (start, end)
            return None, None
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
    lo = _sentence_start(sentence_starts, start)
    cues = [w for w in words(text, lo, start) if w[2] in QUOTE_CUES]
    if not cues:
        return None
    cue_start, cue_end, _ = cues[-1]
    gap = GAP_BEFORE.match(text, cue_end, start)
    if gap is None or (text[cue_end:start].strip() and not gap.group("punct")):
        return None
    source = next(filter(None, (source_before(text, lo, c[0]) for c in reversed(cues))), None)
    if source is None:
        return None
    kind, content_start = "direct_quote", start
    if gap.group("punct") == "that":
        kind, content_start = "reported", gap.start("punct")
    return Candidate(content_start, end, cue_start, cue_end, "quote_before", *source, kind)


def _sentence_start(starts: list[int], pos: int) -> int:
    """Return the start of the sentence holding `pos` (starts are sorted)."""
    index = bisect.bisect_right(starts, pos) - 1
    return starts[index] if index >= 0 else 0


def _continues(text: str, claim: Candidate, following: tuple[int, int]) -> bool:
    """Tell whether the next quote continues the claim: `"X," he said, "Y"`."""
    tail = max(claim.cue_end, claim.source_end or 0)
    if claim.pattern != "quote_after" or following[0] < tail:
        return False
    between = text[tail:following[0]]
    return len(between) < 40 and bool(re.fullmatch(r"[^.!?\n\"“”]*[,.:][ \t]*", between))


def context_quotes(
    text: str, spans: list[tuple[int, int]], claims: list[Candidate], starts: list[int]
) -> list[Candidate]:
    """Give a sentence-initial quote with no speaker beside it the previous speaker."""
    found: list[Candidate] = []
    ordered = sorted((c for c in claims if c.has_source), key=lambda c: c.end)
    ends = [c.end for c in ordered]
    covered = sorted((c.start, c.end) for c in claims)
    for start, end in spans:
        if len(words(text, start, end)) < 3 or _sentence_start(starts, start) != start:
            continue
        index = bisect.bisect_right(ends, start) - 1
        if index < 0 or start - ordered[index].end >= 600 or _covered(covered, start, end):
            continue
        last = ordered[index]
        if last.pattern.startswith("quote") and "\n" not in text[last.end:start]:
            last.end = end
            ends[index] = end
            continue
        found.append(Candidate(start, end, last.cue_start, last.cue_end, "quote_context",
                               last.source_start, last.source_end, "direct_quote"))
    return found


def _covered(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    """Tell whether a span overlaps one of the sorted claim spans."""
    index = bisect.bisect_left(covered, (end, end)) - 1
    return index >= 0 and covered[index][1] > start and covered[index][0] < end
