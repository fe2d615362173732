"""Subject-cue attributions inside one sentence: `X said (that) ...`, several per sentence."""

import re
from collections.abc import Callable

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import (
    ADDRESSEE_VERBS,
    AUXILIARIES,
    BE_FORMS,
    CUE_FORMS,
    DETERMINERS,
    NOUN_LIKE,
    PRONOUNS,
    STANCE_ADJECTIVES,
    inflect,
)
from verify.extraction.phrases import sentence_subject, source_before, words

Masked = Callable[[int], bool]
LEAD_IN = re.compile(
    r"(?:\s+(?:in|on|at|during|to|via|from|after|before|last|this|earlier|late|"
    r"early|[A-Z][a-z]+day)\b[^,;:.\"“”]{0,60}?)?\s+(?=that\b)"
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
TALK_FORMS = set(inflect("talk") + inflect("speak") + inflect("point"))
ADD_FORMS = set(inflect("add"))
HEADLINE_CUES = set(
    inflect("say")
    + inflect("claim")
    + inflect("warn")
    + inflect("tell")
    + inflect("urge")
    + inflect("admit")
    + inflect("deny")
    + inflect("vow")
    + inflect("slam")
    + inflect("blast")
    + inflect("call")
    + inflect("ask")
    + inflect("reveal")
)
PHRASE_HEADS = set(inflect("make") + inflect("take") + inflect("weigh") + ("went", "goes", "go"))
PHRASE_TAILS = re.compile(
    r"\s+(?:(?:it\s+)?clear|the\s+case(?:\s+for)?|aim\s+at|issue\s+with|in(?:\s+on)?|"
    r"on\s+to\s+(?:say|argue|claim|note|suggest|call)|the\s+position)\b"
)
ADJECTIVE_LINK = re.compile(r"\s+(?:about|of|with|on|in)\b")
PARTICIPLES_ONLY = {"seen", "shown", "known", "written", "sworn", "understood"}
PERFECT = {"has", "have", "had", "having"}
BE = {"is", "are", "was", "were", "be", "been", "being"}
SEQUENTIAL_WORDS = {"and", "but", "while", "although", "though", "as", "when", "yet", "then"}
CONNECTOR_TAIL = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|but|while|although|though|as|when|yet|then)\b)+$"
)


def subject_cue(text: str, lo: int, end: int, masked: Masked) -> list[Candidate]:
    """Return every non-nested `SOURCE CUE CONTENT` attribution of a sentence."""
    claims: list[Candidate] = []
    for start, stop, word in _cue_words(text, lo, end, masked):
        if claims and start < claims[-1].start:
            continue
        source = _elliptical(text, lo, start, claims) or source_before(text, lo, start)
        if source is None and not claims and _opens_clause(text, lo, start, word):
            source = sentence_subject(text, lo, start)
        if source is None or (claims and not _sequential(text, claims[-1], source[0])):
            continue
        if claims:
            claims[-1].end = _trim(text, claims[-1].start, min(source[0], start), claims[-1].end)
        cue_end = _cue_end(text, stop, word)
        begin = content_start(text, cue_end, end, word)
        claims.append(Candidate(begin, end, start, cue_end, "subject_cue", *source))
    return [c for c in (_complete(text, lo, c, claims) for c in claims) if c is not None]


def _cue_words(text: str, lo: int, end: int, masked: Masked):
    """Yield (start, end, word) for cue words that read as verbs."""
    found = words(text, lo, end)
    headline = is_title_case(text, found)
    for index, (start, stop, word) in enumerate(found):
        if masked(start):
            continue
        if headline and word in HEADLINE_CUES and text[start].isupper() and index:
            yield start, stop, word
        elif word in STANCE_ADJECTIVES and _after_be(found, index):
            yield start, stop, word
        elif word in CUE_FORMS and is_verb_use(text, found, index):
            yield start, stop, word
        elif word in PHRASE_HEADS and PHRASE_TAILS.match(text, stop) and text[start].islower():
            yield start, stop, word


def is_title_case(text: str, found: list) -> bool:
    """Tell whether most words of a line are capitalised, as in a headline."""
    if len(found) < 4:
        return False
    capitalised = sum(1 for start, _, _ in found if text[start].isupper())
    return capitalised >= 0.7 * len(found)


