"""Whom "he" or "she" stands for: the last person named before it, outside what was said.

Names inside quotation marks or inside an earlier claim's content are what someone said,
not who is speaking, so they are blanked out before looking. A lone surname or first name
("Varga", "Curie") counts when the article has given that person's full name before.
"""

import bisect
import re
from collections.abc import Callable

from verify.extraction.name_parts import last_sentence, split_runs
from verify.extraction.pronouns import names_a_thing, other_gender

WINDOW = 400
TEXT_LIMIT = 200_000
# Runs stay on one line: a headline or a paragraph ending without a full stop is a break.
NEXT_NAME = r"[ \t]++(?:(?:de|da|van|von|der|del|bin|al)[ \t]++)?[A-Z][\w.'’-]*+"
RUN = re.compile(rf"[A-Z][\w.'’-]*+(?:{NEXT_NAME})*+")
LONG_RUN = re.compile(rf"(?<![\w.'’-])[A-Z][\w.'’-]*+(?:{NEXT_NAME})++")
CURLY_QUOTED = re.compile(r"“[^”\n]*+”")
STRAIGHT_QUOTED = re.compile(r"\"[^\"\n]*+\"")

FullName = Callable[[list[str]], list[str] | None]


class People:
    """The people an article names in full: first name or surname -> full names.

    The text is read on the first look-up only: most articles never need it.
    """

    def __init__(self, text: str, full_name: FullName):
        """Keep `text`; `full_name` cleans a run or says it is no person."""
        self.text = text
        self.full_name = full_name
        self._named: dict[str, list[tuple[int, tuple[str, ...]]]] | None = None

    @property
    def named(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        if self._named is None:
            self._named = {}
            for match in LONG_RUN.finditer(self.text, 0, min(len(self.text), TEXT_LIMIT)):
                for tokens in split_runs(match.group().split()):
                    name = self.full_name(last_sentence(tokens)) if len(tokens) >= 2 else None
                    if name and len(name) >= 2:
                        self._add(match.start(), tuple(name))
        return self._named

    def _add(self, pos: int, name: tuple[str, ...]) -> None:
        for token in {name[0], name[-1]}:
            known = self._named.setdefault(token, [])
            if all(other != name for _, other in known):
                known.append((pos, name))

    def person(self, tokens: list[str], pos: int) -> list[str] | None:
        """Return the full name a run written before `pos` gives, or None if it names no one."""
        name = self.full_name(tokens)
        if name is None and len(tokens) == 1:
            name = tokens  # "Reuters" alone may name a person the article named in full
        if name is None:
            return None
        if len(name) >= 2:
            return name
        token = name[0].removesuffix("'s").removesuffix("’s")
        known = [other for start, other in self.named.get(token, ()) if start < pos]
        # A surname outranks a first name: "Trump" is Donald Trump before "Trump Tower".
        for group in ({n for n in known if n[-1] == token}, set(known)):
            if len(group) == 1:
                return list(group.pop())
        return None


def antecedent(
    text: str,
    pos: int,
    pronoun: str,
    people: People,
    contents: list[tuple[int, int]],
    speakers: list[tuple[int, str]],
) -> str | None:
    """Return the person "he"/"she" at `pos` stands for, or None.

    `contents` are the merged spans of the claims' contents; `speakers` are
    (position, resolved name) of earlier people sources, in text order.
    """
    lo = max(0, pos - WINDOW)
    window = _blanked(text, lo, pos, contents)
    found, where = None, -1
    for match in RUN.finditer(window):
        for tokens in split_runs(match.group().split()):
            name = people.person(last_sentence(tokens), lo + match.start())
            if name and not names_a_thing(name) and not other_gender(pronoun, name):
                found, where = " ".join(name), lo + match.end()
    for start, name in reversed(speakers):
        if start < where or start < lo:
            break
        if start < pos and not other_gender(pronoun, name.split()):
            return name
    return found


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return sorted spans with overlapping ones joined, so a window meets few of them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _blanked(text: str, lo: int, hi: int, contents: list[tuple[int, int]]) -> str:
    """Return text[lo:hi] with quotations and claim contents replaced by spaces."""
    chars = list(text[lo:hi])
    index = max(0, bisect.bisect_right(contents, (lo, lo)) - 1)
    for start, end in contents[index:]:
        if start >= hi:
            break
        first, last = max(start, lo) - lo, min(end, hi) - lo
        if first < last:
            chars[first:last] = " " * (last - first)
    window = "".join(chars)
    window = CURLY_QUOTED.sub(lambda m: " " * len(m.group()), window)
    # Straight quotes pair up reliably only from a paragraph's start.
    line = window.find("\n") + 1
    tail = STRAIGHT_QUOTED.sub(lambda m: " " * len(m.group()), window[line:])
    return window[:line] + tail


# Plural nouns for groups of people that "they" most often stands for.
GROUP_HEADS = set(
    """
experts researchers scientists officials analysts elders residents economists critics
lawmakers legislators leaders members voters activists doctors investigators prosecutors
observers advocates opponents supporters students teachers workers families parents
farmers diplomats aides witnesses authorities historians academics specialists
""".split()
)
WORD = re.compile(r"[\w’'.-]+")
# Words that end a group's modifiers going left: "left some of the state's energy experts".
MODIFIER_STOPS = set(
    """
the a an some many most several all both few other these those this that his her its their
our and or but of in on at by for from with to as than said says say is are was were be
been has have had will would could should may might who which when while after before
""".split()
)
LINKS = {"at", "from", "of", "in"}
MAX_MODIFIERS = 3


def group_antecedent(
    text: str, pos: int, contents: list[tuple[int, int]]
) -> tuple[int, str] | None:
    """Return (position, phrase) of the last group of people named before "they" at `pos`."""
    lo = max(0, pos - WINDOW)
    window = _blanked(text, lo, pos, contents)
    tokens = list(WORD.finditer(window))
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].group().lower() in GROUP_HEADS:
            first = _modifiers_start(tokens, index)
            last = _link_end(window, tokens, index)
            return lo + tokens[first].start(), window[tokens[first].start() : tokens[last].end()]
    return None


def _modifiers_start(tokens: list, head: int) -> int:
    """Return the index of the first modifier before a group noun ("energy experts")."""
    first = head
    while first > 0 and head - first < MAX_MODIFIERS:
        word = tokens[first - 1].group()
        if word.lower() in MODIFIER_STOPS or word.endswith(("ed", "ing", ".")):
            break
        first -= 1
    return first


def _link_end(window: str, tokens: list, head: int) -> int:
    """Return the index of the last word of "at the University of Georgia" after a group noun."""
    last = head
    if head + 1 < len(tokens) and tokens[head + 1].group() in LINKS:
        index = head + 2
        if index < len(tokens) and tokens[index].group() == "the":
            index += 1
        while index < len(tokens) and tokens[index].group()[:1].isupper():
            last = index
            index += 1
            if index < len(tokens) and tokens[index].group() == "of":
                index += 1
    return last
