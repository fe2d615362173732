"""`flask sources rekey`: claims keyed by older rules move to today's sources; choices stay."""

from sqlalchemy import func, select, update

from tests.test_source_changes import source_keyed
from tests.test_source_keys import FARM, OFFICE, post
from verify.extensions import db
from verify.models import Claim, ClaimEvent, Source


def smiths_keyed_the_old_way(client, auth_header) -> list[int]:
    """Two articles whose Smiths an older rule keyed as one 'smith'; their claims' ids."""
    post(client, auth_header(), "Farm", FARM)
    post(client, auth_header(), "Office", OFFICE)
    people = [source_keyed("john smith").id, source_keyed("brad smith").id]
    old = Source(key="smith", name="Smith", kind="person")
    db.session.add(old)
    db.session.flush()
    moved = list(db.session.scalars(select(Claim.id).where(Claim.source_id.in_(people))))
    db.session.execute(update(Claim).where(Claim.id.in_(moved)).values(source_id=old.id))
    db.session.commit()
    return moved


def sources_of(claim_ids: list[int]) -> set[str]:
    query = select(Source.key).join(Claim, Claim.source_id == Source.id)
    return set(db.session.scalars(query.where(Claim.id.in_(claim_ids))))


def rekey(runner, *args) -> str:
    result = runner.invoke(args=["sources", "rekey", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_claims_move_to_the_sources_their_words_key_to_now(runner, client, auth_header):
    moved = smiths_keyed_the_old_way(client, auth_header)
    output = rekey(runner)
    assert f"2 articles: moved {len(moved)} claims to another source (0 new sources);" in output
    assert sources_of(moved) == {"john smith", "brad smith"}
    for claim_id in moved:
        history = client.get(f"/api/claims/{claim_id}/history", headers=auth_header()).get_json()
        changes = [event["changes"] for event in history if event["action"] == "correction"]
        assert changes in (
            [{"source": ["Smith", "John Smith"]}],
            [{"source": ["Smith", "Brad Smith"]}],
        )
    assert "moved 0 claims" in rekey(runner)


def test_a_dry_run_counts_and_changes_nothing(runner, client, auth_header):
    moved = smiths_keyed_the_old_way(client, auth_header)
    db.session.execute(update(Source).where(Source.key == "brad smith").values(key="b smith"))
    db.session.commit()
    sources_before = db.session.scalar(select(func.count(Source.id)))
    output = rekey(runner, "--dry-run")
    assert f"would move {len(moved)} claims to another source (1 new sources);" in output
    assert "Dry run: nothing was changed." in output
    assert sources_of(moved) == {"smith"}
    assert db.session.scalar(select(func.count(Source.id))) == sources_before
    corrections = select(func.count(ClaimEvent.id)).where(ClaimEvent.action == "correction")
    assert db.session.scalar(corrections) == 0


def test_a_fact_checkers_merge_is_kept(runner, client, auth_header, sign_in):
    smiths_keyed_the_old_way(client, auth_header)
    old, john = source_keyed("smith"), source_keyed("john smith")
    sign_in("fact-checker").post(f"/sources/{old.id}/merge", data={"target": john.id})
    merged = list(db.session.scalars(select(Claim.id).where(Claim.source_id == john.id)))
    sourced = db.session.scalar(select(func.count(Claim.id)).where(Claim.source_id.is_not(None)))
    output = rekey(runner)
    # Brad Smith's claims too: the merge was a person's choice, and their articles stay as is.
    assert "moved 0 claims" in output
    assert f"{sourced} claims kept as people set them;" in output
    assert sources_of(merged) == {"john smith"}
