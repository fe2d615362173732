"""Claim extraction: every pattern, on short articles written for these tests."""

import pytest

from tests.extraction_support import (
    assert_offsets,
    claim_with,
    only_claim,
)
from verify.extraction import (
    extract_claims,
)


@pytest.mark.parametrize(
    ("text", "phrase", "source", "cue", "kind"),
    [
        (
            '"The bridge will reopen in May," the mayor said.',
            "reopen in May",
            "mayor",
            "said",
            "direct_quote",
        ),
        (
            "“We have enough fuel for a week,” said Anna Berg, a port spokeswoman.",
            "enough fuel",
            "Anna Berg",
            "said",
            "direct_quote",
        ),
        (
            "''Prices will fall next year,'' Mr. Olsen said.",
            "Prices will fall",
            "Olsen",
            "said",
            "direct_quote",
        ),
        (
            'The minister told reporters: "Nobody will lose their job."',
            "lose their job",
            "minister",
            "told",
            "direct_quote",
        ),
        (
            "Jane Smith said that the council had approved the budget.",
            "approved the budget",
            "Jane Smith",
            "said",
            "reported",
        ),
        (
            "The factory will close by December, the company announced on Monday.",
            "factory will close",
            "company",
            "announced",
            "reported",
        ),
        (
            "According to the weather service, the storm will reach the coast tonight.",
            "storm will reach",
            "weather service",
            "According to",
            "reported",
        ),
        (
            "The vote was rigged, according to opposition leaders.",
            "vote was rigged",
            "opposition leaders",
            "according to",
            "reported",
        ),
        (
            "The governor denied that any money had gone missing.",
            "money had gone missing",
            "governor",
            "denied",
            "reported",
        ),
        (
            "Police warned residents to stay indoors until the fire is out.",
            "stay indoors",
            "Police",
            "warned",
            "reported",
        ),
        (
            "The mayor told reporters the tunnel would be finished within a year.",
            "tunnel would be finished",
            "mayor",
            "told",
            "reported",
        ),
        ("Rebels seize the airport, army says", "seize the airport", "army", "says", "reported"),
        (
            "Piet Berg, a spokesman for the port, said the cranes had been repaired.",
            "cranes had been repaired",
            "Piet Berg",
            "said",
            "reported",
        ),
        (
            "“We will rebuild the school before winter.” ― Maria Ortiz",
            "rebuild the school",
            "Maria Ortiz",
            "―",
            "direct_quote",
        ),
        (
            "Mayor Lee: The trains will run all night during the festival.",
            "trains will run",
            "Lee",
            ":",
            "reported",
        ),
        (
            "Olsen's claim that the budget was balanced surprised economists.",
            "budget was balanced",
            "Olsen",
            "claim",
            "reported",
        ),
        (
            "Asked whether the plant would close, the manager said no decision had been made.",
            "no decision had been made",
            "manager",
            "said",
            "reported",
        ),
    ],
)
def test_attributed_patterns(text, phrase, source, cue, kind):
    claims = extract_claims(text)
    claim = claim_with(claims, phrase)
    assert source in claim.source
    assert claim.cue.lower() == cue.lower()
    assert claim.kind == kind
    assert_offsets(text, claims)


@pytest.mark.parametrize(
    ("text", "phrase", "cue"),
    [
        (
            "The ferry company has reportedly cancelled all winter sailings.",
            "cancelled all winter sailings",
            "reportedly",
        ),
        (
            "The suspect is believed to have left the country on Friday.",
            "have left the country",
            "is believed",
        ),
        (
            "The singer was said to be recovering at home after the accident.",
            "recovering at home",
            "was said",
        ),
    ],
)
def test_hedges_without_source_are_unattributed(text, phrase, cue):
    claim = claim_with(extract_claims(text), phrase)
    assert claim.kind == "unattributed"
    assert claim.source is None and claim.source_start is None
    assert claim.source_kind == "unattributed"
    assert claim.cue == cue


def test_asked_without_asker_is_unattributed():
    text = "Asked whether the plant would close, the manager said no decision had been made."
    claim = claim_with(extract_claims(text), "whether the plant would close")
    assert claim.kind == "unattributed"
    assert claim.cue == "Asked"


def test_quote_spanning_sentences_and_its_continuation():
    text = (
        '"We tried everything. Nothing worked," the coach said, "so we will start again in spring."'
    )
    claim = only_claim(text)
    assert claim.text.endswith('spring."')
    assert claim.source == "coach"


def test_quote_continued_in_next_paragraph():
    text = (
        "Maria Lopez, the head nurse, described the night.\n\n"
        '"The corridor was full of patients and we had no beds left.\n\n'
        '"By morning, three more wards had opened," Lopez said.'
    )
    claim = claim_with(extract_claims(text), "no beds left")
    assert "three more wards" in claim.text
    assert claim.kind == "direct_quote"


def test_quoted_fragment_inside_reported_speech_is_one_claim():
    text = 'The senator said the new tax was "a gift to the richest families in town."'
    claim = only_claim(text)
    assert claim.kind == "reported"
    assert "gift to the richest" in claim.text


def test_pronoun_and_document_sources_are_resolved():
    text = (
        "Defence Minister Ola Nord spoke in parliament on Tuesday. "
        "He said the army would buy new helicopters.\n\n"
        "The Interior Ministry said the border was calm. "
        '"No incidents were recorded overnight," the statement read.'
    )
    claims = extract_claims(text)
    assert claim_with(claims, "new helicopters").source == "Ola Nord"
    assert claim_with(claims, "No incidents").source == "Interior Ministry"


def test_anonymous_source_kind():
    text = '"The convoy left at dawn," a senior diplomatic source said.'
    claim = claim_with(extract_claims(text), "convoy left")
    assert claim.source_kind == "anonymous"


def test_verification_statement_becomes_note_and_is_not_a_claim():
    text = (
        "The navy sank two patrol boats near the island, the navy command said.\n\n"
        "The Daily Ledger could not independently verify the claim."
    )
    claim = only_claim(text)
    assert claim.note == "The Daily Ledger could not independently verify the claim."


@pytest.mark.parametrize(
    "chrome",
    [
        "3 min read",
        "Show More",
        "Read more",
        "Sign up for our morning newsletter",
        "A protester holds a flag in the square on June 2. (Jan Novak/AFP via Getty Images)",
        "Piet Jansen is a reporter at The Harbour Times. He says he covers shipping.",
    ],
)
def test_page_chrome_is_not_a_claim(chrome):
    text = f"{chrome}\n\nThe port reopened on Monday, officials said.\n"
    claims = extract_claims(text)
    assert [c.text for c in claims] == ["The port reopened on Monday"]
