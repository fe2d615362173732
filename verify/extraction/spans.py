"""Discontinuous content: the quoted fragments of a direct quote claim."""

import re

from verify.extraction.model import ExtractedClaim

# What `[“"]+[^“”"]*[”"]+|''.*?''|``.*?''` (DOTALL) matches, found in one pass: a regex search
# retries every start, which on a run of openers or of unclosed `` costs the square of its length.
FRAGMENT_START = re.compile(r"[“\"]|''|``")
CONTENT = re.compile(r"[^“”\"]*")
OPENERS = '“"'
CLOSERS = '”"'


def content_spans(claim: ExtractedClaim) -> list[tuple[int, int]]:
    """Return the content as spans: each quoted fragment of a direct quote, else one span."""
    if claim.kind != "direct_quote":
        return [(claim.start, claim.end)]
    fragments = [(claim.start + a, claim.start + b) for a, b in quoted_fragments(claim.text)]
    return fragments if len(fragments) > 1 else [(claim.start, claim.end)]


def quoted_fragments(text: str) -> list[tuple[int, int]]:
    """Return the spans of the quoted fragments of a text, left to right, not overlapping."""
    found: list[tuple[int, int]] = []
    position, unclosed_from = 0, len(text) + 1
    while (start := FRAGMENT_START.search(text, position)) is not None:
        begin = start.start()
        if text[begin] in OPENERS:
            span, position = _marked(text, begin)
        else:
            close = -1 if begin + 2 >= unclosed_from else text.find("''", begin + 2)
            if close < 0:
                unclosed_from = min(unclosed_from, begin + 2)
            span, position = ((begin, close + 2), close + 2) if close >= 0 else (None, begin + 1)
        if span is not None:
            found.append(span)
    return found


def _marked(text: str, begin: int) -> tuple[tuple[int, int] | None, int]:
    """Match opening marks, unmarked text and closing marks at `begin`; return (span, resume)."""
    openers_end = _run(text, begin, OPENERS)
    content_end = CONTENT.match(text, openers_end).end()
    if content_end < len(text) and text[content_end] in CLOSERS:
        end = _run(text, content_end, CLOSERS)
        return (begin, end), end
    # Fewer opening marks: a straight mark among them closes an empty fragment.
    last_straight = text.rfind('"', begin + 1, openers_end)
    if last_straight < 0:
        return None, openers_end
    end = _run(text, last_straight, CLOSERS)
    return (begin, end), end


def _run(text: str, position: int, marks: str) -> int:
    """Return the end of the run of `marks` characters starting at `position`."""
    while position < len(text) and text[position] in marks:
        position += 1
    return position
