"""Which named person a description such as "the president" or "the former mayor" means."""

import re
from collections import Counter

from verify.extraction.lexicon import TITLES
from verify.extraction.pronouns import last_sentence

ROLE_HEADS = (TITLES - {"state", "foreign", "defense", "defence", "interior", "first", "lady",
                        "former", "acting", "vice", "deputy", "chief", "general", "gen"}) | set(
    """
republican democrat congressman congresswoman lawmaker legislator envoy premier
councillor councilman councilwoman attorney lawyer economist analyst founder owner
""".split()
)
DEFINITE = re.compile(r"(?:[Tt]he|[Tt]his)\s+")
NAME = r"((?:[A-Z][\w.'’-]*+ ++){0,2}[A-Z][\w.'’-]*+)"
LOOK_BACK = 3000
CAPITALISED = re.compile(r"[A-Z][\w'’-]*+")


def described_person(text: str, raw: str, pos: int, is_person) -> str | None:
    """Return the person named earlier with the role that `raw` ("the president") gives."""
    words = raw.split()
    if len(words) < 2 or len(words) > 5 or not DEFINITE.match(raw):
        return None
    head = words[-1].lower().strip(".,")
    if head not in ROLE_HEADS:
        return None
    before = text[max(0, pos - LOOK_BACK) : pos]
    role = re.escape(words[-1].strip(".,"))
    titled = rf"(?i:\b{role})\s++{NAME}"
    appositive = rf"{NAME},\s++(?:a|an|the)\s++[^,.;]{{0,40}}?\b(?i:{role})\b"
    for pattern in (titled, appositive):
        for match in reversed(list(re.finditer(pattern, before))):
            tokens = last_sentence(match.group(1).split())
            if len(tokens) >= 2 and is_person(tokens):
                return " ".join(tokens)
    return _protagonist(before, is_person)


def _protagonist(before: str, is_person) -> str | None:
    """Return the person whose surname recurs most before `pos` (at least three times)."""
    counts = Counter(w.removesuffix("’s").removesuffix("'s") for w in CAPITALISED.findall(before))
    best, best_count = None, 2
    for match in re.finditer(NAME, before):
        tokens = last_sentence(match.group(1).split())
        surname = tokens[-1].removesuffix("’s").removesuffix("'s")
        if len(tokens) >= 2 and counts[surname] > best_count and is_person(tokens):
            best, best_count = " ".join(tokens[:-1] + [surname]), counts[surname]
    return best
