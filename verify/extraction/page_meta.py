"""Headline, outlet, author, date and URL of an HTML page, cleaned and bounded."""

import re
from dataclasses import dataclass
from datetime import date

# Lengths of the article's columns: title 500, url 2000, outlet and author 200.
MAX_TITLE = 500
MAX_URL = 2000
MAX_NAME = 200
MAX_AUTHORS = 6
# " - ", " | ", " – ", " — ", " :: " and " » " split a page title into headline and site parts.
TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[-|–—»·]|::)\s++")
# A site part has a few words; a longer last part is the headline's own.
MAX_SITE_WORDS = 5
DOMAIN = re.compile(r"^[\w-]++(?:\.[\w-]++)++$")
BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por|de|di|door|av|af)\s++", re.IGNORECASE)
# Words of a company, a place or a desk, not of a person who wrote the article.
NOT_A_PERSON = re.compile(r"\b(?:gmbh|inc|ltd|llc|plc|corp|corporation|verlag)\b", re.IGNORECASE)
AUTHOR_SPLIT = re.compile(r"\s*+(?:;|,|\band\b|\bund\b|\bet\b|\by\b|&)\s*+", re.IGNORECASE)
WHITESPACE = re.compile(r"\s++")
WORD = re.compile(r"\w++")
# A day in a URL's path, perhaps with a section between year and month; sites put the day of
# publication there, while a page's own tags may give the day it was last updated.
URL_DATE = re.compile(r"/((?:19|20)\d\d)/(?:[A-Za-z][\w-]{0,30}/)?(\d\d?)/(\d\d?)/")
# Text joined from a heading's elements can leave a space before a colon: "Rail : New line".
SPACE_BEFORE_MARK = re.compile(r"\s++(?=[:;,.!?])")
# An <h1> sharing this share of its words and of the title's words shows the same headline.
MIN_HEADLINE_SHARE = 0.6
MAX_HEADINGS = 5


@dataclass
class PageMeta:
    """What a page says about itself; every field may be None."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None


def squash(text: str | None) -> str:
    """Lowercase letters and digits only, to compare a site name with a domain."""
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def one_line(text: str | None, limit: int) -> str | None:
    """Text on one line with single spaces, cut to `limit` characters; None when blank."""
    text = WHITESPACE.sub(" ", text or "").strip()
    return text[:limit].strip() or None


def title_parts(title: str) -> list[str]:
    """The parts of a page title between separators, in order."""
    return [part for part in TITLE_SEPARATOR.split(title) if part.strip()]


def site_part(title: str | None) -> str | None:
    """The short last part of a <title> ("... | Tulsa World"), where sites put their name."""
    parts = title_parts(one_line(title, MAX_TITLE) or "")
    if len(parts) < 2 or len(parts[-1].split()) > MAX_SITE_WORDS:
        return None
    return parts[-1]


def resembles(part: str, names: list[str | None]) -> bool:
    """Whether a title part names the site or the author (CNN.com, Telegraph, CNN Politics)."""
    squashed = squash(part)
    for name in filter(None, names):
        other = squash(name.rsplit(".", 1)[0] if DOMAIN.match(name) else name)
        if not squashed or not other:
            continue
        # A name of three letters ("CNN", "BBC") must start the part, not hide inside a word.
        if squashed.startswith(other) or (len(other) > 3 and other in squashed):
            return True
        if len(squashed) > 3 and squashed in other:
            return True
    return False


def clean_title(title: str | None, names: list[str | None]) -> str | None:
    """The headline: the page title without trailing site, section or author parts."""
    line = one_line(title, MAX_TITLE)
    if not line:
        return None
    cuts = [match.start() for match in TITLE_SEPARATOR.finditer(line)]
    parts = TITLE_SEPARATOR.split(line)
    while len(parts) > 1 and (resembles(parts[-1], names) or len(parts[-1].split()) == 1):
        parts.pop()
    # The separators between the kept parts are the headline's own.
    return line[: cuts[len(parts) - 1]] if len(parts) <= len(cuts) else line


def visible_headline(title: str | None, headings: list[str]) -> str | None:
    """The <h1> that shows the title's headline, as the reader sees it, else the title."""
    title_words = set(WORD.findall((title or "").lower()))
    best, best_share = title, 0.0
    for heading in headings[:MAX_HEADINGS]:
        heading = SPACE_BEFORE_MARK.sub("", drop_section_label(one_line(heading, MAX_TITLE) or ""))
        words = set(WORD.findall(heading.lower()))
        if not words or not title_words:
            continue
        shared = len(words & title_words)
        share = min(shared / len(words), shared / len(title_words))
        if share >= MIN_HEADLINE_SHARE and share > best_share:
            best, best_share = heading, share
    return best


def drop_section_label(heading: str) -> str:
    """A heading without a leading section label: "Local News | Fares rise" -> "Fares rise"."""
    label, separator, rest = heading.partition(" | ")
    return rest if separator and rest and len(label.split()) <= MAX_SITE_WORDS else heading


def choose_outlet(sitename: str | None, title_tag: str | None) -> str | None:
    """The outlet's name: the site name, unless the <title> spells out a bare domain or handle."""
    sitename = one_line(sitename, MAX_NAME)
    suffix = one_line(site_part(title_tag), MAX_NAME)
    if sitename and " " in sitename:
        return sitename
    if suffix and (not sitename or len(suffix.split()) > 1 or resembles(suffix, [sitename])):
        return suffix
    return sitename


def clean_author(author: str | None, *sites: str | None) -> str | None:
    """People's names from a byline, deduplicated; None for a company, a desk or a domain.

    `sites` are the outlet's names and host, which a byline may give in place of a person.
    """
    text = BYLINE_PREFIX.sub("", one_line(author, 4 * MAX_NAME) or "")
    names = []
    for name in AUTHOR_SPLIT.split(text):
        name = name.strip(" .,-–—")
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    people = [n for n in names if is_person(n, sites)][:MAX_AUTHORS]
    if not people:
        return None
    joined = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    return one_line(joined, MAX_NAME)


def is_person(name: str, sites: tuple[str | None, ...]) -> bool:
    """Whether one byline name can be a person's (not "CNN", "Lefigaro Fr" or "Berlin")."""
    if DOMAIN.match(name) or NOT_A_PERSON.search(name) or resembles(name, list(sites)):
        return False
    return 1 < len(name.split()) <= 5 or name.lower() == "staff"


def clean_url(url: str | None) -> str | None:
    """An http(s) URL within the column's length, or None."""
    url = (url or "").strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > MAX_URL:
        return None
    return None if any(ch.isspace() for ch in url) else url


def parse_day(value: str | None) -> date | None:
    """A date from trafilatura's YYYY-MM-DD, or None."""
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def url_day(url: str | None) -> date | None:
    """The publication day a URL spells out (/2026/city/03/02/), or None."""
    match = URL_DATE.search((url or "")[:MAX_URL])
    if match is None:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None