def is_verb_use(text: str, found: list, index: int) -> bool:
    """Tell whether the cue word at `index` of `found` reads as a verb here."""
    start, _, word = found[index]
    previous = found[index - 1] if index else None
    following = found[index + 1][2] if index + 1 < len(found) else ""
    if not text[start].islower() or (previous and previous[2] in DETERMINERS | {"to"}):
        return False
    if previous and previous[2].endswith(("'s", "’s")):
        return False
    if word in NOUN_LIKE and not _verb_context(text, previous):
        return False
    if word in PARTICIPLES_ONLY and (previous is None or previous[2] not in PERFECT):
        return False
    if word in TALK_FORMS and following not in {"about", "of", "out"}:
        if not (following == "to" and word.startswith("point")):
            return False
    if following == "to" and word in ADD_FORMS:
        return False
    return not (previous and previous[2] in BE and following in {"to", "that"})


def _after_be(found: list, index: int) -> bool:
    """Tell whether the word at `index` follows a form of "be" (adverbs allowed)."""
    for _, _, word in reversed(found[max(0, index - 3) : index]):
        if word in BE_FORMS:
            return True
        if word not in AUXILIARIES:
            return False
    return False


def _verb_context(text: str, previous: tuple | None) -> bool:
    """Tell whether a noun-like cue follows a likely subject (pronoun, name, plural)."""
    if previous is None:
        return False
    word = previous[2]
    return (
        text[previous[0]].isupper()
        or word in PRONOUNS
        or word in AUXILIARIES
        or (word.endswith("s") and not word.endswith("ss"))
    )


def _opens_clause(text: str, lo: int, start: int, word: str) -> bool:
    """Tell whether a participle cue opens a clause: `..., saying that ...`."""
    return word.endswith("ing") and text[lo:start].rstrip().endswith(",")


def _elliptical(text: str, lo: int, start: int, claims: list[Candidate]) -> tuple | None:
    """Reuse the previous source for `X said A and said B`."""
    before = words(text, lo, start)
    if not (claims and before and before[-1][0] > claims[-1].start):
        return None
    if before[-1][2] in {"and", "but", "then"}:
        return claims[-1].source_start, claims[-1].source_end
    return None


def _sequential(text: str, previous: Candidate, source_start: int) -> bool:
    """Tell whether a source starts a new clause rather than nested content."""
    if source_start == previous.source_start:
        return True
    if source_start < previous.start:
        return False
    before = text[previous.start : source_start].rstrip()
    if not before:
        return False
    if before[-1] in ",;:—–(":
        return True
    last = words(text, previous.start, source_start)
    return bool(last) and last[-1][2] in SEQUENTIAL_WORDS


def _trim(text: str, start: int, end: int, current: int) -> int:
    """Cut a content before the next clause's connectors (", and")."""
    if end <= start:
        return current
    match = CONNECTOR_TAIL.search(text, start, end)
    return match.start() if match else end


def _complete(text: str, lo: int, claim: Candidate, claims: list) -> Candidate | None:
    """Give a claim with nothing after its cue the clause before its source."""
    after = words(text, claim.start, claim.end)
    if after and not (len(after) <= 7 and after[0][2] in ADVERBIAL):
        return claim
    comma = text.rfind(",", lo, claim.source_start)
    index = claims.index(claim)
    floor = claims[index - 1].end if index else lo
    if comma <= floor or len(words(text, floor, comma)) < 2:
        return None
    start = floor if floor == lo else comma_after(text, floor, comma)
    claim.start, claim.end, claim.pattern = start, comma, "trailing"
    return claim


def comma_after(text: str, floor: int, comma: int) -> int:
    """Return the start of the words after `floor` (skipping spaces and punctuation)."""
    found = words(text, floor, comma)
    return found[0][0] if found else floor


def _cue_end(text: str, stop: int, word: str) -> int:
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
    match = LEAD_IN.match(text, pos, end)
    if match:
        pos = match.end()
    while pos < end and (text[pos].isspace() or text[pos] in ",:"):
        pos += 1
    return pos
