"""Extraction edge cases: sentence-final attribution, sources, notes and the time limit."""

import pytest

from tests.extraction_support import (
    claim_with,
)
from verify.extraction import (
    ExtractionTimeout,
    extract_claims,
)
from verify.extraction.deadline import clock


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The ferry to Lindholm will not sail for a month after divers found damage to its hull,"
            " the shipping line said on Wednesday.",
            "shipping line",
            "said",
            "The ferry to Lindholm will not sail for a month after divers found damage to its hull",
        ),
        (
            "Bus drivers in Northfield have voted to stop work for two days in March,"
            " the drivers' association announced on Monday.",
            "drivers' association",
            "announced",
            "Bus drivers in Northfield have voted to stop work for two days in March",
        ),
        (
            "Museum shut after guards find leak in roof, council says",
            "council",
            "says",
            "Museum shut after guards find leak in roof",
        ),
        (
            "Nurses vote to strike over staffing, union says",
            "union",
            "says",
            "Nurses vote to strike over staffing",
        ),
    ],
)
def test_sentence_final_attribution_outranks_inner_verbs(text, source, cue, content):
    claims = extract_claims(text)
    assert [c.text for c in claims] == [content]
    assert claims[0].source == source and claims[0].cue == cue
    assert claims[0].pattern == "trailing"


def test_perception_verbs_are_not_cues_on_their_own():
    assert extract_claims("The divers found a crack in the hull of the old ferry.") == []
    claim = extract_claims("The auditors found that the fund had lost two million.")[0]
    assert claim.cue == "found" and "fund had lost" in claim.text


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "A hospital manager who asked not to be named said the ward would shut in May.",
            "A hospital manager who asked not to be named",
            "the ward would shut in May",
        ),
        (
            "Two diplomats who spoke on condition of anonymity told reporters the deal was close.",
            "Two diplomats who spoke on condition of anonymity",
            "the deal was close",
        ),
    ],
)
def test_relative_clause_inside_the_subject_belongs_to_the_source(text, source, content):
    claims = extract_claims(text)
    assert [c.text for c in claims] == [content]
    assert claims[0].source == source
    assert claims[0].source_kind == "anonymous"


def test_commas_inside_numbers_never_end_a_span():
    text = "The new stadium reportedly holds about 45,000 fans and cost 1,250,000 euros."
    assert extract_claims(text)[0].text == text.rstrip(".")


def test_and_source_said_inside_a_sentence_is_its_own_claim():
    text = (
        "Farmers are expected to welcome the new subsidy, and an agriculture official said"
        " payments would start in June."
    )
    claims = extract_claims(text)
    hedge = claim_with(claims, "welcome the new subsidy")
    assert hedge.kind == "unattributed"
    claim = claim_with(claims, "payments would start in June")
    assert claim.source == "an agriculture official" and claim.cue == "said"
    assert "subsidy" not in claim.text


def test_verification_note_goes_to_the_claim_it_names():
    text = (
        "Engineers said the dam had been checked in spring. She added that the repair bill"
        " would come to 2 million dollars.\n\n"
        "According to the water board, the leak was caused by a broken valve.\n\n"
        "The Valley Herald could not independently verify the repair bill."
    )
    claims = extract_claims(text)
    assert claim_with(claims, "repair bill would").note.startswith("The Valley Herald")
    assert claim_with(claims, "broken valve").note is None
    assert claim_with(claims, "checked in spring").note is None


def test_no_comment_statement_does_not_mark_the_silent_party():
    text = (
        "Cleaners at the airport will strike on Monday, their union said.\n\n"
        "The airport operator said flights would not be affected.\n\n"
        "The airport operator did not respond to a request for comment on the union's pay data."
    )
    claims = extract_claims(text)
    assert claim_with(claims, "flights would not be affected").note is None
    assert claim_with(claims, "will strike on Monday").note.startswith("The airport operator")


def test_verification_sentence_naming_nothing_falls_back_to_the_most_cited_source():
    text = (
        "The rebels took the bridge, the rebel command said. The rebel command said ten"
        " soldiers surrendered.\n\n"
        "Residents said the town was quiet.\n\n"
        "The Daily Ledger could not verify the claims."
    )
    claims = extract_claims(text)
    assert claim_with(claims, "took the bridge").note
    assert claim_with(claims, "ten soldiers").note
    assert claim_with(claims, "town was quiet").note is None


def test_past_deadline_raises_and_no_deadline_never_does():
    text = "The port reopened on Monday, officials said."
    with pytest.raises(ExtractionTimeout):
        extract_claims(text, deadline=clock() - 1)
    assert len(extract_claims(text, deadline=None)) == 1
    assert len(extract_claims(text, deadline=clock() + 60)) == 1


def test_an_internal_error_is_raised_not_taken_for_no_claims(monkeypatch):
    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr("verify.extraction.pipeline.quote_spans", broken)
    with pytest.raises(ValueError, match="boom"):
        extract_claims("The port reopened on Monday, officials said.")
