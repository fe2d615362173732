"""Whom "he" or "she" stands for: the last person named before it, outside what was said.

Names inside quotation marks or inside an earlier claim's content are what someone said,
not who is speaking, so they are blanked out before looking. A lone surname or first name
("Hoenig", "Curie") counts when the article has given that person's full name before.
"""

import bisect
import re
from collections.abc import Callable

from verify.extraction.pronouns import last_sentence, names_a_thing, other_gender, split_runs

WINDOW = 400
TEXT_LIMIT = 200_000
# Runs stay on one line: a headline or a paragraph ending without a full stop is a break.
NEXT_NAME = r"[ \t]++(?:(?:de|da|van|von|der|del|bin|al)[ \t]++)?[A-Z][\w.'’-]*+"
RUN = re.compile(rf"[A-Z][\w.'’-]*+(?:{NEXT_NAME})*+")
LONG_RUN = re.compile(rf"[A-Z][\w.'’-]*+(?:{NEXT_NAME})++")
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
            name = tokens  # "Bloomberg" alone may name a person the article named in full
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
