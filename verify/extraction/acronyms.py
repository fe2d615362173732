"""Acronyms an article introduces ("Election Data Services (EDS)"), to name sources in full."""

import re

from verify.extraction.lexicon import TITLES
from verify.extraction.pronouns import first_name

INTRODUCED = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
NAME_RUN = re.compile(
    r"(?<![\w'’&-])[A-Z][\w'’&-]*+(?:[ \t]++(?:(?:of|and|for|the|on)[ \t]++)?[A-Z][\w'’&-]*+)++"
)
WORD = re.compile(r"[\w.'’&-]+")
LINKS = set("of and for the on in & de".split())
# Heads that make the acronym's organisation the source: "the EDS estimates", "the CBP release".
FINDINGS = set(
    """
estimate estimates report reports data study analysis figures statement release survey
poll complaint filing count tally projections forecast
""".split()
)
TEXT_LIMIT = 200_000
MAX_NAME = 100


def introduced_acronyms(text: str) -> dict[str, str]:
    """Return {acronym: "Full Name (ACRONYM)"} for the names of `text` an acronym can stand for.

    "Full Name (ACRONYM)" introduces one; a name of three or more capitalised words
    ("Election Data Services") stands for its initials when nothing else does.
    """
    found: dict[str, str] = {}
    limit = min(len(text), TEXT_LIMIT)
    for match in INTRODUCED.finditer(text, 0, limit):
        acronym = match.group(1)
        name = _name_before(text[max(0, match.start() - MAX_NAME) : match.start()], acronym)
        if name and acronym not in found:
            found[acronym] = f"{name} ({acronym})"
    for match in NAME_RUN.finditer(text, 0, limit):
        words = match.group().split()
        initials = "".join(w[0] for w in words if w[:1].isupper())
        if len(initials) >= 3 and not any(first_name(w) or w.lower() in TITLES for w in words):
            found.setdefault(initials, f"{match.group()} ({initials})")
    return found


def _name_before(before: str, acronym: str) -> str | None:
    """Return the words before "(ACR)" whose capitals spell it ("Air and Marine Operations")."""
    tokens = WORD.findall(before)
    letters, initials = acronym.replace("&", ""), ""
    for start in range(len(tokens) - 1, -1, -1):
        word = tokens[start]
        if word in LINKS:
            continue
        if not word[:1].isupper() or len(initials) >= len(letters):
            return None
        initials = word[0] + initials
        if initials == letters:
            return " ".join(tokens[start:]) if start < len(tokens) - 1 else None
    return None


def acronym_source(name: str, acronyms: dict[str, str]) -> str | None:
    """Return the full name for a source that is an acronym ("EDS", "the EDS estimates")."""
    tokens = name.split()
    if tokens and tokens[0].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    if len(tokens) == 2 and tokens[1].lower() in FINDINGS:
        tokens = tokens[:1]
    return acronyms.get(tokens[0]) if len(tokens) == 1 else None
