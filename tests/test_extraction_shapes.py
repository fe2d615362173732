"""Attribution shapes beyond the basic patterns, on sentences written for these tests."""

import pytest

from verify.extraction import ExtractedClaim, extract_claims


def claim_with(claims: list[ExtractedClaim], phrase: str) -> ExtractedClaim:
    """Return the first claim whose text contains `phrase`."""
    found = [c for c in claims if phrase in c.text]
    assert found, f"no claim contains {phrase!r}: {[c.text for c in claims]}"
    return found[0]


def assert_offsets(text: str, claims: list[ExtractedClaim]) -> None:
    """Check every span indexes the text it claims to."""
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert text[c.cue_start : c.cue_end] == c.cue


@pytest.mark.parametrize(
    ("text", "phrase", "source", "cue", "pattern"),
    [
        (
            "In the latest Valley Herald poll, the mayor leads her rival by six points.",
            "mayor leads her rival",
            "latest Valley Herald poll",
            "In",
            "framed",
        ),
        (
            '"We will not close the ward," the director said, adding that two nurses would'
            " be hired in March.",
            "two nurses would be hired",
            "director",
            "adding",
            "participle",
        ),
        (
            "Lena Fox — who runs the bakery on Quay Street — told the Herald she would close"
            " in May.",
            "she would close in May",
            "Lena Fox",
            "told",
            "subject_cue",
        ),
        (
            "About 4 in 10 residents say the new bus lanes have made the centre quieter.",
            "bus lanes have made",
            "About 4 in 10 residents",
            "say",
            "subject_cue",
        ),
        (
            "Fishing Union Endorses Harbour Tunnel Plan",
            "Harbour Tunnel Plan",
            "Fishing Union",
            "Endorses",
            "subject_cue",
        ),
        (
            "Nora Vik, 41, of Eastmere, Ohio, says the school run now takes an hour.",
            "school run now takes an hour",
            "Nora Vik",
            "says",
            "subject_cue",
        ),
    ],
)
def test_more_attribution_shapes(text, phrase, source, cue, pattern):
    claims = extract_claims(text)
    claim = claim_with(claims, phrase)
    assert claim.source == source and claim.cue == cue and claim.pattern == pattern
    assert_offsets(text, claims)


def test_quote_continues_past_a_participle_of_its_speaker():
    text = (
        '"The tunnel is safe," the engineer said, referring to the new survey. "Nobody should'
        ' worry about the cracks."'
    )
    claims = extract_claims(text)
    quote = claim_with(claims, "tunnel is safe")
    assert quote.text.endswith('cracks."') and quote.kind == "direct_quote"
    participle = [c for c in claims if c.pattern == "participle"]
    assert [(c.text, c.cue, c.source) for c in participle] == [
        ("the new survey", "referring to", "engineer")
    ]


def test_quote_with_its_own_speaker_is_not_joined_to_the_previous_one():
    text = '"The pier is rotten," said Ann Lee, who runs the cafe. "It will fall," said Ann Lee.'
    claims = [c for c in extract_claims(text) if c.kind == "direct_quote"]
    assert [c.text for c in claims] == ['"The pier is rotten,"', '"It will fall,"']


def test_quoted_fragment_after_an_inner_verb_stays_in_the_reported_claim():
    text = 'The mayor said that the new harbour master shows "real courage" in hard times.'
    claims = extract_claims(text)
    assert len(claims) == 1 and claims[0].source == "mayor"
    assert "real courage" in claims[0].text


def test_that_as_does_not_start_a_second_claim():
    text = "The coach has said that as captain she would decide who plays in the final."
    claims = extract_claims(text)
    assert len(claims) == 1 and claims[0].text.startswith("that as captain")


def test_relative_clause_claim_ends_before_the_main_verb():
    text = "Vega, who says the ferry is unsafe, told the council the pier should close."
    claims = extract_claims(text)
    assert [(c.text, c.cue) for c in claims] == [
        ("the ferry is unsafe", "says"),
        ("the pier should close", "told"),
    ]
    assert {c.source for c in claims} == {"Vega"}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The harbour, she said, is busier than ever.",
            "The harbour, she said, is busier than ever",
        ),
        ("Tickets sold out fast, he said, waving a poster.", "Tickets sold out fast"),
    ],
)
def test_attribution_between_commas(text, content):
    claims = extract_claims(text)
    assert [(c.text, c.pattern, c.cue) for c in claims] == [(content, "parenthetical", "said")]


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        (
            "According to the surveying company that checked the dam, the wall is sound.",
            "surveying company that checked the dam",
            "official",
        ),
        (
            "Fewer children fell ill last winter, doctors at St. Agnes Clinic reported.",
            "doctors at St. Agnes Clinic",
            "official",
        ),
        (
            '"The gate is jammed," ferry captain Ida Holm said.',
            "Ida Holm",
            "person",
        ),
        (
            "Another harbour source speaking to the Herald said the crane had failed twice.",
            "Another harbour source speaking to the Herald",
            "anonymous",
        ),
    ],
)
def test_source_names_and_kinds(text, source, kind):
    claim = extract_claims(text)[0]
    assert (claim.source, claim.source_kind) == (source, kind)
