"""Wire copy: acts are not statements, and what follows a cue decides it."""

import pytest

from tests.extraction_support import cli_claims, only_claim, sources_of
from verify.extraction import extract_claims

ACTS = (
    "Many senators opposed the programme from the start.\n"
    "The governor ordered a review of the prison contracts.\n"
    "The council voted 7 to 2 on Tuesday to keep the library open.\n"
    "Lawmakers passed a $2 billion budget late last year.\n"
    "Ms. Ortiz declined to comment on the lawsuit.\n"
    "The lawyer asked the mayor whether he had read the report.\n"
    "The mayor plans to run for a third term.\n"
)


@pytest.mark.parametrize("line", ACTS.splitlines())
def test_acts_are_not_claims(line):
    assert extract_claims(line) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Many senators opposed that the programme be cut.", "senators"),
        ("The governor declared that the drought was over.", "governor"),
        ("Ms. Ortiz wrote that the contract had never been signed.", "Ortiz"),
    ],
)
def test_acts_with_a_that_clause_stay_claims(text, source):
    claim = only_claim(text)
    assert source in claim.source


def test_claims_extract_leaves_acts_out(runner, tmp_path):
    claims = cli_claims(
        runner, tmp_path, ACTS + "The budget is balanced, the treasurer said.\n", "acts.txt"
    )
    assert [c["source"] for c in claims] == ["treasurer"]


def test_api_leaves_acts_out(client, auth_header):
    body = ACTS + "The budget is balanced, the treasurer said.\n"
    article = {"title": "Budget week", "body": body}
    response = client.post("/api/articles", json=article, headers=auth_header())
    assert response.status_code == 201
    assert [c["source"] for c in response.get_json()["claims"]] == ["treasurer"]


@pytest.mark.parametrize(
    ("text", "pronoun_claim", "source"),
    [
        (
            "Tom Reed toured the port of Guiyang. He said output would double by spring.",
            "output would double",
            "Tom Reed",
        ),
        (
            "Mayor Tom Reed spoke after the flood.\n"
            "The water reached Harbour Street. He said the pumps would run all night.",
            "the pumps would run",
            "Tom Reed",
        ),
        (
            "Anna Berg, the union's chair, said pay talks had stalled.\n"
            "Talks with Northern Rail resumed on Monday. She said a deal was close.",
            "a deal was close",
            "Anna Berg",
        ),
    ],
)
def test_pronouns_resolve_to_people_not_places(text, pronoun_claim, source):
    assert sources_of(text, pronoun_claim) == [source]


@pytest.mark.parametrize(
    "line",
    [
        "The ministry did not say why the border post was closed.",
        "Police would not say whether anyone had been arrested.",
        "No one knows how many boats left the harbour that night.",
        "No group claimed responsibility for the fire at the depot.",
        "Residents don't know when the water will be safe to drink.",
        "The plan was endorsed by the harbour board on Friday.",
    ],
)
def test_negated_withheld_and_passive_speech_is_not_a_claim(line):
    assert extract_claims(line) == []


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        (
            "President Maria Lind opened the new bridge on Monday.\n"
            "The president said the tolls would be scrapped next year.",
            "the tolls would be scrapped",
            "Maria Lind",
        ),
        (
            "The budget was defended by Peter Holm, an Ohio Democrat, in a long speech.\n"
            "Trade fell sharply in the spring. The Democrat said the cuts were fair.",
            "the cuts were fair",
            "Peter Holm",
        ),
        (
            "The speech was given by Senator Peter Holm, an Ohio Democrat.\n"
            "He said the cuts were fair.",
            "the cuts were fair",
            "Peter Holm",
        ),
        (
            "Ravi Patel ran the port for ten years. Patel built two new docks, and Patel"
            " hired 300 workers. When Patel left, the docks were full.\n"
            "The former director said the port would need a third dock.",
            "a third dock",
            "Ravi Patel",
        ),
    ],
)
def test_descriptions_and_pronouns_resolve_to_the_named_person(text, claim, source):
    assert sources_of(text, claim) == [source]


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        (
            "The vote was delayed by rebel councillors who said the plan would close three"
            " schools.",
            "the plan would close three schools",
            "rebel councillors",
        ),
        (
            "The talks ended on Friday, with Norway saying the deal was dead.",
            "the deal was dead",
            "Norway",
        ),
        (
            "The town passed a bylaw that the Green Party said could cost 40 jobs.",
            "could cost 40 jobs",
            "Green Party",
        ),
    ],
)
def test_attributions_inside_clauses_are_found(text, claim, source):
    assert sources_of(text, claim) == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Acme Corp. on Thursday said its profit fell 10 percent.", "Acme Corp."),
        ("The company last year said its profit would fall.", "company"),
        (
            "One of the bill's authors, Republican Sen. Tim Wood, said the law would take"
            " effect in May.",
            "Tim Wood",
        ),
        ("A spokeswoman, Lena Berg, said the plant was closed.", "Lena Berg"),
        ("Smith, a spokesman for the agency, said the plant was closed.", "Smith"),
    ],
)
def test_source_names_drop_time_phrases_and_keep_appositive_names(text, source):
    assert [c.source for c in extract_claims(text)] == [source]


