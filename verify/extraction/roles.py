"""Which named person a description such as "the president" or "the former mayor" means."""

import re
from collections import Counter

from verify.extraction.lexicon import TITLES
from verify.extraction.name_parts import last_sentence, split_runs

# Title words that are qualifiers, not a role on their own ("the former", "the state").
QUALIFIERS = set(
    """
state foreign defense defence interior first lady former acting vice deputy chief general gen
""".split()
)
ROLE_HEADS = (TITLES - QUALIFIERS) | set(
    """
republican democrat congressman congresswoman lawmaker legislator envoy premier
councillor councilman councilwoman attorney lawyer economist analyst founder owner
""".split()
)
DEFINITE = re.compile(r"(?:[Tt]he|[Tt]his)\s+")
NAME = r"((?:[A-Z][\w.'’-]{0,30}+ ++){0,2}[A-Z][\w.'’-]{0,30}+)"
LOOK_BACK = 3000
CAPITALISED = re.compile(r"[A-Z][\w'’-]*+")

TITLE_WORDS = TITLES | ROLE_HEADS


def described_person(text: str, raw: str, pos: int, is_person, people=None) -> str | None:
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
    named_after = rf"(?i:\b{role}),\s++{NAME},"
    for pattern in (titled, named_after, appositive):
        for match in reversed(list(re.finditer(pattern, before))):
            tokens = last_sentence(match.group(1).split())
            if len(tokens) >= 2 and is_person(tokens):
                return " ".join(tokens)
    return _protagonist(before, is_person, people, pos)


def _protagonist(before: str, is_person, people, pos: int) -> str | None:
    """Return the person whose surname recurs most before `pos` (at least three times)."""
    counts = Counter(w.removesuffix("’s").removesuffix("'s") for w in CAPITALISED.findall(before))
    for surname, count in counts.most_common():
        if count < 3 or people is None:
            break
        name = people.person([surname], pos)
        if name and len(name) >= 2:
            return " ".join(name)
    best, best_count = None, 2
    for match in re.finditer(NAME, before):
        tokens = last_sentence(match.group(1).split())
        surname = tokens[-1].removesuffix("’s").removesuffix("'s")
        if len(tokens) >= 2 and counts[surname] > best_count and is_person(tokens):
            best, best_count = " ".join(tokens[:-1] + [surname]), counts[surname]
    return best


def named_appositive(parts: list[str], is_person) -> str | None:
    """Return the name in "One of the authors, Sen. Tim Wood" when the first part is none."""
    if len(parts) < 2 or is_person(parts[0].split()):
        return None
    for part in parts[1:3]:
        tokens = part.split()
        while tokens and tokens[0].lower().strip(".") in TITLE_WORDS:
            tokens = tokens[1:]
        if len(tokens) >= 2 and is_person(tokens):
            return " ".join(tokens)
    return None


NAME_BEFORE_COMMA = re.compile(
    r"([A-Z][\w.'’&-]*+(?:[ \t]++(?:of[ \t]++|and[ \t]++)?[A-Z][\w.'’&-]*+)*+),\s*+$"
)


def named_before(text: str, start: int, end: int, cue_start: int) -> str | None:
    """Return "Eric Reeves" in "Eric Reeves, one of the experts, said" (a name, then a description).

    The description must be closed, by a comma before the cue or by "which"/"who".
    """
    closed = "," in text[end:cue_start] or text[start:end].rstrip().endswith(("which", "who"))
    if not closed:
        return None
    match = NAME_BEFORE_COMMA.search(text, max(0, start - 80), start)
    return match.group(1) if match else None


def document_author(text: str, head: str, pos: int) -> str | None:
    """Return "Homeland Security" from "an affidavit from Homeland Security" before `pos`."""
    pattern = rf"(?i:\b{re.escape(head)}\s++(?:from|by)\s++(?:the\s++)?){NAME}"
    found = None
    for found in re.finditer(pattern, text[max(0, pos - LOOK_BACK) : pos]):  # noqa: B007
        pass
    return " ".join(split_runs(found.group(1).split())[0]).rstrip(".") if found else None
