"""Wire-copy failure types on short articles: `flask claims extract`, `flask ingest`, API."""

import pytest

from tests.extraction_support import cli_claims, ingest_page

HEADLINE = "Harbour week"
# Each case: the article's paragraphs ("- " starts a list item), then the claims it holds as
# (words inside the claim, its source's name or None); every other sentence is no claim.
CASES = {
    "acts are not statements": (
        [
            "The harbour board ordered an inquiry into the crane collapse.",
            "Councillors voted 9 to 4 on Monday to sell the old ferry.",
            "Mr. Varga declined to comment on the sale.",
            "The ferry will be sold by June, the harbour board said.",
        ],
        [("The ferry will be sold by June", "harbour board")],
    ),
    "nouns and modifiers are not cues": (
        [
            "Press secretary Ola Dahl arrived at noon with the mayor.",
            "Vera Holm won the prize for best supporting actress.",
            "There were whispers of a merger between the two banks.",
            "White House press secretary Ola Dahl said the visit would go ahead.",
        ],
        [("the visit would go ahead", "Ola Dahl")],
    ),
    "negated and withheld speech is no claim": (
        [
            "The ministry did not say why the coast road was closed.",
            "No one knows how many trees fell in the storm.",
            "No group claimed responsibility for the blast at the depot.",
            "Residents don't know when power will return.",
            "The harbour master said the ferries would run again on Friday.",
        ],
        [("the ferries would run again on Friday", "harbour master")],
    ),
    "items after said: are the speaker's": (
        [
            "The union's leader, Nils Berg, also said:",
            "- Wages must rise by 4 percent.",
            "- The night shift must end.",
            "The strike ends on Friday.",
        ],
        [("Wages must rise by 4 percent", "Nils Berg"), ("The night shift must end", "Nils Berg")],
    ),
    "a place ending a sentence is no source": (
        ["Tom Reed toured the port of Guiyang. He said output would double by spring."],
        [("output would double by spring", "Tom Reed")],
    ),
    "the speaker, not the one told": (
        ["The fisheries minister told Reuters the quota talks would resume in May."],
        [("the quota talks would resume in May", "fisheries minister")],
    ),
    "the president and she resolve to the named person": (
        [
            "President Maria Lind opened the new bridge on Monday.",
            "The president said the tolls would be scrapped next year.",
            "Her rival, Senator John Carter, stayed in the capital. She said the dam would be"
            " built.",
        ],
        [("the tolls would be scrapped", "Maria Lind"), ("the dam would be built", "Maria Lind")],
    ),
    "names keep appositives and drop time words": (
        [
            "One of the bill's authors, Republican Sen. Tim Wood, said the law would take effect"
            " in May.",
            "Acme Corp. on Thursday said its profit fell 10 percent.",
        ],
        [("the law would take effect in May", "Tim Wood"), ("its profit fell 10 percent", "Acme")],
    ),
    "attributions inside clauses and inverted are found": (
        [
            "The vote was delayed by rebel councillors who said the plan would close three"
            " schools.",
            "The talks ended on Friday, with Norway saying the deal was dead.",
            "The town passed a bylaw that the Green Party said could cost 40 jobs.",
            "Currently, said Dr. Anna Kovac, there are only six surgeons in the region.",
        ],
        [
            ("the plan would close three schools", "rebel councillors"),
            ("the deal was dead", "Norway"),
            ("could cost 40 jobs", "Green Party"),
            ("there are only six surgeons in the region", "Anna Kovac"),
        ],
    ),
    "impersonal hedges are unattributed claims": (
        [
            "It was learned that the mayor had sold the land in March.",
            "The factory is expected to close by the end of the year.",
        ],
        [("the mayor had sold the land", None), ("expected to close", None)],
    ),
}


def page_html(paragraphs: list[str]) -> str:
    """A news page of the paragraphs; list items become a <ul>."""
    parts = []
    for line in paragraphs:
        if line.startswith("- "):
            parts.append(f"<ul><li>{line[2:]}</li></ul>")
        else:
            parts.append(f"<p>{line}</p>")
    body = "".join(parts).replace("</ul><ul>", "")
    return (
        f"<html><head><title>{HEADLINE} | Coast Courier</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{HEADLINE}</h1>{body}</article>"
        "<footer>Coast Courier</footer></body></html>"
    )


def article_text(paragraphs: list[str]) -> str:
    lines = [f"{HEADLINE}\n"]
    for line in paragraphs:
        lines.append(line if line.startswith("- ") else f"\n{line}")
    return "\n".join(lines) + "\n"


def assert_claims(found: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]):
    """The claims are the expected ones, in order: each holds its words and names its source."""
    assert len(found) == len(expected), found
    for (text, source), (words, speaker) in zip(found, expected, strict=True):
        assert words in text, found
        assert (source is None) if speaker is None else (speaker in (source or "")), found


@pytest.mark.parametrize(("paragraphs", "expected"), CASES.values(), ids=CASES.keys())
def test_flask_ingest_of_a_page(runner, tmp_path, paragraphs, expected):
    article = ingest_page(runner, tmp_path, page_html(paragraphs), "harbour.html")
    assert article.title == HEADLINE and article.outlet == "Coast Courier"
    assert_claims([(c.text, c.source_name) for c in article.claims], expected)


@pytest.mark.parametrize(("paragraphs", "expected"), CASES.values(), ids=CASES.keys())
def test_the_api(client, auth_header, paragraphs, expected):
    article = {"title": HEADLINE, "body": article_text(paragraphs)}
    response = client.post("/api/articles", json=article, headers=auth_header())
    assert response.status_code == 201, response.get_json()
    assert_claims([(c["text"], c["source"]) for c in response.get_json()["claims"]], expected)


@pytest.mark.parametrize(("paragraphs", "expected"), CASES.values(), ids=CASES.keys())
def test_flask_claims_extract(runner, tmp_path, paragraphs, expected):
    claims = cli_claims(runner, tmp_path, article_text(paragraphs), "harbour.txt")
    assert_claims([(c["text"], c["source"]) for c in claims], expected)
