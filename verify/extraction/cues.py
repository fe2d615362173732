"""Cue words: which words of a sentence act as verbs of saying, thinking or stance."""

import re
from collections.abc import Callable

from verify.extraction.lexicon import (
    AUXILIARIES,
    BE_FORMS,
    CUE_FORMS,
    DETERMINERS,
    FINITE_VERBS,
    MODIFIED_NOUNS,
    NOUN_LIKE,
    PRONOUNS,
    STANCE_ADJECTIVES,
    VIEW_FORMS,
    inflect,
)
from verify.extraction.tokens import find_comma, words

Masked = Callable[[int], bool]
TALK_FORMS = set(inflect("talk") + inflect("speak") + inflect("point"))
ADD_FORMS = set(inflect("add"))
PERCEPTION_FORMS = set(inflect("find") + inflect("see"))
# A study "finds" and a poll "shows": these subjects make perception verbs attributive.
STUDY_NOUNS = set(
    """
poll polls survey surveys study studies report reports analysis review audit
investigation inquiry research researchers data figures census document documents
email emails memo letter record records filing filings video footage results ad
statement release website polling paper article book memoir
""".split()
)
# Forms that are far more often something else in news copy ("votes", "an order", "the
# states") or an act rather than a statement ("sponsored", "interrupted").
WEAK_FORMS = set(
    """
voting votes nominating figure attack targeted tweet name sponsored interrupted advised
order report reversed
""".split()
)
# "It is clear that ..." says nothing about who holds the view.
EXPLETIVES = {"it", "this", "that", "there"}
# Cues only when a clause follows: "maintained that ...", not "maintained a lead".
THAT_ONLY = set(inflect("state")[:2] + inflect("maintain") + inflect("learn"))
# Acts rather than statements unless a that-clause follows: "opposed the bill", "ordered a
# strike", "asked whether ...", "declined to comment", "plans to run".
ACT_FORMS = {
    form
    for verb in """
oppose ask seek write vote press push order pass introduce declare attack hit target
respond decline plan unveil support dismiss answer veto rail compare question
""".split()
    for form in inflect(verb)
}
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
PARTICIPLES_ONLY = {"seen", "shown", "known", "written", "sworn", "understood"}
PERFECT = {"has", "have", "had", "having"}
BE = {"is", "are", "was", "were", "be", "been", "being"}
# "no guarantee", "to plan": a cue-like word after these is a noun or an infinitive.
NOUN_DETERMINERS = DETERMINERS | {"to", "no"}
# After a preposition a cue word is a noun ("By contrast", "in response"), unless a gerund.
PREPOSITIONS = set("by in of for with without on at from into upon under".split())
# "The same cannot be said of ...": a passive of saying with its topic, nobody speaking.
SAID_OF = {"said", "written", "spoken"}


def cue_words(text: str, lo: int, end: int, masked: Masked):
    """Yield (start, end, word) for cue words that read as verbs."""
    found = words(text, lo, end)
    headline = is_title_case(text, found)
    for index, (start, stop, word) in enumerate(found):
        if masked(start):
            continue
        if headline and text[start].isupper() and index and _headline_verb(word):
            yield start, stop, word
        elif (
            word in STANCE_ADJECTIVES
            and _after_be(found, index)
            and not _agent_follows(found, index)
        ):
            yield start, stop, word
        elif word in CUE_FORMS and is_verb_use(text, found, index):
            if word not in ACT_FORMS or _clause_follows(found, index):
                yield start, stop, word
        elif word in PHRASE_HEADS and PHRASE_TAILS.match(text, stop) and text[start].islower():
            yield start, stop, word


def _agent_follows(found: list, index: int) -> bool:
    """Tell whether "by" follows: "was opposed by MPs" is a passive, not a stance."""
    return index + 1 < len(found) and found[index + 1][2] == "by"


def _clause_follows(found: list, index: int) -> bool:
    """Tell whether a that-clause follows an act verb: "announced that ..."."""
    return index + 1 < len(found) and found[index + 1][2] == "that"


def _headline_verb(word: str) -> bool:
    """Tell whether a capitalised headline word is a cue verb ("Endorses", "Slams")."""
    if word in HEADLINE_CUES:
        return True
    return word in CUE_FORMS and word.endswith(("s", "ed")) and not word.endswith("ss")


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
    if not text[start].islower() or (previous and previous[2] in NOUN_DETERMINERS):
        return False
    if previous and previous[2].endswith(("'s", "’s")):
        return False
    if previous and previous[2] in PREPOSITIONS and not word.endswith("ing"):
        return False
    if word in NOUN_LIKE and _noun_use(text, previous, following):
        return False
    if word in PARTICIPLES_ONLY and (previous is None or previous[2] not in PERFECT):
        return False
    if _needs_particle(word, following) or word in WEAK_FORMS or following in MODIFIED_NOUNS:
        return False
    if word in THAT_ONLY and following != "that":
        return False
    if word in PERCEPTION_FORMS and not _attributive_perception(text, found, index):
        return False
    passive = previous and previous[2] in BE and not word.endswith("ing")
    return not (passive and _passive_without_speaker(word, following))


def _noun_use(text: str, previous: tuple | None, following: str) -> bool:
    """Tell whether a noun-like cue is a noun: "the Treasury note has risen", "estimates of"."""
    if following in FINITE_VERBS or following == "of":
        return True
    return not (_verb_context(text, previous) or following == "that")


def _passive_without_speaker(word: str, following: str) -> bool:
    """Tell whether a passive cue leaves its speaker out of this cue."""
    if word in SAID_OF and following in {"of", "about"}:
        return True  # "cannot be said of ..."
    if following == "by" and word not in VIEW_FORMS:
        return True  # "opposed by MPs who said ...": the agent's own cue comes later
    return following in {"to", "that"}


def _needs_particle(word: str, following: str) -> bool:
    """Tell whether a cue lacks the particle it needs: `talk about`, not `added to`."""
    if word in TALK_FORMS and following not in {"about", "of", "out"}:
        return not (following == "to" and word.startswith("point"))
    return following == "to" and word in ADD_FORMS


def _attributive_perception(text: str, found: list, index: int) -> bool:
    """Tell whether find/see report a finding or a view, not what someone came across."""
    if index and found[index - 1][2] in STUDY_NOUNS:
        return True
    following = [w for _, _, w in found[index + 1 : index + 7]]
    if following[:1] == ["that"]:
        return True
    stop = find_comma(text, found[index][1], found[min(len(found), index + 7) - 1][1])
    near = following if stop < 0 else [w for s, _, w in found[index + 1 : index + 7] if s < stop]
    return "as" in near or "be" in near[1:3]


def _after_be(found: list, index: int) -> bool:
    """Tell whether the word at `index` follows a form of "be" (adverbs allowed)."""
    for offset in range(index - 1, max(-1, index - 4), -1):
        word = found[offset][2]
        if word in BE_FORMS:
            return offset == 0 or found[offset - 1][2] not in EXPLETIVES
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
        or word in STUDY_NOUNS
        or word == "that"
        or (word.endswith("s") and not word.endswith("ss"))
    )
