"""Claims framed by a document rather than a verb: `In the latest poll, ...`."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.tokens import COMMA, ends_with, trimmed_end, words

POLL_WORDS = r"(?:polls?|surveys?|average|study|studies|census|tally|words|view|opinion|estimation)"
OWNER = r"(?:the|a|an|this|that|its|their|his|her|my|our|your|one|[A-Z][\w.'’-]*['’]s?)"
WHEN = r"(?:\s+(?:released|published|taken|conducted|out)\b[^,.;:]{0,30}?|\s+(?:last|this)\s+\w+)"
# "In a new Quinnipiac poll," / ", in the RealClearPolitics average of recent polls." /
# "In exit polls," / "in the mayor's words": the phrase after "in" is the source, "in" the cue.
FRAME = re.compile(
    rf"\b(?P<cue>[Ii]n)\s+(?P<source>(?:{OWNER}\s+)?(?:[\w.'’/&%-]+\s+){{0,6}}?{POLL_WORDS}\b"
    rf"(?:\s+(?:of|by|from|for)\s+[^,.;:]{{1,60}}?)?){WHEN}?\s*(?={COMMA}|[.;:]|$)"
)
# "rising in the polls", "in the words of", "in other words": too vague to name a source.
VAGUE = re.compile(r"(?:the\s+)?polls?|the\s+words|(?:other\s+)?words|view|opinion", re.IGNORECASE)


def framed_claims(text: str, lo: int, end: int, masked: Callable[[int], bool]) -> list[Candidate]:
    """Return the claim of a sentence framed by `in the poll`, before or after it."""
    match = FRAME.search(text, lo, end)
    if match is None or masked(match.start()) or VAGUE.fullmatch(match.group("source")):
        return []
    before = words(text, lo, match.start())
    if not before or (before[0][2] in {"but", "and"} and len(before) == 1):
        content = (_skip_punctuation(text, match.end(), end), end)
    elif ends_with(text, match.start(), ",", lo) or match.end() >= end:
        content = (lo, trimmed_end(text, match.start(), " ,"))
    else:
        return []
    if len(words(text, *content)) < 3:
        return []
    return [Candidate(*content, *match.span("cue"), "framed", *match.span("source"))]


def _skip_punctuation(text: str, pos: int, end: int) -> int:
    """Move past spaces and commas."""
    while pos < end and (text[pos].isspace() or text[pos] == ","):
        pos += 1
    return pos
