"""Complements of cue verbs: a clause is a statement, a bare noun phrase is an act or a topic."""

import re

from verify.extraction.candidate import Candidate
from verify.extraction.lexicon import FINITE_VERBS, inflect
from verify.extraction.tokens import words

# Verbs that take a thing as often as a clause: "announced a plan", "requested help",
# "decided the case", "grumbled about the food". Only a clause after them is a statement.
OBJECT_VERBS = """
announce request decide conclude determine opine grumble complain champion pitch
sponsor rage bristle rant threaten point sign
""".split()
OBJECT_FORMS = {form for verb in OBJECT_VERBS for form in inflect(verb)}
# "reported explosions in the district" is news; "reported the theft to the police" an act.
REPORT_FORMS = set(inflect("report"))
HANDED_OVER = re.compile(
    r"[^,;:.\"“”]{0,80}?\bto\s+(?:the\s+)?(?:\w+\s+)?(?:police|authorities|officers)\b"
)
SUBJECT_PRONOUNS = set("he she they we i you there it".split())
# Words that open a clause or an infinitive right after the cue.
CLAUSE_OPENERS = {"that", "to"}
OPEN_WORDS = set("how whether what which who why when where".split())
# Irregular past forms are finite verbs the "-ed" test misses: "found the fund lost money".
IRREGULAR_PAST = set(
    """
lost won made took gave went came saw knew grew fell rose paid sold bought spent left kept
held led met ran got brought began became built sent stood fought caught meant felt broke
chose drove hid spoke stole wrote threw told said thought found
""".split()
)
CLAUSE_MARKERS = FINITE_VERBS | IRREGULAR_PAST | {"won't", "can't", "don't", "doesn't", "didn't"}
CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
SCANNED_WORDS = 12
# A relative clause or a second verb phrase ends the noun phrase that was the object.
PHRASE_ENDS = set("who which whose and but while".split())
DETERMINERS = set("a an the this that these those his her its their our my your no".split())


def states_something(text: str, claim: Candidate) -> bool:
    """Tell whether an object-taking cue introduces a clause rather than a thing."""
    cue = text[claim.cue_start : claim.cue_end].lower()
    if claim.pattern not in ("subject_cue", "participle"):
        return True
    if cue in REPORT_FORMS:
        return not HANDED_OVER.match(text, claim.start, claim.end)
    if cue.split(" ", 1)[0] not in OBJECT_FORMS:  # "pointed to", "talking about"
        return True
    stop = CLAUSE_BREAK.search(text, claim.start, claim.end)
    found = words(text, claim.start, stop.start() if stop else claim.end)[:SCANNED_WORDS]
    if not found:
        return True
    if found[0][2] in OPEN_WORDS:
        return False  # "determine how seats are shared": an open question, not a statement
    if found[0][2] in CLAUSE_OPENERS or (found[0][2] in SUBJECT_PRONOUNS and len(found) > 1):
        return True
    return _has_verb(found)


def _has_verb(found: list) -> bool:
    """Tell whether the words read as a clause: a finite verb before the noun phrase ends."""
    for index, (_, _, word) in enumerate(found):
        if word in PHRASE_ENDS or word.endswith("ing"):
            return False  # "concluded the hearing by asking ...": a gerund is no finite verb
        if word in CLAUSE_MARKERS or word.endswith("n't"):
            return True
        if index > 1 and word.endswith("ed") and found[index - 1][2] not in DETERMINERS:
            return True
    return False
