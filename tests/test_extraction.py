"""Claim extraction on short hand-written articles, the seed article and bad input."""

import json
import time
from pathlib import Path

import pytest

from verify.extraction import (
    ExtractedClaim,
    ExtractionTimeout,
    claim_to_dict,
    extract_claims,
    html_to_text,
    source_key,
)

SEED_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seed"
SEED_TEXT = SEED_DIR / "article-kursk-command-post.txt"
SEED_EXPECTED = SEED_DIR / "article-kursk-command-post.expected.json"
CONTRACT = {
    "text",
    "start",
    "end",
    "source",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
}


def claim_with(claims: list[ExtractedClaim], phrase: str) -> ExtractedClaim:
    """Return the first claim whose text contains `phrase`."""
    found = [c for c in claims if phrase in c.text]
    assert found, f"no claim contains {phrase!r}: {[c.text for c in claims]}"
    return found[0]


def assert_offsets(text: str, claims: list[ExtractedClaim]) -> None:
    """Check every span indexes the text it claims to."""
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert 0 <= c.cue_start < c.cue_end <= len(text)
        assert text[c.cue_start : c.cue_end] == c.cue
        if c.source_start is not None:
            assert 0 <= c.source_start < c.source_end <= len(text)


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
    claims = extract_claims(text)
    assert len(claims) == 1
    assert claims[0].text.endswith('spring."')
    assert claims[0].source == "coach"


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
    claims = extract_claims(text)
    assert len(claims) == 1
    assert claims[0].kind == "reported"
    assert "gift to the richest" in claims[0].text


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
    claims = extract_claims(text)
    assert len(claims) == 1
    assert claims[0].note == "The Daily Ledger could not independently verify the claim."


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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "\x00\xff\ufffd" * 50,
        '"' * 500,
        "“" * 300 + "said" * 50,
        "Она сказала, что мост закроют в мае.",
        "Il a dit: « Nous partirons demain. »",
        bytes(range(256)).decode("latin-1") * 20,
        'He said: "',
        ", said",
        "Asked,",
        "The mayor said:\n\n\n“",
        "'' '' '' said Smith ''",
        "“Yes,” ― ",
        "Smith: :",
        "Jan. 5. Mr. U.S. said. said. said.",
    ],
)
def test_bad_input_never_raises(text, caplog):
    claims = extract_claims(text)
    assert_offsets(text, claims)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_non_string_input_gives_no_claims():
    assert extract_claims(None) == []  # type: ignore[arg-type]


def test_two_megabytes_of_text():
    lines = [
        f'"Harvest {n} was poor this year," the farmer said. It rained.\n' for n in range(40_000)
    ]
    text = "".join(lines)
    assert len(text) > 2_000_000
    claims = extract_claims(text)
    assert len(claims) == 40_000
    assert_offsets(text, claims)


def test_html_to_text_reads_the_main_text():
    html = (
        "<html><body><nav>Home | World</nav><article><h1>Storm</h1>"
        + "<p>The storm reached the coast on Sunday, the weather service said. " * 5
        + "</p></article></body></html>"
    )
    assert "the weather service said" in html_to_text(html)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html></html>",
        "<div></div>",
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
    ],
)
def test_html_without_main_text_gives_empty_string(html):
    assert html_to_text(html) == ""


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (
            [
                "the General Staff",
                "General Staff of Ukraine's Armed Forces",
                "Ukraine's General Staff",
                "Ukraine’s General Staff",
            ],
            True,
        ),
        (["President Volodymyr Zelensky", "Zelensky", "Volodymyr Zelensky"], True),
        (["General Staff", "Special Forces"], False),
    ],
)
def test_source_key_groups_one_speaker(names, same):
    keys = {source_key(name) for name in names}
    assert (len(keys) == 1) is same


def test_claim_to_dict_has_the_json_contract():
    claim = extract_claims('"Fares rise in May," the operator said.')[0]
    data = claim_to_dict(claim)
    assert CONTRACT <= set(data)
    assert json.loads(json.dumps(data)) == data


@pytest.fixture
def seed():
    if not SEED_TEXT.exists():
        pytest.skip(f"seed article not found at {SEED_DIR} (shared data not mounted)")
    text = SEED_TEXT.read_text(encoding="utf-8")
    return text, json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))


def test_seed_article_expected_claims(seed):
    text, expected = seed
    claims = extract_claims(text)
    assert_offsets(text, claims)
    for wanted in expected["claims"]:
        claim = claim_with(claims, wanted["content_contains"])
        assert claim.kind == wanted["kind"], wanted
        assert claim.cue.lower() == wanted["cue"].lower(), wanted
        source = wanted.get("resolved_source") or wanted["source"]
        if source is None:
            assert claim.source is None
        else:
            assert claim.source.replace("’", "'") == source.replace("’", "'"), wanted


def test_seed_article_notes_and_chrome(seed):
    text, expected = seed
    claims = extract_claims(text)
    for statement in expected["verification_statements"]:
        for phrase in statement["applies_to"]:
            assert statement["sentence_contains"] in (claim_with(claims, phrase).note or "")
        assert not [c for c in claims if statement["sentence_contains"] in c.text]
    for phrase in expected["not_claims"]:
        assert not [c for c in claims if phrase in c.text], phrase


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
        extract_claims(text, deadline=time.monotonic() - 1)
    assert len(extract_claims(text, deadline=None)) == 1
    assert len(extract_claims(text, deadline=time.monotonic() + 60)) == 1


def test_ordinary_errors_still_give_no_claims(monkeypatch, caplog):
    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr("verify.extraction.pipeline.quote_spans", broken)
    assert extract_claims("The port reopened on Monday, officials said.") == []
