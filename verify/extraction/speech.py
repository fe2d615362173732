"""Subject-cue attributions inside one sentence: `X said (that) ...`, several per sentence."""

import re
from collections.abc import Callable
from itertools import islice

from verify.extraction.candidate import Candidate
from verify.extraction.cues import PHRASE_HEADS, PHRASE_TAILS, cue_words
from verify.extraction.lexicon import (
    ADDRESSEE_VERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    CUE_FORMS,
    NOUN_LIKE,
    STANCE_ADJECTIVES,
    TRAILING_CUES,
)
from verify.extraction.phrases import sentence_subject, source_before, words
from verify.extraction.tokens import ends_with, find_comma, rfind_comma

Masked = Callable[[int], bool]
LEAD_IN = re.compile(
    r"(?:\s+(?:in|on|at|during|to|via|from|after|before|last|this|earlier|late|"
    r"early|[A-Z][a-z]+day)\b[^,;:.\"“”]{0,60}?)?\s+(?=that\b)"
)
# "said on Monday the bridge was safe": a day, then a clause without "that".
DAY_LEAD = re.compile(
    r"\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)"
    r"(?=\s+(?:the|a|an|it|he|she|they|we|its|his|her|their|this|there)\s)"
)
OBJECT = re.compile(
    r"\s+(?:me|him|her|them|us|you|reporters|journalists|supporters|voters|"
    r"the\s+\w+(?:\s+\w+){0,2}?|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?\s*[,:]?(?=\s|$)"
)
ADVERBIAL = set(
    """
in on at during via from after before last this earlier late early yesterday today
tonight monday tuesday wednesday thursday friday saturday sunday
""".split()
)
PARTICLES = re.compile(r"\s+(?:out|up|for|on|about|to|of)\b")
PARTICLE_CUES = {
    "pointed",
    "points",
    "pointing",
    "called",
    "calls",
    "calling",
    "referring",
    "talked",
    "talking",
    "talks",
    "spoke",
    "speaking",
    "speaks",
}
EMPTY_WORDS = set("to of up out back off in on down over away about comment".split())
INTRODUCTORY = ADVERBIAL | {"at", "for", "however", "yet", "still", "instead", "meanwhile"}
SUBORDINATORS = set("while although though because since if as whereas unless after before".split())
BREAKS = re.compile(r"[,;:—–\"“”()]")
ADJECTIVE_LINK = re.compile(r"\s+(?:about|of|with|on|in)\b")
SEQUENTIAL_WORDS = {"and", "but", "while", "although", "though", "as", "when", "yet", "then"}
# No PolNeAR sentence has more than 7 cues; each costs a look back, so a sentence of nothing
# but cues ("said said said …") is read up to this many.
MAX_CUES = 12
SUBJECT_PRONOUNS = set("he she they we i".split())
RELATIVE_OPENERS = CONJUNCTIONS | set("which who whom what why how whether".split())
DASHES = ("—", "–", "-")
CONNECTOR_MARKS = ",;:—–-"
LONGEST_CONNECTOR = max(map(len, SEQUENTIAL_WORDS))