def test_claims_extract_names_the_speaker_not_the_description(runner, tmp_path):
    text = (
        "The city's mayor, Ana Ruiz, said the bridge was safe.\n"
        "The mayor said the tolls would stay.\n"
    )
    claims = cli_claims(runner, tmp_path, text, "names.txt")
    assert [c["source"] for c in claims] == ["Ana Ruiz", "Ana Ruiz"]


def test_an_inverted_attribution_between_commas_is_found():
    text = "Currently, said Dr. Anna Kovac, there are only six surgeons in the region."
    claims = extract_claims(text)
    assert [(c.text, c.source) for c in claims] == [
        ("there are only six surgeons in the region", "Anna Kovac")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("It was learned that the mayor had sold the land in March.", "the mayor had sold"),
        ("The factory is expected to close by the end of the year.", "expected to close"),
        ("The company cut 200 jobs, a move seen as a sign of weak demand.", "a sign of weak"),
    ],
)
def test_impersonal_hedges_are_unattributed_claims(text, content):
    claims = extract_claims(text)
    assert [(c.kind, c.source) for c in claims] == [("unattributed", None)]
    assert content in claims[0].text


@pytest.mark.parametrize(
    "line",
    [
        "Maria Ortiz won the award for best supporting actress at the festival.",
        "There were whispers of a deal between the two clubs.",
        "The union has five demands for the talks.",
    ],
)
def test_nouns_and_modifiers_are_not_cues(line):
    assert extract_claims(line) == []


def test_press_secretary_is_a_title_not_a_cue():
    claims = extract_claims("White House press secretary Ann Lee said the visit would go ahead.")
    assert [(c.text, c.cue) for c in claims] == [("the visit would go ahead", "said")]


LIST_ARTICLE = (
    "The union's leader, Maria Gomez, also said:\n"
    "- Pay must rise by 5 percent.\n"
    "- The night shift should end.\n"
    "The strike ends on Friday.\n"
)


def test_items_after_said_colon_are_claims_of_the_speaker():
    claims = extract_claims(LIST_ARTICLE)
    assert [(c.text, c.source, c.pattern) for c in claims] == [
        ("Pay must rise by 5 percent", "Maria Gomez", "colon_list"),
        ("The night shift should end", "Maria Gomez", "colon_list"),
    ]


def test_api_stores_list_items_as_claims(client, auth_header):
    response = client.post(
        "/api/articles", json={"title": "Strike", "body": LIST_ARTICLE}, headers=auth_header()
    )
    assert response.status_code == 201
    claims = response.get_json()["claims"]
    assert [c["source"] for c in claims] == ["Maria Gomez", "Maria Gomez"]
    assert all(LIST_ARTICLE[c["start"] : c["end"]] == c["text"] for c in claims)


def test_a_one_word_answer_is_not_a_claim():
    text = '"Probably," Lee said when asked about the fire.'
    assert [c for c in extract_claims(text) if c.kind == "direct_quote"] == []


@pytest.mark.parametrize(
    "text",
    ["Ana Ruiz said on Monday the bridge was safe.", "Ana Ruiz said Monday the bridge was safe."],
)
def test_a_day_between_cue_and_clause_is_skipped(text):
    assert [(c.text, c.source) for c in extract_claims(text)] == [
        ("the bridge was safe", "Ana Ruiz")
    ]


def test_she_skips_a_man_named_just_before():
    text = (
        "Sarah Mills, the challenger, spoke to farmers on Tuesday.\n"
        "Her rival, Senator John Carter, stayed in the capital. She said the dam would be"
        " built."
    )
    assert sources_of(text, "dam") == ["Sarah Mills"]
