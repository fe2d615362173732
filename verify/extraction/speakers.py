"""Speaker keys: which extracted sources are one speaker across articles.

A person is keyed by the full name the article gives ("Sen. Brad Smith" and "Smith",
when the article names Brad Smith, are "brad smith"); an organisation by its name
without "the", "Inc.", "Corp.", possessives or time words ("Microsoft on Thursday").
A source that names nobody in particular ("officials", "a source", "the minister",
"he", a surname the article never completes) is local: it never joins another
article's source. `source_key` in sources.py stays the looser within-article key.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from verify.extraction.lexicon import (
    ANONYMOUS_HEADS,
    MEDIA_WORDS,
    OFFICIAL_WORDS,
    ORG_NOUNS,
    SOCIAL_WORDS,
    TITLES,
)
from verify.extraction.name_parts import TIME_WORDS, last_sentence
from verify.extraction.sources import PARTICLES, bare_name

MAX_NAME = 300
PRONOUNS = set("he she him her his hers they them their it its who which that one we i you".split())
INDEFINITE = set("a an one some several two three four five many other another".split())
LINK_WORDS = set("of for and on the & at in to".split())
SUFFIXES = set("jr jr. sr sr. ii iii iv".split())
CORPORATE = re.compile(
    r"(?:,?\s++(?:inc|incorporated|corp|corporation|co|ltd|limited|llc|plc|lp|gmbh|ag|s\.a|n\.v)\.?)+$",
    re.IGNORECASE,
)
# Words that name a role or a group of people, not one speaker.
GENERIC = (
    ANONYMOUS_HEADS
    | TITLES
    | PRONOUNS
    | set(
        """
    officials authorities police analysts experts critics residents witnesses people
    researchers scientists investigators prosecutors lawmakers economists observers
    spokesman spokeswoman spokesperson statement report study survey poll data research
    government ministry company court administration republicans democrats conservatives
    liberals tories voters users fans doctors officers troops activists protesters
    polls surveys studies reports documents records figures others
    """.split()
    )
)
ROLE_WORDS = TITLES | set(
    "u.s. us uk u.k. eu un u.n. federal national senior republican democrat democratic "
    "gop rep. sen. gov. dr. mr. mrs. ms. prof. lt. gen. col. sgt. capt. attorney "
    "health finance justice treasury homeland security labor commerce energy".split()
)
WORD = re.compile(r"[^\s]++")
PERSONAL = set("i we you he she they him them".split())
DAYS = set(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split()
)
NOT_PERSON = ORG_NOUNS | MEDIA_WORDS | SOCIAL_WORDS | (OFFICIAL_WORDS - TITLES)
VAGUE = set("close familiar near sources source officials people".split())


@dataclass(frozen=True)
class Speaker:
    """Where a source belongs: its key, its display name, and whether it stays in its article."""

    key: str
    name: str
    local: bool


def speaker_key(
    name: str, context: "ArticleNames | None" = None, kind: str = "", raw: str = ""
) -> Speaker:
    """Key a source named `name`, written `raw` in its article; `context` holds its names."""
    speaker = _speaker(name, context or ArticleNames(""), kind)
    if speaker.local or raw.strip().lower() not in PRONOUNS or context is None:
        return speaker
    # A pronoun resolved to a name the article never gives as a source may be resolved
    # wrongly ("he" to a place), so it stays in its article.
    return speaker if speaker.key in context.named_keys else _local(speaker.name)


def _speaker(name: str, context: "ArticleNames", kind: str) -> Speaker:
    """Key a source named `name` whatever words the article used for it."""
    words = _words(name)
    if not words or kind in ("anonymous", "unattributed") or _not_a_name(words):
        return _local(name)
    start, person = _person_run(words)
    if len(person) >= 2 and _plain_prefix(words[:start]):
        return _person(person)
    if len(person) == 1 and start > 0 and all(_bare(w) in ROLE_WORDS for w in words[:start]):
        return _surname(person[0], context)
    if _is_description(words):
        return _local(name)
    if len(words) == 1:
        return _single(words[0], context)
    if all(_bare(w) in ROLE_WORDS | GENERIC for w in words):
        return _local(name)
    return _organisation(words)


def _words(name: str) -> list[str]:
    """The name's words without determiners, a corporate suffix, time words or possessives."""
    text = unicodedata.normalize("NFKC", name or "")[:MAX_NAME].replace("’", "'")
    text = bare_name(" ".join(text.split()).strip(" ,;:"))
    text = CORPORATE.sub("", text).strip(" ,;:")
    words = last_sentence(WORD.findall(text))
    # A leading owner qualifies the speaker: "Ukraine's General Staff", "Acme's Ann Lee".
    owner = next((i for i, w in enumerate(words[:3]) if _possessive(w)), -1)
    if 0 <= owner < len(words) - 1 and all(_capital(w) for w in words[:owner]):
        words = words[owner + 1 :]
    if words and _possessive(words[-1]):
        words[-1] = re.sub(r"'s?$", "", words[-1])
    return [w.strip(",;:") for w in words if w.strip(",;:")]


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "s'")) and len(word) > 2


def _bare(word: str) -> str:
    return word.lower().strip(",;:")


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _not_a_name(words: list[str]) -> bool:
    """Tell a fragment ("On Monday", "Maybe I") from a name."""
    if _bare(words[0]) in STOP_WORDS:
        return True
    return any(_bare(w) in PERSONAL | DAYS for w in words)


