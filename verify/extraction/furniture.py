"""Drop page furniture from a page's main text: repeats, navigation, credits, bylines, bios."""

import re

# Short lines that only lead elsewhere on the site.
NAVIGATION = re.compile(
    r"(?:continue reading(?: the main story)?|read more|read the full story|show (?:all|more)"
    r"(?: \d++)?|show less|load more|see more|main content|skip to (?:main )?content|"
    r"advertisement|story highlights|related(?: topics| stories| articles| content| links)?|"
    r"more on this story|top stories|most read|share(?: this)?(?: story| article)?|"
    r"get reporter alerts|\d++ min(?:ute)?s? read|sign up(?: for [\w ]{1,40})?|subscribe(?: now)?|"
    r"back to top|print|email|comments?)[:.!]?|"
    r"(?-i:READ|WATCH|SEE|LISTEN)\b[^\n]{0,80}",
    re.IGNORECASE,
)
# "Get our app", "Follow us on Twitter, Facebook ...": the outlet's promotion, not the story.
PROMO = re.compile(
    r"(?:get|follow|like|join|sign up|subscribe|download|e-?mail us)\b[^\n]{0,200}?"
    r"\b(?:twitter|facebook|instagram|newsletters?|app|podcast|e-?mail)\b[^\n]{0,200}",
    re.IGNORECASE,
)
# A cross-reference inside a paragraph, capitalised as a sentence: "(See pictures of the spill.)"
INLINE_REFERENCE = re.compile(
    r"(?<![ \t])[ \t]*+\((?:See|Watch|Read|Listen to|Photos|Video)\b[^()\n]{0,200}\)"
)
# A caption, a credit or a cross-reference: "(See pictures of ...)", "Image copyright AFP".
LABELLED = re.compile(
    r"\((?:see|watch|read|listen|photos?|video|credit|more)\b[^()\n]{0,300}\)|"
    r"(?:(?:image|media|photo|picture|video|source|sources|credit)"
    r"(?: (?:caption|copyright|credit|source))?:|"
    r"(?:image|photo|picture) (?:caption|copyright|credit)\b)[^\n]{0,300}",
    re.IGNORECASE,
)
# A pointer to another story on its own line: "Related: Ferry fares to rise", "Read more: ...".
CROSS_REFERENCE = re.compile(
    r"(?:related(?: \w++)?|read (?:more|also)|also read|see also|more on this(?: story)?|"
    r"recommended(?: for you)?|most read|editor's picks?)[ \t]*+:[^\n]{0,150}",
    re.IGNORECASE,
)
UPPER_LABEL = re.compile(r"[A-Z][A-Z0-9 '&-]{1,30}:\s[^\n]{0,120}")
NAME = r"[A-Z][\w'’.-]*+(?: [A-Z][\w'’.-]*+){1,3}"
SIGN_OFF = re.compile(rf"[–—-]\s*+({NAME})")
SIGN_OFF_CHARS = 200
BYLINE = re.compile(r"(?i:by|von|par|por)\s++[A-Z][^.\n]{0,100}")
# Notes on the story and a writer's bio: "X contributed to this report.", "X is a reporter for Y."
NOTE = re.compile(
    r"[^\n]{0,120}\b(?:contributed (?:reporting )?to this (?:report|story|article)|"
    r"originally (?:appeared|published) (?:on|in)|has been updated (?:with|to))\b[^\n]{0,120}"
)
# A writer's bio opens its own paragraph, which may go on with how to reach them.
BIO = re.compile(
    rf"{NAME} is (?:a|an|the) [^\n]{{0,60}}?\b(?:reporter|correspondent|editor|writer|"
    r"columnist|journalist) (?:for|at|with)\b"
)
MAX_BIO_WORDS = 80
LIST_MARK = "-•* \t"
# Only lines this short can be furniture by their words alone; a sentence may start the same way.
MAX_FURNITURE_WORDS = 12
MAX_NOTE_WORDS = 25
# Looking for repeated text costs lines times text: only on pages of ordinary length.
MAX_REPEAT_SCAN_CHARS = 50_000
MIN_REPEAT_WORDS = 5
SENTENCE_END = (".", "\u201d", '"')


def drop_furniture(text: str) -> str:
    """The text without furniture lines and without lines repeating text found elsewhere."""
    lines = [INLINE_REFERENCE.sub("", line) for line in text.splitlines() if line.strip()]
    if lines and sign_off(lines[-1]):
        lines.pop()
    kept = [line for line in lines if line.strip() and not is_furniture(line.strip())]
    return "\n".join(drop_repeats(kept))


def sign_off(text: str) -> str | None:
    """The writer's name signing off the text on its last line ("- Jon Ek"), or None."""
    last = text[-SIGN_OFF_CHARS:].rstrip().rpartition("\n")[2].strip()
    match = SIGN_OFF.fullmatch(last)
    return match.group(1) if match else None


def is_furniture(line: str) -> bool:
    """Whether one line is navigation, a caption label, a byline, a credit, a note or a bio."""
    words = len(line.split())
    if words <= MAX_FURNITURE_WORDS and is_label(line.lstrip(LIST_MARK)):
        return True
    if words <= MAX_NOTE_WORDS and (NOTE.fullmatch(line) or PROMO.fullmatch(line)):
        return True
    return words <= MAX_BIO_WORDS and BIO.match(line) is not None


def is_label(line: str) -> bool:
    """Whether a short line (list mark removed) is navigation, a caption label or a byline."""
    if NAVIGATION.fullmatch(line) or LABELLED.fullmatch(line) or BYLINE.fullmatch(line):
        return True
    if CROSS_REFERENCE.fullmatch(line):
        return True
    return UPPER_LABEL.fullmatch(line) is not None and not line.endswith(SENTENCE_END)


def drop_repeats(lines: list[str]) -> list[str]:
    """Drop a line said again elsewhere: a second copy, or a pull quote inside a paragraph."""
    seen, kept = set(), []
    scan = sum(map(len, lines)) <= MAX_REPEAT_SCAN_CHARS
    squashed = [" ".join(line.split()) for line in lines]
    for index, line in enumerate(squashed):
        if line in seen:
            continue
        seen.add(line)
        if scan and len(line.split()) >= MIN_REPEAT_WORDS and inside_another(index, squashed):
            continue
        kept.append(lines[index])
    return kept


def inside_another(index: int, lines: list[str]) -> bool:
    """Whether lines[index] is part of a longer line, as a pull quote is of its paragraph."""
    line = lines[index].strip("\u201c\u201d\"' ")
    return any(len(other) > len(line) and line in other for other in lines if other != lines[index])