def subject_cue(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Return every non-nested `SOURCE CUE CONTENT` attribution of a sentence."""
    claims: list[Candidate] = []
    cues = list(islice(cue_words(text, lo, end, masked), MAX_CUES))
    for number, (start, stop, word) in enumerate(cues):
        if claims and start < claims[-1].start:
            continue
        if number + 1 < len(cues) and _restrictive_relative(text, lo, start):
            continue
        source = _elliptical(text, lo, start, claims) or source_before(text, lo, start)
        if source is None and not claims and _opens_clause(text, lo, start, word):
            source = sentence_subject(text, lo, start)
        if source is None or (claims and not _chain(text, claims[-1], source, start)):
            continue
        cue_end = extend_cue(text, stop, word)
        begin = content_start(text, cue_end, end, word)
        claims.append(Candidate(begin, end, start, cue_end, "subject_cue", *source))
    claims = [c for c in (_complete(text, lo, c, claims) for c in claims) if c is not None]
    claims = [c for c in claims if not _empty_content(text, c) and not _reduced_relative(text, c)]
    return [_end_subordinate(text, lo, c) for c in claims]


def _empty_content(text: str, claim: Candidate) -> bool:
    """Tell whether a content is a lone particle or adverb ("pushing back", "wrote recently")."""
    dash = text[claim.start : claim.start + 1]
    if dash in DASHES and text.find(dash, claim.start + 1, claim.end) < 0:
        return True  # "when Lee announced — Ann posted photos": the dash ends the clause
    found = words(text, claim.start, claim.end)
    if len(found) != 1:
        return False
    word = found[0][2]
    return word in EMPTY_WORDS or word in ADVERBIAL or word.endswith("ly")


def _reduced_relative(text: str, claim: Candidate) -> bool:
    """Tell whether the cue sits in `a decision he disclosed`: its object is the noun before."""
    found = words(text, claim.source_start, claim.source_end)
    if len(found) < 2 or found[-1][2] not in SUBJECT_PRONOUNS:
        return False
    before = found[-2][2]
    if before in RELATIVE_OPENERS or before in CUE_FORMS or before in AUXILIARIES:
        return False
    return not text[found[-2][0]].isupper()


def _end_subordinate(text: str, lo: int, claim: Candidate) -> Candidate:
    """End the content of `While X said A, B ...` at the comma before the main clause."""
    opener = words(text, lo, claim.source_start)
    if len(opener) != 1 or opener[0][2] not in SUBORDINATORS:
        return claim
    comma = find_comma(text, claim.start, claim.end)
    if comma > claim.start and len(words(text, comma, claim.end)) >= 2:
        claim.end = comma
    return claim


def _restrictive_relative(text: str, lo: int, start: int) -> bool:
    """Tell whether a cue is the verb of `who ...` inside a subject ("an aide who asked")."""
    before = words(text, max(lo, start - 80), start)
    index = len(before) - 1
    while index > 0 and before[index][2] in AUXILIARIES:
        index -= 1
    if index > 0 and before[index][2] == "that":
        return not ends_with(text, before[index][0], ",", lo)
    near = [i for i in range(max(1, index - 7), index + 1) if before[i][2] == "who"]
    if not near or BREAKS.search(text, before[near[-1]][1], start):
        return False
    return not ends_with(text, before[near[-1]][0], ",", lo)


def _opens_clause(text: str, lo: int, start: int, word: str) -> bool:
    """Tell whether a cue opens a clause of the sentence subject: `..., saying`, `and said`."""
    if word.endswith("ing") and ends_with(text, start, ",", lo):
        return True
    before = words(text, lo, start)
    return len(before) > 3 and before[-1][2] in {"and", "but"} and not word.endswith("ing")


def _elliptical(text: str, lo: int, start: int, claims: list[Candidate]) -> tuple | None:
    """Reuse the previous source for `X said A and said B`."""
    before = words(text, lo, start)
    if not (claims and before and before[-1][0] > claims[-1].start):
        return None
    if before[-1][2] in {"and", "but", "then"}:
        return claims[-1].source_start, claims[-1].source_end
    return None


def _chain(text: str, previous: Candidate, source: tuple[int, int], start: int) -> bool:
    """Accept a later cue of the sentence and end the previous content before it."""
    if _closes_relative(text, previous, source):
        previous.end = source[1]
        return True
    if not _sequential(text, previous, source[0]):
        return False
    previous.end = trim(text, previous.start, min(source[0], start), previous.end)
    return True


def _closes_relative(text: str, previous: Candidate, source: tuple[int, int]) -> bool:
    """Tell whether `source` is "Cruz, who says A," and `previous` is that "who says A"."""
    if not previous.has_source or source[0] >= previous.source_start:
        return False
    relative = text[previous.source_start : previous.source_end].lower()
    opened = ends_with(text, previous.source_start, ",")
    return relative in {"who", "which"} and opened


def _sequential(text: str, previous: Candidate, source_start: int) -> bool:
    """Tell whether a source starts a new clause rather than nested content."""
    if source_start == previous.source_start:
        return True
    if source_start < previous.start:
        return False
    before = text[previous.start : source_start].rstrip()
    last = [w for w in words(text, previous.start, source_start) if w[2] not in SEQUENTIAL_WORDS]
    if len(last) < 2 or (len(last) == 2 and last[0][2] == "that"):
        return False
    if before[-1] in ",;:—–(":
        return True
    return words(text, previous.start, source_start)[-1][2] in SEQUENTIAL_WORDS


def trim(text: str, start: int, end: int, current: int) -> int:
    """Cut a content before the next clause's connectors (", and")."""
    if end <= start:
        return current
    return connector_tail(text, start, end)


def connector_tail(text: str, start: int, end: int) -> int:
    """Return where the trailing spaces, commas and connectors ("…, and but") of a range start."""
    # Walked backwards, once: a pattern anchored at the end would retry every start on ", , ,".
    pos = end
    while pos > start:
        if text[pos - 1].isspace() or text[pos - 1] in CONNECTOR_MARKS:
            pos -= 1
            continue
        word_start = pos
        while word_start > max(start, pos - LONGEST_CONNECTOR - 1) and _is_word_char(
            text[word_start - 1]
        ):
            word_start -= 1
        bounded = word_start == 0 or not _is_word_char(text[word_start - 1])
        if not bounded or text[word_start:pos] not in SEQUENTIAL_WORDS:
            break
        pos = word_start
    return pos


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _complete(text: str, lo: int, claim: Candidate, claims: list) -> Candidate | None:
    """Give a claim with nothing after its cue the clause before its source."""
    after = words(text, claim.start, claim.end)
    if after and not (len(after) <= 7 and after[0][2] in ADVERBIAL):
        return claim
    cue = text[claim.cue_start : claim.cue_end].lower()
    if cue.endswith("ing") or (cue in NOUN_LIKE and cue not in TRAILING_CUES):
        return None
    comma = rfind_comma(text, lo, claim.source_start)
    index = claims.index(claim)
    floor = claims[index - 1].end if index else lo
    if comma <= floor or not clause_like(text, words(text, floor, comma)):
        return None
    start = floor if floor == lo else comma_after(text, floor, comma)
    claim.start, claim.end, claim.pattern = start, comma, "trailing"
    return claim


def clause_like(text: str, found: list) -> bool:
    """Tell whether words before `, X said` can be a content, not "On Twitter" or a name."""
    if len(found) < 2 or all(text[s].isupper() for s, _, _ in found):
        return False
    return len(found) > 5 or found[0][2] not in INTRODUCTORY


def comma_after(text: str, floor: int, comma: int) -> int:
    """Return the start of the words after `floor` (skipping spaces and punctuation)."""
    found = words(text, floor, comma)
    return found[0][0] if found else floor


def extend_cue(text: str, stop: int, word: str) -> int:
    """Extend a cue over its particle: `pointed out`, `called for`."""
    if word in PARTICLE_CUES:
        match = PARTICLES.match(text, stop)
        if match:
            return match.end()
    if word in PHRASE_HEADS:
        match = PHRASE_TAILS.match(text, stop)
        if match:
            return match.end()
    return stop


def content_start(text: str, cue_end: int, end: int, word: str) -> int:
    """Return where the content starts after a cue (skips addressee and lead-in)."""
    pos = cue_end
    if word in STANCE_ADJECTIVES:
        match = ADJECTIVE_LINK.match(text, pos, end)
        pos = match.end() if match else pos
    if word in ADDRESSEE_VERBS:
        match = OBJECT.match(text, pos, end)
        if match:
            pos = match.end()
    match = LEAD_IN.match(text, pos, end) or DAY_LEAD.match(text, pos, end)
    if match:
        pos = match.end()
    while pos < end and (text[pos].isspace() or text[pos] in ",:"):
        pos += 1
    return pos
