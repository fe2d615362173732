"""Items of a list introduced by "X also said:": each item is a claim of X."""

import bisect
import re

from verify.extraction.candidate import Candidate
from verify.extraction.cues import STUDY_NOUNS
from verify.extraction.lexicon import TRAILING_CUES
from verify.extraction.phrases import source_before
from verify.extraction.tokens import trimmed_end, words

LEAD_IN = re.compile(r"(?P<cue>\w++)(?:\s++(?:reporters|journalists|the\s++\w++))?\s*+:\s*+$")
BULLET = re.compile(r"\s*+(?:[-•*–—·▪●]|\d{1,2}[.)])\s++(?=\S)")
MAX_ITEMS = 30
QUOTE_MARKS = "\"“‘'"
LEAD_TAIL = 80  # "X also told reporters:" ends a line; only its end is searched


def bullet_claims(text: str, paragraphs: list[tuple[int, int]], claims: list) -> list[Candidate]:
    """Return one claim per bullet item after a paragraph ending in "said:"."""
    found: list[Candidate] = []
    starts = sorted(c.start for c in claims)
    for index, (start, end) in enumerate(paragraphs[:-1]):
        lead = _lead_in(text, start, end)
        if lead is None:
            continue
        for item_start, item_end in paragraphs[index + 1 : index + 1 + MAX_ITEMS]:
            bullet = BULLET.match(text, item_start, item_end)
            if bullet is None:
                break
            content_end = trimmed_end(text, item_end, " \t.;", item_start)
            first = bisect.bisect_left(starts, item_start)
            if first < len(starts) and starts[first] < item_end:
                continue
            quoted = text[bullet.end()] in QUOTE_MARKS
            kind = "direct_quote" if quoted else "reported"
            found.append(Candidate(bullet.end(), content_end, *lead, kind=kind))
    return found


def _lead_in(text: str, start: int, end: int) -> tuple | None:
    """Return (cue_start, cue_end, pattern, source_start, source_end) of "X said:"."""
    line = text[start:end].rstrip()
    if not line.endswith(":"):
        return None
    offset = max(0, len(line) - LEAD_TAIL)
    match = LEAD_IN.search(line, offset)
    if match is None:
        return None
    if match.group("cue").lower() not in TRAILING_CUES:
        return _document_lead_in(text, start, offset, match)
    cue_start, cue_end = start + match.start("cue"), start + match.end("cue")
    source = source_before(text, start, cue_start)
    if source is None:
        return None
    return cue_start, cue_end, "colon_list", *source


def _document_lead_in(text: str, start: int, offset: int, match: re.Match) -> tuple | None:
    """Return the lead-in of "a memo whose key messages include:" (the document speaks)."""
    nouns = [w for w in words(text, start + offset, start + match.start()) if w[2] in STUDY_NOUNS]
    if not nouns or not match.group("cue").islower():
        return None
    cue_start, cue_end = start + match.start("cue"), start + match.end("cue")
    return cue_start, cue_end, "colon_list", nouns[-1][0], nouns[-1][1]
