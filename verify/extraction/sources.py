"""Source names: cleaning, telling people from organisations, kind and key.

`source_key` rule: lower-case, unify apostrophes, drop determiners, a leading
possessive qualifier ("Ukraine's") and any "of ..." tail; an organisation (a phrase
with a word such as "staff", "ministry", "forces") keys on what is left, a person's
name keys on its last word after dropping titles ("President Volodymyr Zelensky"
and "Zelensky" -> "zelensky").
"""

import functools
import re
import unicodedata

from verify.extraction.lexicon import (
    ANONYMOUS_HEADS,
    MEDIA_WORDS,
    OFFICIAL_WORDS,
    ORG_NOUNS,
    SOCIAL_WORDS,
    TITLE_PREFIXES,
    TITLES,
)
from verify.extraction.name_parts import without_time
from verify.extraction.pronouns import first_name, names_a_thing
from verify.extraction.roles import named_appositive

LINKS = set("at of for from in with on by".split())
APPOSITIVE = re.compile(r",\s|\s[—–]\s")
LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
INDEFINITE = {"a", "an", "one", "some", "several", "two", "three", "many", "other", "another"}
NAME_WORD = re.compile(r"[\w.'’-]+")
RELATIVE_CLAUSE = re.compile(
    r",?\s+(?:who|that|which|[a-z]+ing(?=\s+(?:to|for|with|on|in|at|from|about|as)\b))\s+"
)
ANONYMITY = re.compile(
    r"\b(?:anonymity|anonymously|not\s+(?:to\s+)?be\s+(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to\s+(?:speak|comment|discuss))\b",
    re.IGNORECASE,
)

ORG_WORDS = ORG_NOUNS | {"organization", "organisation", "inc", "corp", "co", "ltd", "llc"}
NOT_PERSON_WORDS = ORG_WORDS | MEDIA_WORDS | SOCIAL_WORDS
PARTICLES = set("van von de da del della der den di du dos la le bin al ibn".split())
# Words that end a person's name: "The Amazon Is on Fire" names no one.
NOT_NAME_WORDS = set("is are was were has have had will would says said the of and or".split())


def full_name(tokens: list[str]) -> list[str] | None:
    """Return the person's name that ends a capitalised run, without titles, or None."""
    name = _cached_full_name(" ".join(tokens))
    return list(name) if name else None


@functools.lru_cache(maxsize=4096)
def _cached_full_name(run: str) -> tuple[str, ...] | None:
    tokens = run.split()
    cut = max((i + 1 for i, t in enumerate(tokens) if bare(t) in ORG_WORDS | TITLES), default=0)
    tokens = tokens[cut:] if len(tokens) - cut >= 2 else tokens
    name = [t for t in clean_name(" ".join(tokens)).split() if t not in PARTICLES]
    if any(bare(t) in NOT_NAME_WORDS for t in name):
        return None
    return tuple(name) if is_person_name(name) and not names_a_thing(name) else None


def clean_name(raw: str) -> str:
    """Drop a leading "the", an appositive, a time phrase and, before a person's name, titles."""
    tokens = _lowercase_role_dropped(bare_name(raw).split())
    if is_person_name(tokens):
        while len(tokens) > 2 and _is_title(tokens[0]):
            tokens = tokens[1:]
        if len(tokens) == 2 and _is_title(tokens[0]):
            tokens = tokens[1:]
    return " ".join(tokens)


def bare_name(raw: str) -> str:
    """Drop a time phrase, an appositive and a leading "the" ("the Acme Corp., a retailer")."""
    name = without_time(raw.strip())
    if raw[:1].isupper():
        parts = APPOSITIVE.split(name)
        name = named_appositive(parts, is_person_name) or parts[0]
    return LEADING_ARTICLE.sub("", name)


def _lowercase_role_dropped(tokens: list[str]) -> list[str]:
    """Drop a lower-case role before a name: "union secretary Tomas Brandt" -> "Tomas Brandt"."""
    first = next((i for i, t in enumerate(tokens) if t[:1].isupper()), len(tokens))
    if any(t.lower() in LINKS for t in tokens[:first]):
        return tokens  # "researchers at St. Brendan's" names the researchers
    if 0 < first <= 3 and len(tokens) - first >= 2 and is_person_name(tokens[first:]):
        return tokens[first:]
    return tokens


def _is_title(token: str) -> bool:
    """Tell whether a token is a title such as "President" or "U.S."."""
    return token.lower().strip(".") in TITLES or bool(TITLE_PREFIXES.match(token + " "))


def is_person_name(tokens: list[str]) -> bool:
    """Tell whether capitalised tokens name a person rather than an organisation."""
    if not tokens or not all(t[:1].isupper() for t in tokens):
        return False
    # A first name makes "Tom Reuters" or "Ann Fox" a person despite the outlet's name.
    blocked = ORG_WORDS if first_name(tokens[0]) else NOT_PERSON_WORDS
    return not any(bare(t) in blocked for t in tokens)


def bare(token: str) -> str:
    """Return a token lower-cased without its possessive and punctuation."""
    return token.lower().strip(".,").removesuffix("'s").removesuffix("’s")


def source_kind(name: str) -> str:
    """Classify a source: official, person, media, social_media or anonymous."""
    if ANONYMITY.search(name):
        return "anonymous"
    head = RELATIVE_CLAUSE.split(name, maxsplit=1)[0]
    found = [bare(w) for w in NAME_WORD.findall(head)]
    if not found:
        return "unattributed"
    if any(w in SOCIAL_WORDS for w in found):
        return "social_media"
    if found[-1] in ANONYMOUS_HEADS and (found[0] in INDEFINITE or head.islower()):
        return "anonymous"
    if any(w in MEDIA_WORDS for w in found):
        return "media"
    if any(w in OFFICIAL_WORDS or w in TITLES for w in found):
        return "official"
    return "person"


def source_key(name: str) -> str:
    """Return the key under which all mentions of one source are grouped."""
    text = unicodedata.normalize("NFKC", name or "").replace("’", "'").strip()
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?'s?\s+", "", text)
    text = re.sub(r"\s+of\s+.*$", "", text)
    tokens = text.split()
    if not tokens:
        return ""
    if is_person_name(tokens):
        return tokens[-1].lower().strip(".,")
    return " ".join(t.lower() for t in tokens)
