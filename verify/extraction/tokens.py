"""Word tokens of a body, computed once per body and sliced by offsets."""

import bisect
import re
import threading

WORD = re.compile(r"\w+(?:['’.&-]\w+)*")
_local = threading.local()


def _index(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Return (starts, tokens) for `text`, reusing the last body of this thread."""
    cached = getattr(_local, "cached", None)
    if cached is None or cached[0] is not text:
        tokens = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
        cached = (text, [t[0] for t in tokens], tokens)
        _local.cached = cached
    return cached[1], cached[2]


def _scan(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Tokenise text[start:end] directly (for words cut by a range edge)."""
    return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]


def words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, lowercased word) for the words of text[start:end]."""
    if end <= start:
        return []
    starts, tokens = _index(text)
    first = bisect.bisect_left(starts, start)
    found = []
    if first and tokens[first - 1][1] > start:
        found += _scan(text, start, min(end, tokens[first - 1][1]))
    last = bisect.bisect_left(starts, end)
    if first < last:
        found += tokens[first : last - 1]
        tail = tokens[last - 1]
        found += [tail] if tail[1] <= end else _scan(text, tail[0], end)
    return found


# A comma between two digits ("20,000") is part of a number, never a clause break.
COMMA = r",(?!(?<=\d,)\d)"
_COMMA = re.compile(COMMA)


def trimmed_end(text: str, end: int, chars: str | None = None, lo: int = 0) -> int:
    """Return `end` moved left past whitespace (or `chars`): len(text[lo:end].rstrip(chars))."""
    # Walks back from `end` instead of copying text[:end], which costs the whole body per call.
    while end > lo and (text[end - 1] in chars if chars else text[end - 1].isspace()):
        end -= 1
    return end


def ends_with(text: str, end: int, char: str, lo: int = 0) -> bool:
    """Tell whether text[lo:end], trailing whitespace dropped, ends with `char`."""
    stop = trimmed_end(text, end, lo=lo)
    return stop > lo and text[stop - 1] == char


def commas(text: str, start: int, end: int) -> list[int]:
    """Return the positions of the clause commas in text[start:end]."""
    return [m.start() for m in _COMMA.finditer(text, start, end)]


def find_comma(text: str, start: int, end: int) -> int:
    """Return the first clause comma in text[start:end], or -1."""
    match = _COMMA.search(text, start, end)
    return match.start() if match else -1


def rfind_comma(text: str, start: int, end: int) -> int:
    """Return the last clause comma in text[start:end], or -1."""
    found = commas(text, start, end)
    return found[-1] if found else -1
