"""Quotes with no speaker beside them: the previous speaker of the paragraph."""

import bisect
from itertools import takewhile

from verify.extraction.candidate import Candidate
from verify.extraction.deadline import checked
from verify.extraction.phrases import sentence_subject
from verify.extraction.quotes import sentence_start
from verify.extraction.sources import full_name
from verify.extraction.tokens import words

MAX_LOOK_BACK = 50
MAX_NAME_WORDS = 4
PERSON_PRONOUNS = {"he", "she", "they"}


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
        source = _introducer(text, starts, start, last.end) or (last.source_start, last.source_end)
        found.append(
            Candidate(
                start, end, last.cue_start, last.cue_end, "quote_context", *source, "direct_quote"
            )
        )
    return found


def _introducer(text: str, starts: list[int], start: int, last_end: int) -> tuple | None:
    """Return the subject of the sentence before a quote when no claim is in that sentence.

    "Caddell continued:", "He said:" or "Ann Lee once summed it up." introduces the quote
    that follows; its subject, a person's name or a pronoun, is the quote's speaker.
    """
    index = bisect.bisect_left(starts, start) - 1
    if index < 0 or last_end > starts[index]:
        return None
    subject = sentence_subject(text, starts[index], start)
    if subject is None:
        return None
    found = words(text, *subject)
    if len(found) == 1 and found[0][2] in PERSON_PRONOUNS:
        return subject
    run = list(takewhile(lambda w: text[w[0]].isupper(), found[:MAX_NAME_WORDS]))
    if not run or not full_name(text[run[0][0] : run[-1][1]].split()):
        return None
    return run[0][0], run[-1][1]


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
