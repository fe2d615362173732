"""Article bodies built to make a text scanner backtrack: one home for the tests and the bench."""

import random
from collections.abc import Callable
from functools import partial

# Each unit is repeated until the body reaches the size asked for. They cover what the
# extraction patterns match on: sentence ends, brackets, slashes, quote marks, commas and
# conjunctions, whitespace, capitalised names, cue words and scripts a \w run meets.
UNITS = {
    "bangs": "!",
    "dots": ".",
    "questions": "?",
    "dots and spaces": ". ",
    "open brackets": "(",
    "close brackets": ")",
    "square brackets": "[",
    "slashes": "/",
    "colons": ":",
    "semicolons": ";",
    "dashes": "—",
    "hyphens": "-",
    "straight quotes": '"',
    "curly open quotes": "“",
    "curly close quotes": "”",
    "single quotes": "'",
    "doubled quotes": "''",
    "backticks": "``",
    "apostrophe words": "a'",
    "commas": " ,",
    "commas only": ",",
    "digit commas": "1,",
    "ands": " and",
    "conjunctions": " and but while then",
    "spaces": " ",
    "newlines": "\n",
    "blank lines": " \n",
    "tabs": "\t",
    "capital words": "Aa ",
    "capital initials": "A. ",
    "capital run": "A",
    "long word": "a",
    "mixed scripts": "aб",
    "mixed script words": "Ab Бв ",
    "said": " said",
    "said that": " said that",
    "according to": " according to",
    "the officials": " the officials",
    "sentences": "He said it. ",
    "exclaimed sentences": "No! ",
    "quoted sentence": '"Yes," he said. ',
    "unclosed quotes": '"Aa, ',
    "name commas": "Aa Bb, ",
    "labels": "Aa: ",
    "verification": "could not be verified ",
    "participles": ", adding",
    "hedges": " reportedly",
    "which": ", which",
    "sentence then quote": 'He said it. "Aaa bbb ccc ddd." ',
    "quote then sentence": '"Aaa bbb ccc ddd." Officials said so, adding that it was. ',
    "said bullets": "Aa Bb said:\n- item one two\n",
    "inline references": " \t (See more)",
}
# Words and marks that mixed units are drawn from, to reach combinations no one listed.
VOCABULARY = (
    "said",
    "told",
    "according to",
    "reportedly",
    "adding",
    "that",
    "who",
    "and",
    "but",
    "The",
    "Ms. Smith",
    "officials",
    "he",
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    "—",
    "(",
    ")",
    '"',
    "“",
    "”",
    "'",
    "\n",
    "/",
    "Reuters",
    "could not be verified",
    "the poll",
)
MIXED_UNITS = 12
NAME_LOOK_UPS = "The EDS said costs rose. Lee spoke. He said it. "

PREFIXES = {
    "": "",
    "open bracket": "(",
    "quote": '"',
    "closed quote": '"Aaa bbb ccc ddd." ',
    "name": "Aa Bb said ",
}


def body(unit: str, size: int, prefix: str = "") -> str:
    """Return `prefix` then `unit` repeated to about `size` bytes of UTF-8."""
    count = max(1, (size - len(prefix.encode())) // len(unit.encode()))
    return prefix + unit * count


def text_cases() -> dict[str, Callable[[int], str]]:
    """Return every pathological plain-text body, by name, as a function of its size."""
    cases = {}
    for name, unit in UNITS.items():
        for label, prefix in PREFIXES.items():
            key = f"{label} + {name}" if label else name
            cases[key] = partial(body, unit, prefix=prefix)
    for seed in range(MIXED_UNITS):
        cases[f"mixed {seed}"] = partial(body, mixed_unit(seed))
    cases["bracket then slashes"] = partial(body, "/", prefix="(")
    cases["caption slashes"] = partial(body, "/", prefix="(Getty Images ")
    cases["alternating quotes"] = partial(body, '“a"')
    # An acronym and a pronoun as sources make extraction scan the text for names.
    cases["capital run after name look-ups"] = partial(body, "A", prefix=NAME_LOOK_UPS)
    return cases


def mixed_unit(seed: int) -> str:
    """Return a unit of 4 to 12 vocabulary items, the same for the same seed."""
    chooser = random.Random(seed)
    return " ".join(chooser.choices(VOCABULARY, k=chooser.randint(4, 12))) + " "


def html_cases() -> dict[str, Callable[[int], str]]:
    """Return pathological HTML pages, by name, as a function of their size."""
    return {
        "many links": lambda size: _page(body('<a href="/x">x</a> ', size)),
        "deep nesting": lambda size: _page(body("<div>", size // 2) + "text"),
        "many paragraphs": lambda size: _page(body("<p>The minister said so.</p>", size)),
        "one long paragraph": lambda size: _page("<p>" + body("He said it. ", size) + "</p>"),
        "many attributes": lambda size: _page("<p " + body('a="b" ', size) + ">x</p>"),
    }


def _page(inner: str) -> str:
    """Wrap markup in a minimal HTML document."""
    return f"<html><head><title>T</title></head><body>{inner}</body></html>"
