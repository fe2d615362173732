"""Who each claim's source is: pronouns, descriptions, documents and acronyms resolved.

Claims are read in text order; what earlier claims resolved to (their speakers, the
groups and organisations they name) is what later pronouns and descriptions lean on.
"""

import re

from verify.extraction.acronyms import FINDINGS, acronym_source, introduced_acronyms
from verify.extraction.antecedents import People, antecedent, group_antecedent, merged_spans
from verify.extraction.candidate import Candidate
from verify.extraction.deadline import checked
from verify.extraction.lexicon import TITLES
from verify.extraction.relay import inner_speaker
from verify.extraction.roles import described_person, document_author, named_before
from verify.extraction.sources import (
    LINKS,
    NAME_WORD,
    ORG_WORDS,
    bare,
    clean_name,
    full_name,
    is_person_name,
    source_kind,
)

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "it", "its", "their", "who", "which", "that"}
DOCUMENT_NOUNS = set(
    "statement report announcement post message release letter affidavit complaint filing".split()
)
GROUP_KINDS = ("official", "media", "social_media")
MAX_DESCRIBED = 300
POSSESSIVE_OWNER = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})['’]s\s")
BY_AUTHOR = re.compile(
    r"\b(?:by|from)\s++(?:the\s++)?([A-Z][\w.'’&-]*+(?:\s++(?:(?:of|and|for)\s++)?[A-Z][\w.'’&-]*+)*+)\s*+$"
)
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
RELATIVE_OPENER = re.compile(r"^(?:which|that|who)\s+(?=\w)", re.IGNORECASE)


class _Article:
    """What resolution reads of an article besides the claim at hand."""

    def __init__(self, text: str, claims: list[Candidate]):
        self.text = text
        self.people = People(text, full_name)
        self.contents = merged_spans([(c.start, c.end) for c in claims])
        self.history: list[tuple[str, str]] = []
        self.speakers: list[tuple[int, str]] = []
        self.groups: list[int] = []
        self.documents: dict[str, tuple[str, str]] = {}
        self._acronyms: dict[str, str] | None = None
        self._titled: dict[str, str | None] = {}

    def titled_person(self, title: str) -> str | None:
        """The name after a bare title elsewhere in the article, looked up once per title."""
        if title not in self._titled:
            self._titled[title] = _titled_person(self.text, title)
        return self._titled[title]

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
        person = full_name(name.split())
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
        if _relays(raw, claim):
            inner = inner_speaker(text, claim.start, claim.end)
            raw = text[inner[0] : inner[1]] if inner else raw
        name, kind = _resolve(raw, claim, article)
        claim.source, claim.source_kind = name, kind
        article.remember(claim, name, kind)


def _relays(raw: str, claim: Candidate) -> bool:
    """Tell whether a source only passes a claim on: "according to", an outlet, a document."""
    kind = source_kind(raw)
    return claim.pattern == "according_to" or kind == "media" or _head(raw) in DOCUMENT_NOUNS


def _resolve(raw: str, claim: Candidate, article: _Article) -> tuple[str, str]:
    """Return (name, kind) for the words `raw` that name the source."""
    text, history = article.text, article.history
    lowered = RELATIVE_OPENER.sub("", raw).lower()
    if lowered in PERSON_PRONOUNS | GROUP_PRONOUNS or _head(lowered) in DOCUMENT_NOUNS:
        return _resolve_pronoun(raw, lowered, claim, article)
    named = None
    if raw[:1].islower():
        named = _finding_author(raw) or named_before(
            text, claim.source_start, claim.source_end, claim.cue_start
        )
    if named and _named_entity(named.split()):
        return named, source_kind(named)
    # Each look-up reads 3,000 characters back; past this many sources, stop looking.
    described = None
    if len(history) < MAX_DESCRIBED:
        described = described_person(text, raw, claim.source_start, is_person_name, article.people)
    if described:
        return described, source_kind(raw)
    name = clean_name(raw)
    spelled = acronym_source(name, article.acronyms) if ACRONYM.search(name) else None
    if spelled:
        return spelled, source_kind(spelled)
    if name.lower() in TITLES:
        return article.titled_person(name) or name, source_kind(raw)
    return name, source_kind(raw)


def _finding_author(raw: str) -> str | None:
    """Return "Acme" in "a study released last month by Acme" or "an affidavit from Acme"."""
    match = BY_AUTHOR.search(raw)
    if match is None or not (FINDINGS | DOCUMENT_NOUNS) & set(raw[: match.start()].lower().split()):
        return None
    return match.group(1)


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
    spelled = acronym_source(raw, article.acronyms) if ACRONYM.search(raw) else None
    if spelled:
        return spelled, source_kind(spelled)
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
        not is_person_name(tokens)
        and tokens[0][:1].isupper()
        and all(t[:1].isupper() or t in LINKS | {"and"} for t in tokens)
    )


def _named_entity(tokens: list[str]) -> bool:
    """Tell whether a run of two or more words names a person or an organisation."""
    return len(tokens) >= 2 and (
        full_name(tokens) is not None
        or any(bare(t) in ORG_WORDS for t in tokens)
        or sum(t[:1].isupper() for t in tokens) >= 2
    )


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
    return " ".join(tokens) if is_person_name(tokens) else None


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
