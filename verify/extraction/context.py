"""Quotes with no speaker beside them: the previous speaker of the paragraph."""

import bisect

from verify.extraction.candidate import Candidate
from verify.extraction.deadline import checked
from verify.extraction.quotes import sentence_start
from verify.extraction.tokens import words

MAX_LOOK_BACK = 50


def context_quotes(
    text: str,
    spans: list[tuple[int, int]],
    claims: list[Candidate],
    starts: list[int],
    deadline: float | None = None,
) -> list[Candidate]:
    """Give a sentence-initial quote with no speaker beside it the previous speaker."""
    found: list[Candidate] = []
    ordered = sorted((c for c in claims if c.has_source), key=lambda c: c.end)
    ends = [c.end for c in ordered]
    covered = sorted((c.start, c.end) for c in claims)
    for start, end in checked(spans, deadline):
        if len(words(text, start, end)) < 3 or sentence_start(starts, start) != start:
            continue
        index = bisect.bisect_right(ends, start) - 1
        if index < 0 or start - ordered[index].end >= 600 or _covered(covered, start, end):
            continue
        quote = _paragraph_quote(text, ordered, index, start)
        if quote is not None:
            ordered[quote].end = end
            ends[quote] = end
            continue
        last = ordered[index]
        found.append(
            Candidate(
                start,
                end,
                last.cue_start,
                last.cue_end,
                "quote_context",
                last.source_start,
                last.source_end,
                "direct_quote",
            )
        )
    return found


def _paragraph_quote(text: str, ordered: list[Candidate], last: int, start: int) -> int | None:
    """Return the index of the last quote claim of the paragraph before `start`, if any."""
    # Each step reads only the text it adds, and the steps are bounded: a paragraph of
    # thousands of claims would otherwise cost its length for each of its quotes.
    limit = start
    for index in range(last, max(-1, last - MAX_LOOK_BACK), -1):
        end = ordered[index].end
        if end < limit and "\n" in text[end:limit]:
            return None
        if ordered[index].pattern.startswith("quote"):
            return index
        limit = min(limit, end)
    return None


def _covered(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    """Tell whether a span overlaps one of the sorted claim spans."""
    index = bisect.bisect_left(covered, (end, end)) - 1
    return index >= 0 and covered[index][1] > start and covered[index][0] < end
