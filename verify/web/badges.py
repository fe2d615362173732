"""Embeddable SVG badges of a claim's status."""

from flask import Blueprint, abort, make_response, render_template, request
from sqlalchemy import select

from verify.extensions import db
from verify.models import Claim

bp = Blueprint("badges", __name__, url_prefix="/badges")

STATUS_COLOURS = {"verified": "#2e7d32", "disputed": "#c62828", "unverified": "#9e6a00"}


@bp.route("/claims/<int:claim_id>.svg")
def claim_badge(claim_id):
    """Draw a claim's status as an SVG badge other sites can embed."""
    row = db.session.execute(
        select(Claim.status, Claim.version).where(
            Claim.id == claim_id, Claim.dismissed.is_(False)
        )
    ).first()
    if row is None:
        abort(404, description=f"No claim with id {claim_id}.")
    etag = f"claim-{claim_id}-v{row.version}"
    if request.if_none_match.contains(etag):
        response = make_response("", 304)
    else:
        svg = render_template(
            "badges/claim.svg", status=row.status, colour=STATUS_COLOURS[row.status]
        )
        response = make_response(svg)
        response.mimetype = "image/svg+xml"
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = 60
    return response
