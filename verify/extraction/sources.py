"""Source names: cleaning, resolution of pronouns and descriptions, kind and key.

`source_key` rule: lower-case, unify apostrophes, drop determiners, a leading
possessive qualifier ("Ukraine's") and any "of ..." tail; an organisation (a phrase
with a word such as "staff", "ministry", "forces") keys on what is left, a person's
name keys on its last word after dropping titles ("President Volodymyr Zelensky"
and "Zelensky" -> "zelensky").
"""

import re
import unicodedata

from verify.extraction.candidate import Candidate
from verify.extraction.deadline import checked
from verify.extraction.lexicon import (
    ANONYMOUS_HEADS,
    MEDIA_WORDS,
    OFFICIAL_WORDS,
    ORG_NOUNS,
    SOCIAL_WORDS,
    TITLE_PREFIXES,
    TITLES,
)
from verify.extraction.pronouns import known_person, name_runs, names_a_thing, other_gender
from verify.extraction.roles import described_person, named_appositive, without_time

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "it", "its", "their", "who", "which", "that"}
DOCUMENT_NOUNS = {"statement", "report", "announcement", "post", "message", "release", "letter"}
MAX_DESCRIBED = 300
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

NOT_PERSON_WORDS = ORG_NOUNS | MEDIA_WORDS | SOCIAL_WORDS


def resolve_sources(text: str, claims: list[Candidate], deadline: float | None = None) -> None:
    """Fill `source` and `source_kind` of every claim, in text order."""
    history: list[tuple[str, str]] = []
    for claim in checked(claims, deadline):
        if not claim.has_source:
            claim.source, claim.source_kind, claim.kind = None, "unattributed", "unattributed"
            continue
        raw = text[claim.source_start : claim.source_end]
        name, kind = _resolve(raw, text, claim, history)
        claim.source, claim.source_kind = name, kind
        if name.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            history.append((name, kind))


def _resolve(raw: str, text: str, claim: Candidate, history: list) -> tuple[str, str]:
    """Return (name, kind) for the words `raw` that name the source."""
    lowered = raw.lower()
    if lowered in PERSON_PRONOUNS:
        return _nearest_person(text, claim.source_start, history, lowered) or _latest(
            history, ("person", "official"), raw
        )
    if lowered in {"who", "which", "that"}:
        return _relative_antecedent(text, claim.source_start) or _latest(history, None, raw)
    if lowered in GROUP_PRONOUNS or _head(lowered) in DOCUMENT_NOUNS:
        return _latest(history, ("official", "media", "social_media"), raw)
    # Each look-up reads 3,000 characters back; past this many sources, stop looking.
    described = None
    if len(history) < MAX_DESCRIBED:
        described = described_person(text, raw, claim.source_start, _is_person_name)
    if described:
        return described, source_kind(raw)
    name = clean_name(raw)
    if name.lower() in TITLES:
        return _titled_person(text, name) or name, source_kind(raw)
    return name, source_kind(raw)


def _latest(history: list, kinds: tuple | None, raw: str) -> tuple[str, str]:
    """Return the latest named source of one of `kinds`, else the raw words."""
    for name, kind in reversed(history):
        if kinds is None or kind in kinds:
            return name, kind
    if raw.lower() in PERSON_PRONOUNS:
        return raw, "person"
    return raw, "unattributed" if raw.lower() in GROUP_PRONOUNS else source_kind(raw)


def _nearest_person(text: str, pos: int, history: list, pronoun: str) -> tuple[str, str] | None:
    """Return the last person's name written shortly before `pos`."""
    runs = [r for r in name_runs(text[max(0, pos - 400) : pos]) if not other_gender(pronoun, r)]
    known = known_person(runs, history)
    for run in [known] if known else runs:
        tokens = clean_name(" ".join(run)).split()
        if len(tokens) >= 2 and _is_person_name(tokens) and not names_a_thing(tokens):
            return " ".join(tokens), source_kind(" ".join(run))
    return None


def _titled_person(text: str, title: str) -> str | None:
    """Return the name that follows a bare title elsewhere ("Mayor" -> "Ana Ruiz")."""
    pattern = rf"\b{re.escape(title)}\s+((?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w.'’-]*)"
    match = re.search(pattern, text)
    if match is None:
        return None
    tokens = clean_name(match.group(1)).split()
    return " ".join(tokens) if _is_person_name(tokens) else None


def _relative_antecedent(text: str, pos: int) -> tuple[str, str] | None:
    """Return the noun phrase before `, who`."""
    before = text[max(0, pos - 80) : pos].rstrip()
    if not before.endswith(","):
        return None
    match = re.search(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*,$", before)
    if match is None:
        return None
    name = clean_name(match.group(1))
    return name, source_kind(name)


def _head(phrase: str) -> str:
    """Return the last word of a phrase."""
    found = NAME_WORD.findall(phrase)
    return found[-1].lower() if found else ""


def clean_name(raw: str) -> str:
    """Drop a leading "the", an appositive and, before a person's name, titles."""
    name = without_time(raw.strip())
    if raw[:1].isupper():
        parts = APPOSITIVE.split(name)
        name = named_appositive(parts, _is_person_name) or parts[0]
    name = LEADING_ARTICLE.sub("", name)
    tokens = _lowercase_role_dropped(name.split())
    if _is_person_name(tokens):
        while len(tokens) > 2 and _is_title(tokens[0]):
            tokens = tokens[1:]
        if len(tokens) == 2 and _is_title(tokens[0]):
            tokens = tokens[1:]
    return " ".join(tokens)


def _lowercase_role_dropped(tokens: list[str]) -> list[str]:
    """Drop a lower-case role before a name: "union secretary Tomas Brandt" -> "Tomas Brandt"."""
    first = next((i for i, t in enumerate(tokens) if t[:1].isupper()), len(tokens))
    if any(t.lower() in LINKS for t in tokens[:first]):
        return tokens  # "researchers at St. Brendan's" names the researchers
    if 0 < first <= 3 and len(tokens) - first >= 2 and _is_person_name(tokens[first:]):
        return tokens[first:]
    return tokens


def _is_title(token: str) -> bool:
    """Tell whether a token is a title such as "President" or "U.S."."""
    return token.lower().strip(".") in TITLES or bool(TITLE_PREFIXES.match(token + " "))


def _is_person_name(tokens: list[str]) -> bool:
    """Tell whether capitalised tokens name a person rather than an organisation."""
    return (
        bool(tokens)
        and all(t[:1].isupper() for t in tokens)
        and not any(_bare(t) in NOT_PERSON_WORDS for t in tokens)
    )


def _bare(token: str) -> str:
    """Return a token lower-cased without its possessive and punctuation."""
    return token.lower().strip(".,").removesuffix("'s").removesuffix("’s")


def source_kind(name: str) -> str:
    """Classify a source: official, person, media, social_media or anonymous."""
    if ANONYMITY.search(name):
        return "anonymous"
    head = RELATIVE_CLAUSE.split(name, maxsplit=1)[0]
    found = [_bare(w) for w in NAME_WORD.findall(head)]
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
    if _is_person_name(tokens):
        return tokens[-1].lower().strip(".,")
    return " ".join(t.lower() for t in tokens)
