"""Passive cues: `X was described as Y by Z` is Z's claim about X, or nobody's."""

import re

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import AUXILIARIES, STANCE_ADJECTIVES, STANCE_FORMS
from verify.extraction.lexicon import VIEW_FORMS as LEXICON_VIEW_FORMS
from verify.extraction.tokens import trimmed_end, words

BE_FORMS = set("is are was were be been being".split())
# Views keep their holder as the subject ("He is believed ..."), handled as hedges.
VIEW_FORMS = LEXICON_VIEW_FORMS | {"known"}
AGENT = re.compile(r"\bby\s+(?P<agent>[^,;:.()—–\"“”]{2,80})")
MAX_AGENT_WORDS = 8
ACT_PARTICIPLES = set("named appointed nominated elected signed sponsored voted".split())
# "She was called after her grandmother": without an agent, naming rather than speech.
NAMING_PARTICIPLES = set("called dubbed nicknamed titled".split())
AGENT_ENDS = set("for with in on at after as because when who which that and".split())


def recast_passive(text: str, claim: Candidate) -> Candidate | None:
    """Give `X has been described as Y (by Z)` its agent as source and X inside its content."""
    if claim.pattern != "subject_cue" or not _is_passive(text, claim):
        return claim
    if text[claim.cue_start : claim.cue_end].lower() in ACT_PARTICIPLES:
        return None  # "were named best actors", "was signed into law": acts, not speech
    agent = AGENT.search(text, claim.cue_end, claim.end)
    if agent is None and text[claim.cue_start : claim.cue_end].lower() in NAMING_PARTICIPLES:
        return None
    claim.start = claim.source_start
    span = _agent_span(text, agent) if agent else None
    if span:
        claim.source_start, claim.source_end = span
        claim.end = trimmed_end(text, agent.start(), lo=claim.start)
        return claim
    claim.source_start = claim.source_end = None
    claim.kind = "unattributed"
    return claim


def _agent_span(text: str, agent: re.Match) -> tuple[int, int] | None:
    """Return the noun phrase of "by fellow doctors for ..."; None for "by taking"."""
    found = words(text, *agent.span("agent"))
    if not found or found[0][2].endswith("ing"):
        return None
    kept = []
    for word in found[:MAX_AGENT_WORDS]:
        if word[2] in AGENT_ENDS:
            break
        kept.append(word)
    return (kept[0][0], kept[-1][1]) if kept else None


def _is_passive(text: str, claim: Candidate) -> bool:
    """Tell whether the cue is a past participle after a form of "be"."""
    cue = text[claim.cue_start : claim.cue_end].lower()
    if not cue.endswith("ed") or cue in VIEW_FORMS or not claim.has_source:
        return False
    if cue in STANCE_ADJECTIVES or cue in STANCE_FORMS:
        return False  # "She is determined to run", "they were worried that": the subject holds it
    before = words(text, claim.source_end, claim.cue_start)
    while before and before[-1][2] in AUXILIARIES - BE_FORMS:
        before.pop()
    return bool(before) and before[-1][2] in BE_FORMS
