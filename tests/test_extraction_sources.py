"""Who a claim's source is: pronouns, roles, appositives, acronyms, documents and relays."""

import pytest
from sqlalchemy import select

from tests.extraction_support import cli_claims, sources_of
from verify.extensions import db
from verify.extraction import extract_claims
from verify.models import Claim


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "Tom Reed toured the mill in South Varna. He said output would double by spring.",
            "output would double",
            "Tom Reed",
        ),
        (
            "Ravi Shah said the mill owned by Peter Cole would close.\n"
            '"We cannot keep it open," he said.',
            "We cannot keep it open",
            "Ravi Shah",
        ),
        (
            'Ravi Shah spoke at the plant gates.\n"Peter Cole never paid the workers," he said.',
            "never paid the workers",
            "Ravi Shah",
        ),
        (
            "Ravi Shah, the union's treasurer, said the talks had stalled. Loans from Northern"
            " Savings Bank kept the mill running. He said a deal was still possible.",
            "a deal was still possible",
            "Ravi Shah",
        ),
        (
            "Maria Lopez chairs the board. John Carter joined it last year. She said the vote"
            " would be held in June.",
            "the vote would be held",
            "Maria Lopez",
        ),
        (
            "Dana Whitfield opened the hearing.\nThe Fairfield Bank building was sold on Monday."
            " Whitfield now denies she knew of the sale, but she has admitted meeting the buyer.",
            "meeting the buyer",
            "Dana Whitfield",
        ),
    ],
)
def test_he_and_she_are_the_person_speaking_not_a_place_a_firm_or_a_name_quoted(
    text, phrase, source
):
    assert sources_of(text, phrase) == [source]


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        ("The minister told Reuters the port would reopen.", "port would reopen", "minister"),
        ("Ann Lee told the Valley Herald that the bridge was safe.", "bridge was safe", "Ann Lee"),
    ],
)
def test_told_names_the_speaker_not_the_recipient(text, phrase, source):
    assert sources_of(text, phrase) == [source]


def test_a_role_noun_is_the_person_the_article_is_about():
    text = (
        "Michael Brandt ran the city for twelve years. Brandt built the tram, Brandt cut taxes"
        " and Brandt left office in 2019. President Ola Berg opened the new line.\n"
        "The former mayor said the tram had paid for itself."
    )
    assert sources_of(text, "paid for itself") == ["Michael Brandt"]


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "The grant went to the Harbour Trust, a local charity which said the money would"
            " fund two boats.",
            "fund two boats",
            "Harbour Trust",
        ),
        (
            "Rolf Hansen, one of the town's longest-serving councillors, said the library would"
            " stay open.",
            "library would stay open",
            "Rolf Hansen",
        ),
    ],
)
def test_the_name_before_an_appositive_is_kept(text, phrase, source):
    assert sources_of(text, phrase) == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ann Lee now says the bridge was never safe.", "Ann Lee"),
        ("Acme Thursday said its profit fell.", "Acme"),
        ("Prime Minister Theresa May said the deal was done.", "Theresa May"),
    ],
)
def test_time_words_leave_the_name_and_surnames_that_are_months_stay(text, source):
    assert [c.source for c in extract_claims(text)] == [source]


def test_they_are_the_group_named_before():
    text = (
        "The Valley Water Board issued a statement on Monday.\n"
        "The drought left some of the county's water experts puzzled. They said the reservoir"
        " was full."
    )
    assert sources_of(text, "reservoir was full") == ["county's water experts"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "The Harbour Safety Board (HSB) inspected the pier on Monday. The HSB said the pier"
            " was safe.",
            "the pier was safe",
        ),
        (
            "The Harbour Safety Board (HSB) inspected the pier. According to the HSB report,"
            " the pier was safe.",
            "the pier was safe",
        ),
        (
            "The Harbour Safety Board (HSB) closed the pier. The Valley Times reported that an"
            " HSB report said the pier was unsafe.",
            "the pier was unsafe",
        ),
    ],
)
def test_an_acronym_names_the_organisation_in_full(text, phrase):
    assert sources_of(text, phrase) == ["Harbour Safety Board (HSB)"]


