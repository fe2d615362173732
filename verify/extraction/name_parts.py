"""Words written around a name that are not the name: time phrases and sentence ends.

One home for these rules: resolution cleans extracted names with them and speaker keys
clean names typed by fact-checkers with them.
"""

import re

from verify.extraction.lexicon import TITLES
from verify.extraction.segment import ABBREVIATIONS

MAX_NAME = 300
TIME_WORDS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|"
    r"morning|afternoon|evening|night|day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|fall|winter"
)
# "Acme on Thursday", "Lee last year", "Acme Thursday", "Lee now", "Acme in a statement":
# the name ends where the time phrase starts. A month or season needs its preposition,
# so "Theresa May" and "Ann Summer" keep their surnames.
TIME_TAIL = re.compile(
    rf",?\s++(?:(?:on|last|this|next|earlier|later|late|early|in|during)\s++"
    rf"(?:(?:this|last|the|a)\s++)?(?:{TIME_WORDS})\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    rf"earlier|yesterday|today|tonight|overnight|now|"
    rf"in\s++(?:a|an|its|his|her|their)\s++\w++)(?:\s.*)?$",
    re.IGNORECASE | re.DOTALL,
)
# A title ("President.") or a numeral ("III.") before a period ends no sentence inside a name.
NAME_ABBREVIATIONS = ABBREVIATIONS | TITLES | {"ii", "iii", "iv"}
# Capitalised sentence openers that are not part of a name: "When Trump", "In Ohio".
OPENERS = set(
    """
when but and or as after before if while in on at for with from by since though although
so then yet because once until unless where whereas meanwhile however still also
the a an this that these those his her their its our my
""".split()
)


def without_time(name: str) -> str:
    """Drop a time phrase and what follows it from a name ("Acme on Thursday" -> "Acme")."""
    match = TIME_TAIL.search(name[:MAX_NAME])
    return name[: match.start()] if match and match.start() > 0 else name


def ends_sentence(token: str) -> bool:
    """Tell whether a token closes a sentence ("Guiyang."), not an initial or an abbreviation."""
    bare = token[:-1]
    return (
        token.endswith(".")
        and len(bare) > 1
        and "." not in bare
        and bare.lower() not in NAME_ABBREVIATIONS
    )


def split_runs(tokens: list[str]) -> list[list[str]]:
    """Split a capitalised run at sentence ends ("Guiyang. He" -> "Guiyang.", "He")."""
    runs: list[list[str]] = [[]]
    for token in tokens:
        runs[-1].append(token)
        if ends_sentence(token):
            runs.append([])
    return [run for run in runs if run]


def last_sentence(tokens: list[str]) -> list[str]:
    """Return the tokens after the last sentence end, without a leading "When" or "But"."""
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if ends_sentence(t)), default=0)
    while cut < len(tokens) - 1 and tokens[cut].lower() in OPENERS:
        cut += 1
    return tokens[cut:]
