"""Extraction on bad input, HTML, the seed article, source keys and the JSON contract."""

import json

import pytest

from tests.conftest import NO_SEED
from tests.extraction_support import (
    CONTRACT,
    SEED_EXPECTED,
    SEED_TEXT,
    assert_offsets,
    claim_with,
)
from verify.extraction import (
    claim_to_dict,
    extract_claims,
    html_to_text,
    source_key,
)


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
        pytest.skip(NO_SEED)
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
