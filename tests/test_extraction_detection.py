"""Which sentences are claims: acts, nouns and idioms are not; quoted fragments stay whole."""

import pytest

from tests.extraction_support import cli_claims, only_claim
from verify.extraction import extract_claims

NOT_CLAIMS = (
    "The ministry announced a new housing plan on Monday.",
    "The coastguard requested help from a passing trawler.",
    "The tribunal decided the case in a single afternoon.",
    "Neighbours grumbled about the noise for months.",
    "Ms. Tan championed the merger during her years on the board.",
    "Her position on the tram line has changed since the election.",
    "His remarks to the students were brief.",
    "There’s no guarantee that the new ferry will sail in May.",
    "The same cannot be said of the western suburbs.",
    "In other words, the clinic needs ten more nurses.",
    'After a long pause, Judge Park asked the witness: "Finished?"',
    "The ten-year Treasury note has risen to 4 percent.",
    "The first estimate of the flood damage is already in.",
    "He left the board, a decision he disclosed on a radio show last week.",
    "Around the time Mr. Cole announced — Ms. Webb posted photos of the two of them.",
    "Ann Holt and Ben Cruz were named best actors at the festival.",
    "The club signed a $2 million contract with the striker.",
    "The shop owner reported the theft to the police.",
    "Will the bridge reopen? We think not.",
    "The harbour master was called on by fishermen for advice as the storm grew worse.",
    "Mere was called after the first boat her father ever built, and she now studies the harbour.",
    "The minister pointed to the new figures on housing.",
)


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_acts_nouns_and_idioms_are_not_claims(sentence):
    assert extract_claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "content", "source"),
    [
        ("The ministry announced that rents would be capped.", "rents would be capped", "ministry"),
        ("An auditor determined the fund lost $3 million.", "the fund lost $3 million", "auditor"),
        ("Ms. Hale decided to close the depot in June.", "close the depot", "Hale"),
        ("Mr. Ames said the vote was fair.", "the vote was fair", "Ames"),
        ("The minister pointed out that rents had fallen.", "rents had fallen", "minister"),
        ("The mayor was called a liar by Ola Berg.", "The mayor was called a liar", "Ola Berg"),
    ],
)
def test_the_same_cues_with_a_clause_stay_claims(sentence, content, source):
    claim = only_claim(sentence)
    assert content in claim.text
    assert source in claim.source


@pytest.mark.parametrize(
    ("sentence", "tail"),
    [
        (
            'Mayor Ruth Ochoa said "emergency shelters" might be needed until the river falls.',
            "might be needed until the river falls",
        ),
        (
            'In March, Dr. Ruth Ochoa estimated "between 2,000 and 3,000" could lose their homes.',
            "could lose their homes",
        ),
    ],
)
def test_a_quoted_fragment_keeps_the_rest_of_its_clause(sentence, tail):
    claim = only_claim(sentence)
    assert tail in claim.text
    assert claim.kind == "reported"
    assert "Ochoa" in claim.source


def test_a_quote_inside_a_sentence_keeps_the_words_before_it():
    text = 'Her budget will give families "a real choice about child care," Ms. Ford said.'
    claim = only_claim(text)
    assert claim.text.startswith("Her budget will give families")
    assert (claim.kind, claim.source) == ("reported", "Ford")


def test_a_quote_after_a_that_clause_continues_it():
    text = 'Mr. Ames told the panel that he would step aside, "if that is what the party wants."'
    claim = only_claim(text)
    assert "he would step aside" in claim.text
    assert "what the party wants" in claim.text
    assert "Ames" in claim.source


def test_a_scene_is_not_speech_but_its_source_still_speaks():
    text = 'According to Ms. Diaz, the sky went "completely orange" by noon.'
    claim = only_claim(text)
    assert "by noon" in claim.text and "Diaz" in claim.source


ARTICLE = "\n".join(
    [
        "The ministry announced a new housing plan on Monday.",
        "There’s no guarantee that the new ferry will sail in May.",
        'Mayor Ruth Ochoa said "emergency shelters" might be needed until the river falls.',
        "In other words, the clinic needs ten more nurses.",
    ]
)


def test_claims_extract_keeps_only_statements(runner, tmp_path):
    claims = cli_claims(runner, tmp_path, ARTICLE + "\n", "council.txt")
    assert len(claims) == 1
    assert claims[0]["text"].endswith("might be needed until the river falls")
    assert (claims[0]["kind"], claims[0]["source"]) == ("reported", "Ruth Ochoa")


def test_api_keeps_only_statements(client, auth_header):
    article = {"title": "Council week", "body": ARTICLE}
    response = client.post("/api/articles", json=article, headers=auth_header())
    assert response.status_code == 201
    claims = response.get_json()["claims"]
    assert len(claims) == 1
    assert "might be needed until the river falls" in claims[0]["text"]
    assert claims[0]["kind"] == "reported"


def test_a_question_put_by_its_speaker_is_not_a_claim():
    text = '"Did you read the contract before you signed it?" the prosecutor asked.'
    assert extract_claims(text) == []


def test_an_object_taking_cue_before_a_gerund_is_not_a_claim():
    text = "The judge concluded the hearing by asking both sides to settle."
    assert extract_claims(text) == []


def test_an_open_question_after_an_object_taking_cue_is_not_a_claim():
    assert extract_claims("The population data determine how seats are shared out.") == []


def test_a_caption_under_a_quote_is_not_its_speaker():
    text = (
        '"I got there at dawn," says Mr. Ruiz. "The river has never been this low."\n'
        "- Above, the dry bed of the river."
    )
    claims = extract_claims(text)
    assert [c.source for c in claims] == ["Ruiz"]
    assert "never been this low" in claims[0].text


def test_a_second_that_clause_after_a_quoted_fragment_stays_in_one_claim():
    text = (
        'Ms. Lund said that the board is "fully behind the plan," and that the union '
        "supports it too."
    )
    claim = only_claim(text)
    assert "the union supports it too" in claim.text
    assert claim.source == "Lund"


def test_an_agent_who_speaks_after_a_passive_is_the_source():
    claims = extract_claims("The plan was opposed by Labour MPs who said it would raise rents.")
    assert [(c.text, c.source) for c in claims] == [("it would raise rents", "Labour MPs")]


def test_a_headline_ending_in_a_bare_speaker_and_cue_is_a_claim():
    text = "Bus fares will rise again next year, mayor claims\nThe council met on Monday."
    claims = extract_claims(text)
    assert [(c.text, c.source) for c in claims] == [
        ("Bus fares will rise again next year", "mayor")
    ]


def test_doubled_quote_marks_are_one_mark():
    claims = extract_claims('""The new plan is sound,"" the minister said.')
    assert [(c.text, c.kind) for c in claims] == [('""The new plan is sound,""', "direct_quote")]


def test_a_stray_doubled_mark_continues_no_quote():
    claims = extract_claims('"The ferry will run," Mr. Bell said. ""')
    assert [c.text for c in claims] == ['"The ferry will run,"']