def test_initials_of_a_name_the_article_gives_are_that_organisation():
    text = (
        "Northfield Research Group counted empty homes in every district.\n"
        "According to the NRG estimates, rents have doubled since 2020."
    )
    assert sources_of(text, "rents have doubled") == ["Northfield Research Group (NRG)"]


def test_a_document_is_the_organisation_that_issued_it():
    text = (
        "Two men were charged, according to an affidavit from the Port Authority. The men"
        " rented three flats, the affidavit said."
    )
    assert [c.source for c in extract_claims(text)] == ["Port Authority", "Port Authority"]


def test_a_relayed_claim_belongs_to_the_speaker_inside_it():
    text = "According to the Valley Times, Harbour Trust predicts that rents will rise."
    assert sources_of(text, "rents will rise") == ["Harbour Trust"]


ARTICLE = (
    "Pier closed after inspection\n\n"
    "The Harbour Safety Board (HSB) closed the north pier on Tuesday.\n\n"
    "Ravi Shah, the union's treasurer, said the closure would cost 40 jobs.\n\n"
    '"Peter Cole never told us the pier was failing," he said.\n\n'
    "The HSB said repairs would take a year.\n"
)
EXPECTED = ["Ravi Shah", "Ravi Shah", "Harbour Safety Board (HSB)"]


def test_claims_extract_names_each_speaker(runner, tmp_path):
    claims = cli_claims(runner, tmp_path, ARTICLE, "pier.txt")
    assert [c["source"] for c in claims] == EXPECTED


def test_api_stores_the_pronoun_and_the_name_as_one_source(client, auth_header):
    response = client.post(
        "/api/articles", json={"title": "Pier closed", "body": ARTICLE}, headers=auth_header()
    )
    assert response.status_code == 201
    body = response.get_json()
    assert [c["source"] for c in body["claims"]] == EXPECTED
    claims = db.session.scalars(
        select(Claim).where(Claim.article_id == body["id"]).order_by(Claim.start)
    ).all()
    assert [c.source_text for c in claims] == ["Ravi Shah, the union's treasurer", "he", "The HSB"]
    assert claims[0].source is claims[1].source is not claims[2].source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Nora Blake, the harbour master, said the pier would close.\n\n"
            "Paul Grant ran the ferry for thirty years and once summed up the trade in a line.\n\n"
            "“You never own the sea, you only borrow it.”",
            "Paul Grant",
        ),
        (
            "Nora Blake said the pier would close.\n\nShe continued:\n\n"
            "“We will reopen it in May when the repairs are done.”",
            "Nora Blake",
        ),
    ],
)
def test_a_quote_standing_alone_belongs_to_the_person_introducing_it(text, source):
    assert sources_of(text, "“") == [source]


def test_an_adverb_before_a_participle_is_not_the_source():
    text = "Her aides were upbeat after the vote, perhaps recognizing that the bill would pass."
    claims = extract_claims(text)
    assert [(c.source, text[c.source_start : c.source_end]) for c in claims] == [
        ("Her aides", "Her aides")
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "The harbour engineers, however, don't think the new wall is high enough.",
            "the new wall is high enough",
            "harbour engineers",
        ),
        (
            "The ferry crews, however, don’t believe the timetable will hold.",
            "the timetable will hold",
            "ferry crews",
        ),
        (
            "By contrast, Dr. Ines Varga believes the reservoir is safe.",
            "the reservoir is safe",
            "Ines Varga",
        ),
        (
            "In response, the port authority said the berth would reopen in May.",
            "the berth would reopen in May",
            "port authority",
        ),
    ],
)
def test_a_negated_auxiliary_or_an_opening_phrase_is_no_source(text, phrase, source):
    assert sources_of(text, phrase) == [source]
