"""Sources are real speakers: full names across articles, generic sources kept in their article."""

import pytest
from sqlalchemy import select

from verify.extensions import db
from verify.extraction.speakers import ArticleNames, speaker_key
from verify.models import Claim, Source

FARM = (
    "Growers count the cost of a wet summer\n\n"
    '"We lost half the harvest to the rain," said John Smith, a dairy farmer near Ashford.\n\n'
    "Smith said the rain came two weeks too late for the barley.\n\n"
    "Officials said the county would offer relief loans to every farm.\n"
)
OFFICE = (
    "Software maker opens an office in Leeds\n\n"
    "Brad Smith, the president of Microsoft, said the company would hire 300 engineers.\n\n"
    '"This is a long-term bet on the north," Smith said.\n\n'
    "Microsoft on Thursday said hiring would start in May.\n\n"
    "Officials said the council welcomed the plan.\n"
)
SPRING = (
    "Leeds office to open in spring\n\n"
    "Microsoft Corp. said the new office would open in April.\n\n"
    "Analysts said the move would lift rents nearby.\n"
)


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (
            [
                "Microsoft",
                "Microsoft Corp.",
                "Microsoft on Thursday",
                "the Microsoft Corporation",
                "Microsoft's",
                "Microsoft last year",
            ],
            "",
        ),
        (
            ["Secretary of State Hillary Clinton", "Hillary Clinton", "Clinton", "Mrs. Clinton"],
            "Secretary of State Hillary Clinton spoke in Ohio.",
        ),
        (
            ["President Ana Ruiz", "Ruiz", "Ana Ruiz, the mayor", "Ana M. Ruiz"],
            "President Ana Ruiz opened the bridge.",
        ),
        (
            [
                "the General Staff",
                "General Staff of Ukraine's Armed Forces",
                "Ukraine’s General Staff",
            ],
            "",
        ),
        (["the Tax Institute", "The Tax Institute"], ""),
    ],
)
def test_one_speaker_has_one_key(names, text):
    context = ArticleNames(text)
    speakers = {speaker_key(name, context) for name in names}
    assert len({s.key for s in speakers}) == 1, speakers
    assert not any(s.local for s in speakers)


@pytest.mark.parametrize(
    "name",
    [
        "officials",
        "Officials",
        "a source",
        "analysts",
        "Senior officials",
        "he",
        "one",
        "it",
        "in",
        "state",
        "State",
        "research",
        "the minister",
        "Foreign Minister",
        "The President",
        "a source close to Ana Ruiz",
        "On Monday",
        "Police",
        "Two officials",
        "Sen. Lee",
    ],
)
def test_generic_or_unresolved_sources_are_local(name):
    assert speaker_key(name, ArticleNames("Sen. Lee voted. The minister spoke.")).local


def test_a_surname_takes_the_full_name_its_article_gives():
    farm, office = ArticleNames(FARM), ArticleNames(OFFICE)
    assert speaker_key("Smith", farm).key == "john smith"
    assert speaker_key("Smith", office).key == "brad smith"
    assert speaker_key("Mr. Smith", ArticleNames("Mr. Smith waved.")).local


def test_a_pronoun_resolved_to_a_name_never_given_as_a_source_stays_local():
    context = ArticleNames("Ana Ruiz spoke. North Korea fired.", [("Ana Ruiz", "Ana Ruiz")])
    assert speaker_key("North Korea", context, raw="he").local
    assert not speaker_key("Ana Ruiz", context, raw="she").local


def post(client, headers, title, body):
    response = client.post("/api/articles", json={"title": title, "body": body}, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def sources_of(article_id):
    """{claim's source words in the text, up to a comma: its Source} for one article."""
    claims = db.session.scalars(select(Claim).where(Claim.article_id == article_id)).all()
    return {claim.source_text.split(",")[0]: claim.source for claim in claims if claim.source}


def test_two_smiths_in_two_articles_are_two_sources(client, auth_header):
    farm = sources_of(post(client, auth_header(), "Farm", FARM))
    office = sources_of(post(client, auth_header(), "Office", OFFICE))
    assert farm["John Smith"] is farm["Smith"]
    assert office["Brad Smith"] is office["Smith"]
    assert farm["Smith"] is not office["Smith"]
    assert (farm["Smith"].name, office["Smith"].name) == ("John Smith", "Brad Smith")


def test_officials_in_two_articles_stay_two_local_sources(client, auth_header):
    farm_id = post(client, auth_header(), "Farm", FARM)
    office_id = post(client, auth_header(), "Office", OFFICE)
    farm, office = sources_of(farm_id)["Officials"], sources_of(office_id)["Officials"]
    assert farm is not office
    assert (farm.article_id, office.article_id) == (farm_id, office_id)


def test_microsoft_its_corp_and_its_thursday_are_one_source(client, auth_header):
    office = sources_of(post(client, auth_header(), "Office", OFFICE))
    spring = sources_of(post(client, auth_header(), "Spring", SPRING))
    assert office["Microsoft on Thursday"] is spring["Microsoft Corp."]
    assert spring["Microsoft Corp."].name == "Microsoft"
    assert not spring["Microsoft Corp."].is_local
    assert spring["Analysts"].is_local


def test_flask_ingest_of_html_keys_sources_the_same_way(runner, tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in SPRING.splitlines()[2:] if line)
    page = (
        f"<html><head><title>Leeds office to open</title></head><body><article>"
        f"<h1>Leeds office to open</h1>{paragraphs}</article></body></html>"
    )
    (tmp_path / "spring.html").write_text(page, encoding="utf-8")
    (tmp_path / "office.txt").write_text(OFFICE, encoding="utf-8")
    result = runner.invoke(
        args=["ingest", str(tmp_path / "spring.html"), str(tmp_path / "office.txt")]
    )
    assert result.exit_code == 0, result.output
    microsoft = db.session.scalars(select(Source).where(Source.key == "microsoft")).all()
    assert len(microsoft) == 1
    claims = db.session.scalars(select(Claim).where(Claim.source_id == microsoft[0].id)).all()
    assert len({claim.article_id for claim in claims}) == 2
