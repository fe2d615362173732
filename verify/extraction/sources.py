"""Source names: cleaning, resolution of pronouns and descriptions, kind and key.

`source_key` rule: lower-case, unify apostrophes, drop determiners, a leading
possessive qualifier ("Ukraine's") and any "of ..." tail; an organisation (a phrase
with a word such as "staff", "ministry", "forces") keys on what is left, a person's
name keys on its last word after dropping titles ("President Volodymyr Zelensky"
and "Zelensky" -> "zelensky").
"""

import functools
import re
import unicodedata

from verify.extraction.acronyms import acronym_source, introduced_acronyms
from verify.extraction.antecedents import People, antecedent, group_antecedent, merged_spans
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
from verify.extraction.pronouns import first_name, names_a_thing
from verify.extraction.roles import (
    described_person,
    document_author,
    named_appositive,
    named_before,
    without_time,
)

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "it", "its", "their", "who", "which", "that"}
DOCUMENT_NOUNS = set(
    "statement report announcement post message release letter affidavit complaint filing".split()
)
GROUP_KINDS = ("official", "media", "social_media")
MAX_DESCRIBED = 300
LINKS = set("at of for from in with on by".split())
APPOSITIVE = re.compile(r",\s|\s[—–]\s")
LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
INDEFINITE = {"a", "an", "one", "some", "several", "two", "three", "many", "other", "another"}
POSSESSIVE_OWNER = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})['’]s\s")
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
RELATIVE_OPENER = re.compile(r"^(?:which|that|who)\s+(?=\w)", re.IGNORECASE)
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


class _Article:
    """What resolution reads of an article besides the claim at hand."""

    def __init__(self, text: str, claims: list[Candidate]):
        self.text = text
        self.people = People(text, _full_name)
        self.contents = merged_spans([(c.start, c.end) for c in claims])
        self.history: list[tuple[str, str]] = []
        self.speakers: list[tuple[int, str]] = []
        self.groups: list[int] = []
        self.documents: dict[str, tuple[str, str]] = {}
        self._acronyms: dict[str, str] | None = None

    @property
    def acronyms(self) -> dict[str, str]:
        if self._acronyms is None:
            self._acronyms = introduced_acronyms(self.text)
        return self._acronyms

    def remember(self, claim: Candidate, name: str, kind: str) -> None:
        if name.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return
        self.history.append((name, kind))
        if kind in GROUP_KINDS:
            self.groups.append(claim.source_start)
        person = _full_name(name.split())
        if person:
            self.speakers.append((claim.source_start, " ".join(person)))


def resolve_sources(text: str, claims: list[Candidate], deadline: float | None = None) -> None:
    """Fill `source` and `source_kind` of every claim, in text order."""
    article = _Article(text, claims)
    for claim in checked(claims, deadline):
        if not claim.has_source:
            claim.source, claim.source_kind, claim.kind = None, "unattributed", "unattributed"
            continue
        raw = text[claim.source_start : claim.source_end]
        name, kind = _resolve(raw, claim, article)
        claim.source, claim.source_kind = name, kind
        article.remember(claim, name, kind)


def _resolve(raw: str, claim: Candidate, article: _Article) -> tuple[str, str]:
    """Return (name, kind) for the words `raw` that name the source."""
    text, history = article.text, article.history
    lowered = RELATIVE_OPENER.sub("", raw).lower()
    if lowered in PERSON_PRONOUNS | GROUP_PRONOUNS or _head(lowered) in DOCUMENT_NOUNS:
        return _resolve_pronoun(raw, lowered, claim, article)
    named = None
    if raw[:1].islower():
        named = named_before(text, claim.source_start, claim.source_end, claim.cue_start)
    if named and _named_entity(named.split()):
        return named, source_kind(named)
    # Each look-up reads 3,000 characters back; past this many sources, stop looking.
    described = None
    if len(history) < MAX_DESCRIBED:
        described = described_person(text, raw, claim.source_start, _is_person_name, article.people)
    if described:
        return described, source_kind(raw)
    name = clean_name(raw)
    spelled = acronym_source(name, article.acronyms) if ACRONYM.search(name) else None
    if spelled:
        return spelled, source_kind(spelled)
    if name.lower() in TITLES:
        return _titled_person(text, name) or name, source_kind(raw)
    return name, source_kind(raw)


def _resolve_pronoun(raw: str, lowered: str, claim: Candidate, article: _Article) -> tuple:
    """Return (name, kind) for a pronoun or a document ("the statement") as the source."""
    text, history, pos = article.text, article.history, claim.source_start
    if lowered in PERSON_PRONOUNS:
        found = antecedent(text, pos, lowered, article.people, article.contents, article.speakers)
        return (found, source_kind(found)) if found else _latest_person(history, raw)
    if lowered in {"who", "which", "that"}:
        return _relative_antecedent(text, pos) or _latest(history, None, raw)
    if lowered in {"they", "their"}:
        group = group_antecedent(text, pos, article.contents)
        if group and group[0] > max(article.groups, default=-1):
            return clean_name(group[1]), source_kind(group[1])
    if _head(lowered) in DOCUMENT_NOUNS:
        return _document_author(raw, pos, article)
    return _latest(history, GROUP_KINDS, raw)


def _document_author(raw: str, pos: int, article: _Article) -> tuple[str, str]:
    """Return who issued "the affidavit": its owner, its "from"/"by", else the last organisation."""
    head = _head(raw)
    owner = POSSESSIVE_OWNER.search(raw)
    author = owner.group(1) if owner else document_author(article.text, head, pos)
    if author:
        return author, source_kind(author)
    if head in article.documents:
        return article.documents[head]
    for name, kind in reversed(article.history):
        if kind in GROUP_KINDS or _proper_organisation(name.split()):
            article.documents[head] = (name, kind)
            return name, kind
    return raw, source_kind(raw)


def _proper_organisation(tokens: list[str]) -> bool:
    """Tell whether a name is an organisation's proper name ("Customs and Border Protection")."""
    return (
        not _is_person_name(tokens)
        and tokens[0][:1].isupper()
        and all(t[:1].isupper() or t in LINKS | {"and"} for t in tokens)
    )


def _named_entity(tokens: list[str]) -> bool:
    """Tell whether a run of two or more words names a person or an organisation."""
    return len(tokens) >= 2 and (
        _full_name(tokens) is not None
        or any(_bare(t) in ORG_WORDS for t in tokens)
        or sum(t[:1].isupper() for t in tokens) >= 2
    )


def _full_name(tokens: list[str]) -> list[str] | None:
    """Return the person's name that ends a capitalised run, without titles, or None."""
    name = _cached_full_name(" ".join(tokens))
    return list(name) if name else None


@functools.lru_cache(maxsize=4096)
def _cached_full_name(run: str) -> tuple[str, ...] | None:
    tokens = run.split()
    cut = max((i + 1 for i, t in enumerate(tokens) if _bare(t) in ORG_WORDS | TITLES), default=0)
    tokens = tokens[cut:] if len(tokens) - cut >= 2 else tokens
    name = [t for t in clean_name(" ".join(tokens)).split() if t not in PARTICLES]
    if any(_bare(t) in NOT_NAME_WORDS for t in name):
        return None
    return tuple(name) if _is_person_name(name) and not names_a_thing(name) else None


def _latest(history: list, kinds: tuple | None, raw: str) -> tuple[str, str]:
    """Return the latest named source of one of `kinds`, else the raw words."""
    for name, kind in reversed(history):
        if kinds is None or kind in kinds:
            return name, kind
    return raw, "unattributed" if raw.lower() in GROUP_PRONOUNS else source_kind(raw)


def _latest_person(history: list, raw: str) -> tuple[str, str]:
    """Return the latest source that is a person's name, else the pronoun itself."""
    for name, kind in reversed(history):
        if kind in ("person", "official") and any(t[:1].isupper() for t in name.split()):
            return name, kind
    return raw, "person"


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
    if not tokens or not all(t[:1].isupper() for t in tokens):
        return False
    # A first name makes "Michael Bloomberg" or "Tom Fox" a person despite the outlet's name.
    blocked = ORG_WORDS if first_name(tokens[0]) else NOT_PERSON_WORDS
    return not any(_bare(t) in blocked for t in tokens)


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
