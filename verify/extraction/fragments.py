"""Quotes that are fragments of a sentence: the words around them belong to the claim."""

import bisect
import re

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import QUOTE_CUES
from verify.extraction.tokens import words

MARK = re.compile(r"“|”|\"|''|``")
# Sentences longer than this are left as they are: each quote would rescan them.
MAX_SPAN = 600


def embed_fragment(text: str, claim: Candidate, starts: list[int]) -> Candidate:
    """Extend `X said "temporary burials" may be needed` over the rest of its clause."""
    end = _sentence_end(text, starts, claim.end)
    if end - claim.end > MAX_SPAN:
        return claim
    following = words(text, claim.end, end)
    if not following or not text[following[0][0]].islower():
        return claim
    if text[claim.end : following[0][0]].strip() or _closed_inside(text, claim.end):
        return claim  # `"...," he said`, `"What now?" and left`: punctuation ends the quote
    claim.end, claim.kind = following[-1][1], "reported"
    return claim


def embedded_start(text: str, claim: Candidate | None, starts: list[int]) -> Candidate | None:
    """Start `Her plan will give voters "a choice," she said` at the sentence, as reported."""
    if claim is None or claim.pattern != "quote_after":
        return claim
    index = bisect.bisect_right(starts, claim.start) - 1
    lo = starts[index] if index >= 0 else 0
    if claim.start - lo > MAX_SPAN:
        return claim
    before = text[lo : claim.start].rstrip()
    found = words(text, lo, claim.start)
    if len(found) < 3 or not before[-1:].isalnum() or MARK.search(before):
        return claim
    if any(w in QUOTE_CUES for _, _, w in found):
        return claim  # `She said he was "wrong," he added`: the words before have their own cue
    claim.start, claim.kind = lo, "reported"
    return claim


def _closed_inside(text: str, end: int) -> bool:
    """Tell whether a quote ends with its own punctuation: `"..., "` or `"...?"`."""
    inner = text[max(0, end - 4) : end].rstrip("”\"' ")
    return inner[-1:] in (",", ".", "?", "!")


def _sentence_end(text: str, starts: list[int], pos: int) -> int:
    """Return where the sentence holding `pos` ends (the next sentence's start)."""
    index = bisect.bisect_right(starts, pos)
    return starts[index] if index < len(starts) else len(text)
