"""Claims that are easy to miss: impersonal hedges, findings, inverted groups, memo lists."""

import pytest

from tests.extraction_support import cli_claims, only_claim
from verify.extraction import extract_claims


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Turnout is falling, and it appears younger voters are staying home.",
            "younger voters are staying home",
        ),
        (
            "Temperatures are forecast to pass 40 degrees in the valley.",
            "pass 40 degrees in the valley",
        ),
        (
            "Information reaching the Daily Ledger is that about 4:30 pm, two men left the bank.",
            "two men left the bank",
        ),
    ],
)
def test_impersonal_hedges_are_unattributed_claims(sentence, content):
    claim = only_claim(sentence)
    assert content in claim.text
    assert claim.kind == "unattributed"


def test_a_sentence_ending_in_has_learnt_is_a_claim():
    text = "Detectives have arrested a second man, the Daily Ledger has learnt."
    claim = only_claim(text)
    assert claim.text == "Detectives have arrested a second man"


def test_a_finding_of_records_at_the_end_of_a_sentence_is_a_claim():
    text = "Rents rose by a third in five years, council housing figures show."
    claim = only_claim(text)
    assert claim.text == "Rents rose by a third in five years"
    assert "figures" in claim.source


def test_an_inverted_group_between_commas_is_a_source():
    text = "The new levy, say economists, will fall hardest on small farms."
    claim = only_claim(text)
    assert "fall hardest on small farms" in claim.text
    assert claim.source == "economists"


MEMO = "\n".join(
    [
        "A party official shared a memo with reporters whose key messages include:",
        '• "The bus pass will stay free for every pensioner.',
        "• The depot will reopen before the winter.",
        "Voters go to the polls on Thursday.",
    ]
)


def test_items_after_a_documents_include_are_its_claims():
    claims = extract_claims(MEMO)
    assert [(c.kind, c.source) for c in claims] == [("direct_quote", "memo"), ("reported", "memo")]
    assert "bus pass will stay free" in claims[0].text
    assert "depot will reopen" in claims[1].text


def test_claims_extract_finds_hedges_and_findings(runner, tmp_path):
    body = "Temperatures are forecast to pass 40 degrees in the valley.\n"
    body += "Rents rose by a third in five years, council housing figures show.\n"
    claims = cli_claims(runner, tmp_path, body, "valley.txt")
    assert [c["kind"] for c in claims] == ["unattributed", "reported"]


def test_api_finds_memo_items(client, auth_header):
    article = {"title": "Memo", "body": MEMO}
    response = client.post("/api/articles", json=article, headers=auth_header())
    assert response.status_code == 201
    texts = [c["text"] for c in response.get_json()["claims"]]
    assert len(texts) == 2
    assert "The depot will reopen before the winter" in texts[1]


def test_a_hedged_clause_goes_on_over_a_prepositional_phrase():
    text = "The two men allegedly rented three flats, with rent up to $900, to run the scheme."
    claim = only_claim(text)
    assert "rented three flats, with rent up to $900" in claim.text


def test_a_passive_cue_gives_its_agent_as_source():
    text = 'The new timetable has been described as "chaotic" by the commuters\' union.'
    claim = only_claim(text)
    assert claim.text.startswith("The new timetable has been described")
    assert "union" in claim.source


def test_a_passive_cue_without_an_agent_is_unattributed():
    claim = only_claim("The new timetable was criticized as chaotic.")
    assert claim.text == "The new timetable was criticized as chaotic"
    assert (claim.kind, claim.source) == ("unattributed", None)


def test_a_stance_after_be_stays_with_its_subject():
    claims = extract_claims("Ms. Ward is determined to reopen the library.")
    assert [c.source for c in claims] == ["Ward"]