def _is_description(words: list[str]) -> bool:
    """Tell a description ("senior officials", "a source close to ...") from a name."""
    first = _bare(words[0])
    if first in INDEFINITE or first in PRONOUNS or not _capital(words[0]):
        return True
    if first in ANONYMOUS_HEADS | VAGUE and len(words) > 1 and _bare(words[1]) in LINK_WORDS:
        return True  # "Officials at the ministry"
    return any(not _capital(w) and _bare(w) not in LINK_WORDS | PARTICLES for w in words)


def _person_run(words: list[str]) -> tuple[int, list[str]]:
    """Where the person's name at the end of a phrase starts, and its words ("Sen. Ann Lee")."""
    run: list[str] = []
    start = len(words)
    for i in range(len(words) - 1, -1, -1):
        word, bare = words[i], _bare(words[i])
        if bare in SUFFIXES and i == len(words) - 1:
            start = i
            continue
        if bare in NOT_PERSON:
            return len(words), []
        if _breaks_name(words, i, not run) or not _name_word(word):
            break
        run.insert(0, word)
        start = i
    return start, run


def _breaks_name(words: list[str], i: int, last: bool) -> bool:
    """Tell whether words[i] is a title or link; "King" after "Stephen" is a surname."""
    bare = _bare(words[i])
    if bare in LINK_WORDS:
        return True
    if bare not in ROLE_WORDS:
        return False
    before = _bare(words[i - 1]) if i > 0 else ""
    return not (last and before and before not in ROLE_WORDS and _capital(words[i - 1]))


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, no "-based" tail."""
    return (_capital(word) or _bare(word) in PARTICLES) and not re.search(r"-[a-z]", word)


def _plain_prefix(words: list[str]) -> bool:
    """Tell whether words before a name only qualify it ("Microsoft president", "Sen.")."""
    if words and _bare(words[-1]) in LINK_WORDS:
        return False  # "a source close to Ann Lee" is not Ann Lee
    return not any(_bare(w) in INDEFINITE | PRONOUNS | VAGUE for w in words)


def _person(words: list[str]) -> Speaker:
    """Key a person on first and last names, without middle initials."""
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _initial(w))]
    name = " ".join(kept)
    return Speaker(_normal(name), name, local=False)


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def _surname(word: str, context: "ArticleNames") -> Speaker:
    """A titled surname ("Sen. Lee"): the article's full name for it, else local."""
    full = context.full_names.get(word)
    return _person(full) if full is not None else _local(word)


def _single(word: str, context: "ArticleNames") -> Speaker:
    """A lone proper word: a surname the article completes, a surname alone, or a name."""
    full = context.full_names.get(word)
    if full is not None:
        return _person(full)
    bare = _bare(word)
    if bare in GENERIC | ROLE_WORDS or word in context.titled or bare in context.lower_words:
        return _local(word)
    return Speaker(_normal(word), word, local=False)


STOP_WORDS = set(
    """
    the a an and but or so if when while as at after before on in of for to by with from
    then yet also both this that these those his her their its our my your we i he she it
    they there here what who why how where said says according mr mrs ms dr
    """.split()
)
TEXT_LIMIT = 200_000
CAPITALISED_RUN = re.compile(r"(?<![\w'.-])[A-Z][\w'.-]*+(?: [A-Z][\w'.-]*+){1,5}")
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][\w'-]*+)")
LOWER_WORD = re.compile(r"\b[a-z]++\b")


class ArticleNames:
    """What an article says of its names, read once: full names, Mr. X, lower-case words."""

    def __init__(self, text: str, sources: Iterable[tuple[str, str]] = ()):
        """Read `text`; `sources` are its claims' (resolved name, words in the text) pairs."""
        head = (text or "")[:TEXT_LIMIT].replace("’", "'")
        sources = list(dict.fromkeys(sources))  # a speaker quoted often is read once
        self.full_names: dict[str, list[str]] = {}
        for name, _ in sources:
            self._add(_person_run(_words(name))[1])
        for match in CAPITALISED_RUN.finditer(head):
            self._add(_person_run(match.group().split())[1])
        self.titled = set(TITLED.findall(head))
        self.lower_words = set(LOWER_WORD.findall(head))
        named = (
            _speaker(name, self, "") for name, raw in sources if raw.strip().lower() not in PRONOUNS
        )
        self.named_keys = {speaker.key for speaker in named if not speaker.local}

    def _add(self, run: list[str]) -> None:
        """Keep the first full name for its surname; words before a stop word are dropped."""
        cut = max((i + 1 for i, w in enumerate(run) if _stop(w)), default=0)
        run = run[cut:]
        if len(run) >= 2:
            self.full_names.setdefault(run[-1], run)


def _stop(word: str) -> bool:
    """A capitalised word that begins a sentence or a date rather than a name."""
    bare = _bare(word)
    if bare in GENERIC or bare in STOP_WORDS or re.fullmatch(TIME_WORDS, bare):
        return True
    return _possessive(word) or bare.rstrip(".") in {"inc", "corp", "co", "ltd"}


def _organisation(words: list[str]) -> Speaker:
    """Key an organisation on its name; "X of Y" keys on X when X has two words or more."""
    head = words
    for i, word in enumerate(words):
        if _bare(word) == "of" and i >= 2:
            head = words[:i]
            break
    name = " ".join(words)
    return Speaker(_normal(" ".join(head)), name, local=False)


def _local(name: str) -> Speaker:
    clean = " ".join((name or "").split())[:MAX_NAME]
    return Speaker(_normal(clean) or "unnamed", clean, local=True)


def _normal(name: str) -> str:
    """Lower-case, apostrophes unified, dots and commas dropped, spaces single."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    return " ".join(re.sub(r"[.,]", "", text).split())
