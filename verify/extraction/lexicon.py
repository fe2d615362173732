"""Hand-written word lists: cue verbs, hedges, titles and source nouns."""

import re

# Verbs of saying, reporting and stance, in their base form.
SPEECH_VERBS = """
say tell add write ask note report announce suggest claim argue explain declare
insist warn state emphasize emphasise stress acknowledge admit deny allege assert
contend confirm reveal recall observe predict promise pledge vow tweet post reply
respond answer comment conclude complain concede maintain mention remark repeat
reiterate testify propose urge accuse blame charge criticize criticise praise
describe call counter retort joke quip boast brag lament muse wonder speculate
question demand threaten advise caution inform remind assure signal hint imply
forecast estimate find show indicate agree disagree recount recommend explain
acknowledge announce dismiss reject defend attack blast slam mock decry condemn
denounce applaud welcome endorse support oppose cite quote describe label dub
characterize characterise portray insist object protest grumble scoff sneer
shout yell scream whisper murmur mutter exclaim cry pray preach proclaim
express voice offer push press tout vote back cast name dub brand nominate
appoint sign veto pass introduce sponsor champion embrace reject renounce
disavow distance insult ridicule lambast blast knock hit target slam deride
compare liken contrast predict foreshadow acknowledge reveal disclose emphasise
point order discuss talk speak refer exhort implore bark fume snap rail rant gush marvel
laugh sigh plead beg interject interrupt
bristle chant scold chide taunt tease thunder roar holler lecture rage cheer
reassure pitch vouch swear guarantee bet concur echo affirm reaffirm clarify
elaborate specify detail outline summarize summarise highlight underscore
underline emphasize predict project guess figure reckon surmise posit theorize
theorise hypothesize hypothesise acknowledge admit confess disclose divulge
leak publish print air broadcast tout trumpet hail laud credit thank congratulate
apologize apologise regret lament mourn complain criticize question challenge
dispute doubt deny refute rebut contradict correct recant retract reverse
decide identify favor favour request reference deem determine demonstrate advocate
envision envisage interpret foresee anticipate remember bemoan assail lambaste
castigate berate rebuke reprimand disparage belittle downplay calculate insinuate
convey depict query inquire ponder reminisce rue commend extol fault deplore
cosponsor beseech aver attest certify
unveil mull hammer bash skewer confide crow gloat grouse gripe carp quibble fret
seethe enthuse opine editorialize retweet pronounce decree instruct notify promote
admire dislike detest despise loathe resent mistrust distrust learn vent foretell
""".split()

# Verbs of belief, intention and perception that also introduce attributed content.
STANCE_VERBS = """
think believe hope fear expect want know feel worry doubt suspect assume
understand realize realise recognize recognise consider regard view see
plan intend seek aim vow refuse decline threaten wish prefer insist
""".split()

IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing", "shown"),
    "know": ("knows", "knew", "knowing", "known"),
    "feel": ("feels", "felt", "feeling"),
    "see": ("sees", "saw", "seeing", "seen"),
    "understand": ("understands", "understood", "understanding"),
    "swear": ("swears", "swore", "swearing", "sworn"),
    "bet": ("bets", "bet", "betting"),
    "seek": ("seeks", "sought", "seeking"),
    "broadcast": ("broadcasts", "broadcast", "broadcasting"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "read": ("reads", "read", "reading"),
    "shoot": ("shoots", "shot", "shooting"),
    "put": ("puts", "put", "putting"),
    "go": ("goes", "went", "going"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taking", "taken"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "cry": ("cries", "cried", "crying"),
    "reply": ("replies", "replied", "replying"),
    "testify": ("testifies", "testified", "testifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "specify": ("specifies", "specified", "specifying"),
    "foretell": ("foretells", "foretold", "foretelling"),
    "foresee": ("foresees", "foresaw", "foreseeing", "foreseen"),
}
DOUBLING = {"admit", "regret", "quip", "plan", "rebut", "bet", "refer", "commit"}


def inflect(verb: str) -> tuple[str, ...]:
    """Return the base form and the regular inflections of a verb."""
    if verb in IRREGULAR:
        return (verb, *IRREGULAR[verb])
    stem = verb + verb[-1] if verb in DOUBLING else verb
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else verb + "s"
    if verb.endswith("e"):
        return verb, third, verb + "d", verb[:-1] + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    return verb, third, stem + "ed", stem + "ing"


def _forms(verbs: list[str]) -> set[str]:
    """Return every inflection of every verb in `verbs`."""
    return {form for verb in verbs for form in inflect(verb)}


SPEECH_FORMS = _forms(SPEECH_VERBS)
STANCE_FORMS = _forms(STANCE_VERBS)
CUE_FORMS = SPEECH_FORMS | STANCE_FORMS

# Cues that stand after the content: "..., he said." / "..., said Smith."
TRAILING_CUES = _forms(
    """
say tell add write ask note report announce claim argue explain declare insist
warn state emphasize stress acknowledge admit allege assert contend confirm
reveal recall observe predict promise tweet post reply respond answer comment
conclude complain concede maintain mention remark reiterate testify read
joke quip boast lament muse wonder speculate counter retort caution
think believe hope fear expect suggest learn
""".split()
) | {"learnt"}

# Cues after a quote also include "continued": `"...," he continued.`
QUOTE_CUES = TRAILING_CUES | CUE_FORMS | _forms("continue shoot fire put go chime".split())

# Cue forms that are as often nouns ("strong support", "in some states").
NOUN_LIKE = {
    inflect(verb)[i]
    for i in (0, 1)
    for verb in """
support state view plan project call report claim comment answer reply question
post tweet charge attack hope fear doubt estimate find show signal leak print air
bet pitch echo label quote counter object protest cry charge credit question
remark note sign vote attack dispute guarantee hit cast name push press
target release insult knock blast slam point thank back offer challenge contrast
favor favour request reference fault query demand whisper promise pledge cheer
figure
""".split()
}
# Nouns that make the cue-like word before them a modifier: "press secretary",
# "supporting actress", "signing ceremony".
MODIFIED_NOUNS = set(
    """
secretary secretaries conference conferences release releases office officer corps
actress actor actors role roles cast ceremony statement team staff group groups
""".split()
)

# Verbs taking an addressee before the content: "told reporters that ...".
ADDRESSEE_VERBS = _forms("tell assure inform remind".split())

# Participles that open a second attribution: "..., adding that ...".
PARTICIPLE_CUES = {f for f in SPEECH_FORMS | STANCE_FORMS if f.endswith("ing")}

# Words that may sit between a source and its cue: "has also said".
AUXILIARIES = set(
    """
has have had also would will did does do is was were are been be not never
again later then previously repeatedly publicly privately once often recently
even already first further just quickly flatly openly initially long still
frequently separately subsequently simply specifically explicitly directly
very more less increasingly deeply highly so too quite fairly extremely
particularly equally especially remains remained seems seemed being
don't doesn't didn't won't wouldn't can't couldn't isn't aren't wasn't weren't hasn't haven't
""".split()
)
AUXILIARIES |= {word.replace("'", "’") for word in AUXILIARIES if "'" in word}

# Finite verbs that cannot sit inside a source phrase.
FINITE_VERBS = set(
    """
is are was were be been has have had will would can could should may might must
do does did
""".split()
)
DETERMINERS = set("the a an this these those his her its their our my your".split())
PRONOUNS = set("he she they it we i you who which".split())
CONJUNCTIONS = set(
    """
and but while because as when although though after before since if so that
where whereas until unless or nor yet once than
""".split()
)

HEDGES = (
    r"reportedly|allegedly|purportedly|supposedly|apparently|"
    r"(?:seems?|seemed|appears?|appeared)\s+(?:to|like|that|as if|as though)|seemingly|"
    r"(?:seems?|seemed)(?=\s+(?:more|less|very|so|too|quite|rather|increasingly|un\w+|\w+ed)\b)|"
    r"(?:is|are|was|were|has been|have been|had been)(?: not)? (?:said|reported|believed|"
    r"thought|expected|rumou?red|alleged|understood|estimated|considered|forecast|"
    r"projected|predicted|widely (?:believed|expected|seen|viewed)) to|"
    r"it (?:appears|appeared|seems|seemed)(?= [a-z])|"
    r"information reaching (?:[\w.-]+ ){1,4}(?:is|was) that|"
    r"it (?:is|was|has been) (?:said|reported|believed|thought|understood|alleged|"
    r"rumou?red|expected|claimed|learned|learnt) that|"
    r"(?:seen|viewed|interpreted) as|"
    r"(?:reports|rumou?rs) (?:say|said|suggest|suggested|indicate|indicated)"
)

# Adjectives of stance after a form of "be": "is confident that", "was eager to".
STANCE_ADJECTIVES = set(
    """
confident certain sure convinced skeptical sceptical worried concerned optimistic
pessimistic hopeful adamant eager unclear aware unaware opposed critical supportive
proud afraid angry upset happy pleased disappointed frustrated furious open willing
unwilling reluctant determined careful unafraid fearful doubtful mindful wary
keen anxious nervous comfortable uncomfortable satisfied dissatisfied grateful
sorry glad thrilled excited outraged outspoken vocal silent quiet firm clear
""".split()
)
BE_FORMS = set("is are was were be been being remains remained seems seemed".split())
# Participles of holding a view: "is regarded by divers as ...", "is believed to".
VIEW_FORMS = {"regarded", "viewed", "considered", "believed", "thought", "seen"}

# Titles dropped before a name when resolving and keying sources.
TITLES = set(
    """
president vice prime minister secretary gen general lt col maj capt sgt adm
sen senator rep representative gov governor mayor mr mrs ms miss dr prof
professor judge justice chief commander spokesman spokeswoman spokesperson
ambassador chancellor king queen prince pope rev ceo chairman chairwoman
chair director deputy former acting candidate nominee speaker leader
state foreign defense defence interior first lady
""".split()
)
TITLE_PREFIXES = re.compile(r"^(?:U\.S\.|US|UK|U\.K\.|EU|UN|U\.N\.)\s+")

# Nouns that mark an organisation rather than a person.
ORG_NOUNS = set(
    """
staff forces force ministry army navy office service council committee party
agency department command guard police government administration commission
court parliament senate congress house kremlin pentagon military campaign
group union university institute center centre foundation bank company firm
hospital clinic school college church museum
corporation fund board bureau authority authorities regime brigade battalion
unit units troops operators directorate intelligence headquarters
""".split()
)

MEDIA_WORDS = set(
    """
reuters ap afp bloomberg cnn bbc msnbc nbc abc cbs fox politico axios times post
journal news newspaper tribune guardian telegraph independent magazine outlet
outlets media press agency interfax tass ria ukrinform ukrainska pravda
associated report reports reporter reporters correspondent breitbart huffpost
poll polls survey study
""".split()
)
SOCIAL_WORDS = set(
    """
telegram twitter tweet tweets facebook instagram tiktok youtube x channel channels
blogger bloggers post posts account accounts vkontakte
""".split()
)
OFFICIAL_WORDS = ORG_NOUNS | set(
    """
president minister ministry spokesman spokeswoman spokesperson official officials
governor mayor secretary general statement white kremlin pentagon embassy
city town county municipality province region
ambassador prosecutor prosecutors senator representative lawmaker lawmakers
""".split()
)
ANONYMOUS_HEADS = set(
    """
source sources official officials person people insider insiders aide aides
diplomat diplomats someone observers analysts experts residents witnesses
""".split()
)
