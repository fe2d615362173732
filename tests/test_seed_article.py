"""Articles posted to the API come back with every claim a fact-checker expects.

The project's own article always runs. The shared seed article, the example verify was
conceived from, is measured only where the shared data lies beside the checkout.
"""

import json

import pytest

from tests.conftest import NO_SEED, OWN_ARTICLE, OWN_ARTICLE_TITLE, SEED_DIR

SEED_TEXT = SEED_DIR / "article-kursk-command-post.txt"
ARTICLES = {
    "own article": (OWN_ARTICLE, OWN_ARTICLE_TITLE),
    "shared seed": (SEED_TEXT, "Ukraine destroys Russian command post"),
}


@pytest.fixture(params=ARTICLES.values(), ids=ARTICLES.keys())
def article_file(request):
    path, title = request.param
    if path == SEED_TEXT and not path.exists():
        pytest.skip(NO_SEED)
    return path, title


@pytest.fixture
def expected(article_file):
    path, _title = article_file
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def posted_claims(client, auth_header, article_file):
    path, title = article_file
    response = client.post(
        "/api/articles",
        json={"title": title, "body": path.read_text(encoding="utf-8")},
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


def test_every_expected_claim_is_found_with_its_source(posted_claims, expected):
    for wanted in expected["claims"]:
        claim = find_claim(posted_claims, wanted["content_contains"])
        assert claim["kind"] == wanted["kind"], wanted
        assert claim["cue"].lower() == wanted["cue"].lower(), wanted
        source = wanted.get("resolved_source") or wanted["source"]
        if source is None:
            assert claim["source"] is None
        else:
            assert same_source(claim["source"], source), (claim["source"], source)


def test_verification_statement_becomes_the_note(posted_claims, expected):
    for statement in expected["verification_statements"]:
        for phrase in statement["applies_to"]:
            claim = find_claim(posted_claims, phrase)
            assert claim["status"] == "unverified"
            assert statement["sentence_contains"] in (claim["note"] or "")


def test_page_chrome_is_not_a_claim(posted_claims, expected):
    for phrase in expected["not_claims"]:
        assert not [claim for claim in posted_claims if phrase in claim["text"]], phrase
