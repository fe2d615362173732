"""Claims that assert nothing: negated or open speech, passives and one-word answers."""

import re

from verify.extraction.candidate import Candidate
from verify.extraction.complements import states_something
from verify.extraction.lexicon import VIEW_FORMS
from verify.extraction.tokens import words

# "No one knows", "no group claimed responsibility", "Nobody said".
NO_ONE = re.compile(r"(?:[Nn]o|[Nn]obody|[Nn]one|[Nn]either)\b")
# "did not say why", "won't say whether": the content is what was left unsaid.
NEGATION = re.compile(r"(?:\bnot|n[’']t|\bnever)\s*$")
OPEN_CONTENT = re.compile(r"(?:why|whether|if|how|when|where|what|who|which)\b", re.IGNORECASE)
KNOW_FORMS = {"know", "knows", "knew", "known"}
ASK_FORMS = {"ask", "asks", "asked", "asking"}
# "endorsed by the club", "described as fragile by": the subject did not speak.
# Views keep their holder in the by-phrase: "is regarded by experts as ...".
PASSIVE_BY = re.compile(r"\s+by\b")


def asserts(text: str, claim: Candidate) -> bool:
    """Tell whether a claim reports something asserted, not withheld or negated."""
    if claim.has_source and NO_ONE.match(text, claim.source_start):
        return False
    if not states_something(text, claim) or _asks(text, claim):
        return False
    if len(words(text, claim.start, claim.end)) < 2:
        return False  # a one-word answer ("Probably," he said; "We think not") states nothing
    before = text[max(0, claim.cue_start - 12) : claim.cue_start]
    cue = text[claim.cue_start : claim.cue_end].lower()
    if NEGATION.search(before):
        if cue in KNOW_FORMS or OPEN_CONTENT.match(text, claim.start):
            return False
    # "called on by tribes": the first word of a phrasal cue carries the participle.
    verb = cue.split(" ", 1)[0]
    passive = claim.pattern == "subject_cue" and verb.endswith("ed") and cue not in VIEW_FORMS
    return not (passive and PASSIVE_BY.match(text, claim.cue_end))


def _asks(text: str, claim: Candidate) -> bool:
    """Tell whether a quote is a question put by its speaker: `"Are you sure?" she asked`."""
    cue = text[claim.cue_start : claim.cue_end].lower()
    if claim.kind != "direct_quote" or cue not in ASK_FORMS:
        return False
    return text[claim.start : claim.end].rstrip("”\"' ").endswith("?")
