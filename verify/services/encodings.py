"""Decode an HTML page in whatever encoding it was saved in."""

import codecs
import re
from collections.abc import Iterator

# The charset a page declares, in a <meta> tag or an XML declaration near its start.
DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?\s*+([\w.:-]{1,40})|"""
    rb"""<\?xml[^>]{0,100}?encoding\s*+=\s*+["']([\w.:-]{1,40})""",
    re.IGNORECASE,
)
# Browsers read these labels as windows-1252, which only adds characters to them.
AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "iso8859-1", "l1"}
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers look for the declaration in the first 1,024 bytes; pages with long heads put it later.
SNIFF_BYTES = 4096
FALLBACK = "windows-1252"


def decode_html(data: bytes) -> str | None:
    """A page's text by its byte-order mark, as UTF-8, by its charset or guessed; None if binary."""
    for encoding in candidate_encodings(data):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" in text:
            break
        return text
    return None


def candidate_encodings(data: bytes) -> Iterator[str]:
    """Encodings to try in order, each worked out only when the one before failed."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            yield encoding
            return
    yield "utf-8"
    yield from filter(None, [declared_encoding(data)])
    yield from filter(None, [detected_encoding(data)])
    # windows-1252 leaves five bytes undefined; latin-1 decodes every byte.
    yield FALLBACK
    yield "latin-1"


def declared_encoding(data: bytes) -> str | None:
    """The charset the page names, as the codec a browser would use."""
    match = DECLARED.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace").lower()
    if label.startswith(("utf-16", "utf-32")):
        return None  # browsers ignore these in a tag: a tag readable as ASCII is not UTF-16
    return FALLBACK if label in AS_WINDOWS_1252 else label


def detected_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess at an undeclared encoding, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: SNIFF_BYTES * 16]).best()
    return best.encoding if best is not None else None
