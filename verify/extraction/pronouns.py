"""Who "he" or "she" is: capitalised runs before the pronoun that can name a person."""

from verify.extraction.lexicon import TITLES

# Heads of capitalised runs that name places, programmes, events, things or parties
# ("an Ohio Democrat"), not people.
THING_HEADS = set(
    """
island islands street avenue road square bridge tower park river lake bay mountain
mountains valley coast beach security act bill law program programme plan fund
recession war crisis day week month year hotel hall airport station church party
cup games olympics league series summit conference festival award awards prize
mac fail paulo city county state states republic kingdom union province district
democrat democrats republican republicans independent
""".split()
)

# First words of place names: "South Sudan", "New Mexico", "West Bank".
PLACE_OPENERS = set(
    """
north south east west northern southern eastern western central new san santa los las
upper lower greater united
""".split()
)

# Capitalised sentence openers that are not part of a name: "When Trump", "In Ohio".
OPENERS = set(
    """
when but and as after before if while in on at for with from by since though although
so then yet because once until unless where whereas meanwhile however still also
the a an this that these those his her their its our my
""".split()
)


def split_runs(tokens: list[str]) -> list[list[str]]:
    """Split a capitalised run at sentence ends ("Guiyang. He" -> "Guiyang.", "He")."""
    runs: list[list[str]] = [[]]
    for token in tokens:
        runs[-1].append(token)
        if _ends_sentence(token):
            runs.append([])
    return [run for run in runs if run]


def last_sentence(tokens: list[str]) -> list[str]:
    """Return the tokens after the last sentence end, without a leading "When" or "But"."""
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if _ends_sentence(t)), default=0)
    while cut < len(tokens) - 1 and tokens[cut].lower() in OPENERS:
        cut += 1
    return tokens[cut:]


def _ends_sentence(token: str) -> bool:
    """Tell whether a token closes a sentence ("Guiyang."), not an initial or a title."""
    bare = token.rstrip(".")
    return token.endswith(".") and len(bare) > 2 and bare.lower() not in TITLES and "." not in bare


def names_a_thing(tokens: list[str]) -> bool:
    """Tell whether a capitalised run ends in a place or thing word, or opens as a place."""
    head = tokens[-1].lower().rstrip(".,").removesuffix("'s").removesuffix("’s")
    return head in THING_HEADS or tokens[0].lower() in PLACE_OPENERS


# Common first names and honorifics, to keep "she" from a man's name and "he" from a woman's.
MALE = set(
    """
mr sir lord king prince john james robert michael william david richard joseph thomas
charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth
kevin brian george timothy ronald jason edward jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander
raymond patrick jack dennis jerry tyler aaron henry peter harry barack bill joe mike
tom tim jim bob ted newt mitch chuck bernie rand marco ben nick vladimir emmanuel boris
""".split()
)
FEMALE = set(
    """
mrs ms miss madam lady dame queen princess mary patricia jennifer linda elizabeth
barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily
donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane julie
joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl megan
andrea hannah jacqueline ann jean alice kathryn gloria teresa sara janice doris julia
hillary nikki kamala sharron elise ursula theresa marine
""".split()
)


def first_name(token: str) -> bool:
    """Tell whether a token is a common first name or honorific."""
    bare = token.lower().strip(".,")
    return bare in MALE or bare in FEMALE


def other_gender(pronoun: str, run: list[str]) -> bool:
    """Tell whether a name run is clearly of the other gender than "he"/"she"."""
    first = {t.lower().strip(".,") for t in run[:3]}
    if pronoun in {"she", "her"}:
        return bool(first & MALE) and not first & FEMALE
    if pronoun in {"he", "him", "his"}:
        return bool(first & FEMALE) and not first & MALE
    return False
