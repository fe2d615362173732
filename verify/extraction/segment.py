"""Split a body into paragraphs and sentences, and recognise page chrome."""

import re

from verify.extraction.deadline import checked

PARAGRAPH = re.compile(r"[^\n]+")
ABBREVIATIONS = set(
    """
mr mrs ms dr sen rep gov gen lt col sgt st jan feb mar apr jun jul aug sep sept
oct nov dec jr sr inc co corp vs no ft mt capt adm maj rev prof gov u.s u.k
u.n d.c e.g i.e a.m p.m ariz calif fla ga ill mass mich minn nev pa tenn tex va
wash wis conn colo okla ore del md mo ky la ala ark neb kan ltd dept av ave
""".split()
)
# Possessive runs, tried only where a run of end marks starts: linear on "!!!!…" and "....".
SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"”'’)\]]*+(?=\s++[\"“‘(\[`']*+[A-Z0-9])")
CHROME = re.compile(
    r"^(?:\d+\s+min(?:ute)?s?\s+read|show\s+(?:more|less)|read\s+(?:more|less|next)|"
    r"news\s+feed|article\s+image|avatar|advertisement|share(?:\s+this)?|"
    r"related(?:\s+\w+)?|see\s+also|sign\s+up.*|subscribe.*|.*\bnewsletter\b.*|"
    r"(?:photo|image|video|credit)s?\s*:.*|follow\s+us.*|support\s+(?:us|our).*|"
    r"(?:advertisement|sponsored)\b.*|\(?(?:additional\s+)?(?:reporting|editing|writing)\s+by\b.*)$",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"getty images|via reuters|/afp|/reuters|/ap\b|photo by|photo:|courtesy of|shutterstock",
    re.IGNORECASE,
)
# An abbreviation or initial is short; a longer look back only costs time on "a.a.a.a…".
ABBREVIATION_REACH = 12
# The longest sentence of the PolNeAR corpus has about 1,100 characters. Work per cue looks
# back over its sentence, so a longer run without an end mark is cut at a space, keeping the
# cost of an article linear in its length.
MAX_SENTENCE = 2000
BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,3}is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}"
    r"(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|"
    r"producer|intern|analyst|photographer|anchor)\b"
)
ROLE_LINE = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:editor|reporter|correspondent|writer|journalist)$",
    re.IGNORECASE,
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) span of every non-blank line, trimmed."""
    spans = []
    for match in PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def is_chrome(paragraph: str) -> bool:
    """Tell whether a paragraph is page chrome, a caption or an author bio."""
    return bool(
        CHROME.match(paragraph)
        or is_caption(paragraph)
        or BIO.match(paragraph)
        or ROLE_LINE.match(paragraph)
    )


def is_caption(paragraph: str) -> bool:
    """Tell whether a paragraph ends with a photo credit in brackets: "(Jane Doe/Reuters)"."""
    stripped = paragraph.rstrip()
    if not stripped.endswith(")"):
        return False
    opener = stripped.rfind("(", 0, -1)
    inner = stripped[opener + 1 : -1]
    return opener >= 0 and ")" not in inner and CREDIT.search(inner) is not None


def sentences(
    text: str, start: int, end: int, deadline: float | None = None
) -> list[tuple[int, int]]:
    """Return the sentence spans of the paragraph text[start:end]."""
    spans, begin = [], start
    for match in checked(SENTENCE_END.finditer(text, start, end), deadline):
        if is_abbreviation(text, match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return [piece for span in spans for piece in _cut(text, *span)]


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span longer than MAX_SENTENCE at the last space before each limit."""
    pieces = []
    while end - start > MAX_SENTENCE:
        space = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        stop = space if space > start else start + MAX_SENTENCE
        pieces.append((start, stop))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    return pieces + [(start, end)] if start < end else pieces


def is_abbreviation(text: str, dot: int) -> bool:
    """Tell whether the period at `dot` ends an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    word_start, floor = dot, max(0, dot - ABBREVIATION_REACH)
    while word_start > floor and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return len(word) == 1 or word in ABBREVIATIONS or "." in word
