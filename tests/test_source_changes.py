"""Fact-checkers merge and split sources on the sources pages; each moved claim keeps history."""

import pytest
from sqlalchemy import select

from tests.test_source_keys import FARM, OFFICE, SPRING, post
from verify.extensions import db
from verify.models import Claim, Source

FOLLOW_UP = (
    "Harvest loans approved\n\nJohn Smith said the loans came in time for the spring sowing.\n"
)


def source_keyed(key: str) -> Source:
    return db.session.scalar(select(Source).where(Source.key == key))


def claims_of(source: Source) -> list[Claim]:
    return db.session.scalars(select(Claim).where(Claim.source_id == source.id)).all()


@pytest.fixture
def smiths(client, auth_header):
    """Two articles, two Smiths: (John Smith's source, Brad Smith's source)."""
    post(client, auth_header(), "Farm", FARM)
    post(client, auth_header(), "Office", OFFICE)
    return source_keyed("john smith").id, source_keyed("brad smith").id


def test_merge_moves_every_claim_and_records_it_in_each_claims_history(
    sign_in, smiths, auth_header
):
    john, brad = smiths
    moved = [claim.id for claim in claims_of(db.session.get(Source, john))]
    client = sign_in("fact-checker")
    response = client.post(f"/sources/{john}/merge", data={"target": brad}, follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"merged into “Brad Smith”: {len(moved)} claims moved" in page
    assert "John Smith (#" in page  # listed as merged into this source
    assert "John Smith → Brad Smith by fact-checker-web" in page
    assert {
        claim.source_id for claim in db.session.scalars(select(Claim).where(Claim.id.in_(moved)))
    } == {brad}
    for claim_id in moved:
        history = client.get(f"/api/claims/{claim_id}/history", headers=auth_header()).get_json()
        changes = [event["changes"] for event in history if event["action"] == "correction"]
        assert changes == [{"source": ["John Smith", "Brad Smith"]}]
    assert db.session.get(Source, john).merged_into_id == brad


def test_a_merged_sources_name_leads_to_the_source_it_was_merged_into(
    client, sign_in, smiths, auth_header
):
    john, brad = smiths
    sign_in("fact-checker").post(f"/sources/{john}/merge", data={"target": brad})
    article_id = post(client, auth_header(), "Loans", FOLLOW_UP)
    claim = db.session.scalar(select(Claim).where(Claim.article_id == article_id))
    assert claim.source_id == brad


def test_split_moves_the_ticked_claims_to_the_named_speaker(sign_in, smiths, auth_header):
    john, brad = smiths
    client = sign_in("fact-checker")
    client.post(f"/sources/{john}/merge", data={"target": brad})
    farm_claims = [
        c.id
        for c in claims_of(db.session.get(Source, brad))
        if "harvest" in c.text or "barley" in c.text
    ]
    response = client.post(
        f"/sources/{brad}/split",
        data={"claim": farm_claims, "name": "John Smith", "kind": "person"},
        follow_redirects=True,
    )
    assert f"{len(farm_claims)} claims moved to “John Smith”." in response.get_data(as_text=True)
    again = source_keyed("john smith")
    assert sorted(c.id for c in claims_of(again)) == sorted(farm_claims)
    history = client.get(f"/api/claims/{farm_claims[0]}/history", headers=auth_header()).get_json()
    assert [e["changes"] for e in history if e["action"] == "correction"] == [
        {"source": ["John Smith", "Brad Smith"]},
        {"source": ["Brad Smith", "John Smith"]},
    ]


def test_a_generic_name_typed_in_a_split_stays_in_the_claims_article(sign_in, client, auth_header):
    article_id = post(client, auth_header(), "Spring", SPRING)
    microsoft = source_keyed("microsoft")
    claim = claims_of(microsoft)[0]
    sign_in("fact-checker").post(
        f"/sources/{microsoft.id}/split",
        data={"claim": [claim.id], "name": "officials", "kind": "official"},
    )
    moved = db.session.get(Claim, claim.id).source
    assert (moved.name, moved.article_id) == ("officials", article_id)


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("merge", {"target": "self"}, "A source cannot be merged into itself."),
        ("merge", {"target": 999}, "There is no source number 999."),
        ("merge", {"target": "x"}, "Merge into source number"),
        ("split", {"name": "Ann Lee"}, "Tick the claims of this source"),
        ("split", {"claim": "abc", "name": "Ann Lee"}, "A ticked claim must be a claim number."),
        ("split", {"claim": "own", "name": "Smith"}, "is this source itself"),
        ("split", {"claim": "own", "name": ""}, "Full name of their speaker"),
        ("split", {"claim": "too many", "name": "Ann Lee"}, "Tick at most 1000 claims at once."),
    ],
)
def test_refused_changes_say_why_and_change_nothing(sign_in, smiths, action, data, message):
    john, _ = smiths
    own = [claim.id for claim in claims_of(db.session.get(Source, john))]
    named = {"self": john, "own": own, "too many": own + list(range(10**6, 10**6 + 1000))}
    data = {key: named.get(value, value) for key, value in data.items()}
    client = sign_in("fact-checker")
    response = client.post(f"/sources/{john}/{action}", data=data, follow_redirects=True)
    assert message in response.get_data(as_text=True)
    assert sorted(c.id for c in claims_of(db.session.get(Source, john))) == sorted(own)


@pytest.mark.parametrize("role", ["editor", None])
def test_only_fact_checkers_and_admins_merge_or_split(client, sign_in, smiths, role):
    john, brad = smiths
    if role:
        client = sign_in(role)
        page = client.get(f"/sources/{john}").get_data(as_text=True)
        assert "Merge this source into it" not in page
    own = [claim.id for claim in claims_of(db.session.get(Source, john))]
    merge = client.post(f"/sources/{john}/merge", data={"target": brad})
    split = client.post(f"/sources/{john}/split", data={"claim": own, "name": "Ann Lee"})
    assert {merge.status_code, split.status_code} == ({403} if role else {302})
    assert sorted(c.id for c in claims_of(db.session.get(Source, john))) == sorted(own)


def test_admins_see_the_forms_and_the_local_marker(sign_in, client, auth_header):
    article_id = post(client, auth_header(), "Farm", FARM)
    officials = db.session.scalar(select(Source).where(Source.article_id == article_id))
    page = sign_in("admin").get(f"/sources/{officials.id}").get_data(as_text=True)
    assert "Merge this source into it" in page and "Move the ticked claims" in page
    assert f'local to article <a href="/review/articles/{article_id}">#{article_id}</a>' in page
