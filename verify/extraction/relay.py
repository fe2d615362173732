"""A claim an outlet or a document only relays: the speaker inside it is the source.

"According to the Times, Ann Lee said the plant would close" and "Reuters reported that a
court filing said ..." are Ann Lee's and the filing's claims; the outlet passes them on.
"""

from verify.extraction.acronyms import FINDINGS
from verify.extraction.lexicon import AUXILIARIES, CUE_FORMS, NOUN_LIKE
from verify.extraction.phrases import looks_like_source
from verify.extraction.tokens import words

MAX_OPENING = 25
MAX_SUBJECT = 8
OPENERS = set("some many most several a an the".split())
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
LINKS = {"of", "for", "and", "the", "on", "de"}


def inner_speaker(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the span of the subject of a cue that opens text[start:end], or None."""
    found = words(text, start, end)[:MAX_OPENING]
    first = (
        1 if len(found) > 2 and (_leading_adverb(text, found[0]) or found[0][2] == "that") else 0
    )
    cue = next(
        (
            i
            for i in range(first + 1, len(found))
            if _cue_verb(text, found[i]) and not _noun_use(found, i)
        ),
        None,
    )
    if cue is None:
        return None
    subject = found[first:cue]
    while subject and subject[-1][2] in AUXILIARIES:
        subject = subject[:-1]
    relative = next((i for i, w in enumerate(subject) if w[2].startswith(("who", "which"))), None)
    subject = subject[:relative] if relative else subject
    if not subject or len(subject) > MAX_SUBJECT or not _names_speaker(text, subject):
        return None
    span = subject[0][0], subject[-1][1]
    if "," in text[span[0] : span[1]] or not looks_like_source(text, *span):
        return None
    return span


def _names_speaker(text: str, subject: list) -> bool:
    """Tell a name ("Brazil's National Institute") or a group ("some legislators") apart."""
    if subject[0][2] in OPENERS:
        head = subject[-1][2]
        return head in FINDINGS or (head.endswith("s") and not head.endswith("ss"))
    if subject[0][2] in PRONOUNS:
        return False
    return all(text[w[0]].isupper() or w[2] in LINKS for w in subject)


def _noun_use(found: list, index: int) -> bool:
    """Tell "some state officials" and "an HSB report said" from a verb use."""
    if found[index - 1][2] in OPENERS:
        return True
    following = found[index + 1][2] if index + 1 < len(found) else ""
    return found[index][2] in NOUN_LIKE and following in CUE_FORMS


def _leading_adverb(text: str, word: tuple[int, int, str]) -> bool:
    """Tell whether a claim opens with an adverb and a comma ("Privately, ...")."""
    return word[2].endswith("ly") and text[word[1] : word[1] + 1] == ","


def _cue_verb(text: str, word: tuple[int, int, str]) -> bool:
    return word[2] in CUE_FORMS and text[word[0]].islower()
