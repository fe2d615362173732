"""The seed article posted to the API comes back with every expected claim."""

import json

import pytest

from tests.conftest import SEED_DIR

SEED_TEXT = SEED_DIR / "article-kursk-command-post.txt"
SEED_EXPECTED = SEED_DIR / "article-kursk-command-post.expected.json"

pytestmark = pytest.mark.skipif(
    not SEED_TEXT.exists(), reason=f"seed article not found at {SEED_DIR}"
)


@pytest.fixture
def expected():
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture
def seed_claims(client, auth_header):
    body = SEED_TEXT.read_text(encoding="utf-8")
    response = client.post(
        "/api/articles",
        json={"title": "Ukraine destroys Russian command post", "body": body},
        headers=auth_header(),
    )
    assert response.status_code == 201
    return response.get_json()["claims"]


def find_claim(claims, phrase):
    matches = [claim for claim in claims if phrase in claim["text"]]
    assert matches, f"no claim contains {phrase!r}"
    return matches[0]


def same_source(found, wanted) -> bool:
    found = (found or "").lower().replace("’", "'")
    wanted = wanted.lower().replace("’", "'")
    return wanted in found or found in wanted


def test_every_expected_claim_is_found_with_its_source(seed_claims, expected):
    for wanted in expected["claims"]:
        claim = find_claim(seed_claims, wanted["content_contains"])
        assert claim["kind"] == wanted["kind"], wanted
        assert claim["cue"].lower() == wanted["cue"].lower(), wanted
        source = wanted.get("resolved_source") or wanted["source"]
        if source is None:
            assert claim["source"] is None
        else:
            assert same_source(claim["source"], source), (claim["source"], source)


def test_verification_statement_becomes_the_note(seed_claims, expected):
    for statement in expected["verification_statements"]:
        for phrase in statement["applies_to"]:
            claim = find_claim(seed_claims, phrase)
            assert claim["status"] == "unverified"
            assert statement["sentence_contains"] in (claim["note"] or "")


def test_page_chrome_is_not_a_claim(seed_claims, expected):
    for phrase in expected["not_claims"]:
        assert not [claim for claim in seed_claims if phrase in claim["text"]], phrase
