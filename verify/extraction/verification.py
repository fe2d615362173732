"""Outlet verification statements and the claims they refer to."""

import bisect
import re
from collections import Counter

from verify.extraction.candidate import Candidate
from verify.extraction.deadline import checked
from verify.extraction.sources import source_key

CHECK = r"(?:verify|verified|confirm|confirmed|corroborate|corroborated|authenticate|authenticated)"
VERIFY = re.compile(
    r"\b(?:could|can|was|were|is|are|has|have|had|did)\s*(?:not|n[o']t)\s+"
    r"(?:be\s+)?(?:been\s+)?(?:able\s+to\s+)?(?:immediately\s+)?(?:independently\s+)?"
    rf"{CHECK}\b|"
    rf"\bunable\s+to\s+(?:immediately\s+)?(?:independently\s+)?{CHECK}\b",
    re.IGNORECASE,
)
NO_COMMENT = re.compile(
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply|return)\s+(?:to\s+)?"
    r"(?:a|an|multiple|repeated|our)?\s*(?:\w+\s+)?(?:requests?|calls?|emails?)\s+for\s+comment",
    re.IGNORECASE,
)
EITHER = re.compile(f"{VERIFY.pattern}|{NO_COMMENT.pattern}", re.IGNORECASE)
NO_COMMENT_TOPIC = re.compile(r"\s+(?:on|about|regarding)\s+(.+)", re.IGNORECASE | re.DOTALL)
WORD = re.compile(r"[A-Za-z]+")
# Words that name no topic: "could not verify the claims" points at nothing in particular.
GENERIC = set(
    """
the a an this that these those it its them their his her our any all some each either
of on about in for to by and or from with independently immediately separately
claim claims report reports statement statements account accounts allegation
allegations assertion assertions information detail details content contents
authenticity accuracy veracity footage source sources
""".split()
)
WINDOW = 2
TOPIC_WINDOW = 4


def is_verification(text: str, start: int, end: int) -> bool:
    """Tell whether a sentence is the outlet saying it could not verify something."""
    return EITHER.search(text, start, end) is not None


def attach_notes(
    claims: list[Candidate],
    statements: list[tuple[int, int, int]],
    paragraph_of: dict[int, int],
    text: str,
    deadline: float | None = None,
) -> None:
    """Set the note of the claims each statement (start, end, paragraph) refers to."""
    starts = [c.start for c in claims]
    floor = -1
    for start, end, paragraph in checked(statements, deadline):
        first = bisect.bisect_right(starts, floor)
        index = bisect.bisect_left(starts, start)
        earlier = claims[first:index]
        distance = [paragraph - paragraph_of[c.start] for c in earlier]
        near = [c for c, d in zip(earlier, distance, strict=True) if d <= WINDOW]
        wide = [c for c, d in zip(earlier, distance, strict=True) if d <= TOPIC_WINDOW]
        note = text[start:end].strip()
        for claim in _referred(text, start, end, near, wide):
            claim.note = claim.note or note
        floor = end


def _referred(
    text: str, start: int, end: int, near: list[Candidate], wide: list[Candidate]
) -> list[Candidate]:
    """Return the claims a statement refers to: by topic first, else by source."""
    no_comment = NO_COMMENT.search(text, start, end)
    if no_comment:
        party = source_key(text[start : no_comment.start()].strip())
        wide = [c for c in wide if source_key(c.source or "") != party]
        near = [c for c in near if source_key(c.source or "") != party]
        topic = NO_COMMENT_TOPIC.match(text, no_comment.end(), end)
        words = _topic_words(topic.group(1) if topic else "")
    else:
        match = VERIFY.search(text, start, end)
        words = _topic_words(text[match.end() : end])
    if words:
        return [c for c in wide if words & _claim_words(text, c)]
    return _most_cited(near)


def _stem(word: str) -> str:
    """Return a crude stem so that "figures" meets "figure" and "costs" meets "cost"."""
    word = word.lower()
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _topic_words(phrase: str) -> set[str]:
    """Return the stems of the words that name what could not be verified."""
    return {_stem(w) for w in WORD.findall(phrase) if w.lower() not in GENERIC and len(w) > 2}


def _claim_words(text: str, claim: Candidate) -> set[str]:
    """Return the stems of a claim's content and source words."""
    source = text[claim.source_start : claim.source_end] if claim.has_source else ""
    return {_stem(w) for w in WORD.findall(f"{text[claim.start : claim.end]} {source}")}


def _most_cited(window: list[Candidate]) -> list[Candidate]:
    """Return the claims of the source cited most in the window (all when none has one)."""
    keys = [source_key(c.source) if c.source else "" for c in window]
    counts = Counter(k for k in keys if k)
    if not counts:
        return window
    best = max(counts, key=lambda k: (counts[k], -keys.index(k)))
    return [claim for claim, key in zip(window, keys, strict=True) if key == best]
