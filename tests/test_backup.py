"""A backup restored into an emptied database brings back every claim and event."""

from sqlalchemy import func, select

from verify.extensions import db
from verify.models import Claim, ClaimEvent


def snapshot() -> dict:
    claims = db.session.execute(select(Claim.id, Claim.status, Claim.note, Claim.version))
    events = db.session.execute(select(ClaimEvent.id, ClaimEvent.claim_id, ClaimEvent.to_status))
    return {"claims": sorted(claims.all()), "events": sorted(events.all())}


def test_restore_brings_back_every_claim_and_event(runner, client, article, auth_header,
                                                    tmp_path):
    claim = article["claims"][0]
    client.patch(f"/api/claims/{claim['id']}", json={"status": "verified", "note": "Checked."},
                 headers={**auth_header(), "If-Match": str(claim["version"])})
    before = snapshot()
    # The commands run in this app context: end its transaction as a real process would.
    db.session.remove()
    backup_path = tmp_path / "verify.backup"
    result = runner.invoke(args=["db-backup", str(backup_path)])
    assert result.exit_code == 0, result.output
    assert backup_path.stat().st_size > 0

    db.drop_all()
    db.create_all()
    assert db.session.scalar(select(func.count(Claim.id))) == 0
    db.session.remove()

    result = runner.invoke(args=["db-restore", "--yes", str(backup_path)])
    assert result.exit_code == 0, result.output
    assert snapshot() == before
    assert client.get(f"/api/claims/{claim['id']}").get_json()["note"] == "Checked."


def test_restore_of_a_missing_file_says_so(runner, tmp_path):
    result = runner.invoke(args=["db-restore", "--yes", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "No backup at" in result.output
