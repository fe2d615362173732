"""Keep a headline's claims only when it says who said what: "Fares will rise, city says"."""

import re

# Headlines drop verbs and capitalise every word, so most cue words there are not speech
# ("Woman Attacks Inspector", "Plan Plagues Bid", "United States to Lift ..."); only these are.
SPEECH_CUES = frozenset(
    "say says said tell tells told warn warns warned claim claims claimed deny denies denied "
    "insist insists urge urges admit admits vow vows argue argues accuse accuses accused "
    "question questions slam slams blast blasts criticize criticizes criticise criticises "
    "defend defends reject rejects dismiss dismisses praise praises demand demands predict "
    "predicts suggest suggests promise promises pledge pledges announce announces confirm "
    "confirms reveal reveals threaten threatens doubt doubts".split()
) | {"according to"}
QUOTED = re.compile(r"[\"“”‘’']")
# A first line this short, without a full stop at its end, is a headline, not a paragraph.
MAX_HEADLINE_WORDS = 30


def headline_end(text: str) -> int | None:
    """Where the text's first line ends, when that line is a headline; else None."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        return None
    line = text[start:end].strip()
    if len(line.split()) > MAX_HEADLINE_WORDS or line.endswith("."):
        return None
    return end


def keep_headline_claim(text: str, claim, end: int | None) -> bool:
    """Whether a claim may stay: outside the headline, or under a speech cue or in quotes."""
    if end is None or claim.start >= end:
        return True
    words = " ".join(claim.cue.lower().split())
    if words in SPEECH_CUES:
        return True
    quoted = QUOTED.search(text, max(0, claim.start - 1), claim.end + 1)
    return claim.pattern == "colon" and quoted is not None
