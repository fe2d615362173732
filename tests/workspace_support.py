"""What the workspace tests share: form data builders and history lookups."""

from verify.extensions import db
from verify.models import ClaimEvent

HTMX = {"HX-Request": "true"}


def review_data(claim, status, note="", version=None, evidence=""):
    prefix = f"claim-{claim['id']}"
    return {
        f"{prefix}-status": status,
        f"{prefix}-note": note,
        f"{prefix}-evidence": evidence,
        f"{prefix}-version": str(claim["version"] if version is None else version),
    }


def correction_data(claim, version=None, **fields):
    prefix = f"correct-{claim['id']}"
    data = {
        "text": claim["text"],
        "source": claim["source"] or "",
        "source_kind": "person",
        "cue": claim["cue"],
        "kind": claim["kind"],
        **fields,
    }
    data = {f"{prefix}-{key}": value for key, value in data.items()}
    data[f"{prefix}-version"] = str(claim["version"] if version is None else version)
    return data


def api_claim(client, claim_id):
    return client.get(f"/api/claims/{claim_id}").get_json()


def events(claim_id, action):
    return db.session.scalars(
        db.select(ClaimEvent).where(ClaimEvent.claim_id == claim_id, ClaimEvent.action == action)
    ).all()
