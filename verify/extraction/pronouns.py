"""Whether a name can be "he" or "she": place and thing words, first names by gender."""

# Heads of capitalised runs that name places, programmes, events, things or parties
# ("an Ohio Democrat"), not people.
THING_HEADS = set(
    """
island islands street avenue road square bridge tower park river lake bay harbour harbor
port mountain
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
