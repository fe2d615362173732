"""Claims: read by anyone, reviewed by fact-checkers."""

from flask import g, request
from flask_smorest import Blueprint, abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from verify.api.pagination import page_items
from verify.extensions import db
from verify.loaders import load_claim
from verify.models import Claim, Source
from verify.permissions import request_user, roles_required
from verify.schemas import (
    ClaimEventSchema,
    ClaimQuerySchema,
    ClaimSchema,
    ClaimUpdateSchema,
    ErrorSchema,
    parse_id,
)
from verify.services.public_claims import public_events
from verify.services.review import StaleVersion, review_claim
from verify.services.transactions import commit_with_retry
from verify.vocabulary import REVIEWERS, STAFF

bp = Blueprint("api_claims", __name__, url_prefix="/api/claims")


@bp.route("", methods=["GET"])
@bp.arguments(ClaimQuerySchema, location="query")
@bp.response(200, ClaimSchema(many=True))
@bp.paginate()
def list_claims(filters, pagination_parameters):
    """List claims, filtered by status, article or source"""
    query = visible_claims().order_by(Claim.id)
    if "status" in filters:
        query = query.where(Claim.status == filters["status"])
    if "article" in filters:
        query = query.where(Claim.article_id == filters["article"])
    if "source" in filters:
        query = query.join(Claim.source).where(Source.name.ilike(f"%{filters['source']}%"))
    return page_items(query, pagination_parameters)


@bp.route("/<int:claim_id>", methods=["GET"])
@bp.response(200, ClaimSchema)
def get_claim(claim_id):
    """Show one claim"""
    return load_claim(claim_id, public_only=True)


@bp.route("/<int:claim_id>", methods=["PATCH"])
@roles_required(*REVIEWERS, allow_session=False)
@bp.doc(
    security=[{"bearerAuth": []}],
    parameters=[
        {
            "in": "header",
            "name": "If-Match",
            "required": True,
            "schema": {"type": "string", "pattern": '^(W/)?"?[0-9]+"?$'},
            "description": "The claim version the change is based on.",
        }
    ],
)
@bp.arguments(ClaimUpdateSchema(partial=True))
@bp.response(200, ClaimSchema)
@bp.alt_response(400, schema=ErrorSchema, description="If-Match is not a version")
@bp.alt_response(409, schema=ErrorSchema, description="Someone else saved the claim first")
@bp.alt_response(428, schema=ErrorSchema, description="If-Match is missing")
def update_claim(changes, claim_id):
    """Set a claim's status, note or evidence"""
    expected_version = version_from_if_match()
    try:
        claim = commit_with_retry(
            lambda: review_claim(
                load_claim(claim_id, public_only=True), changes, g.user, expected_version
            )
        )
    except StaleVersion as exc:
        abort(
            409,
            message=f"Someone else saved this claim first; it is now at version "
            f"{exc.claim.version}. Reload it and apply your change again.",
            errors={"headers": {"If-Match": [f"Current version is {exc.claim.version}."]}},
        )
    return claim, 200, {"ETag": f'"{claim.version}"'}


@bp.route("/<int:claim_id>/history", methods=["GET"])
@bp.doc(security=[{}, {"bearerAuth": []}])
@bp.response(200, ClaimEventSchema(many=True), headers={"Vary": {"schema": {"type": "string"}}})
def claim_history(claim_id):
    """List a claim's history, oldest first: public changes, or everything for staff"""
    claim = load_claim(claim_id, public_only=True)
    user = request_user()
    headers = {"Vary": "Authorization, Cookie"}
    if user is not None and user.has_role(*STAFF):
        return db.session.scalars(claim.history()).all(), 200, headers
    return public_events(claim.id), 200, headers


def visible_claims():
    return select(Claim).where(Claim.public()).options(selectinload(Claim.source))


def version_from_if_match() -> int:
    """Read the version the client based its change on from If-Match."""
    raw = request.headers.get("If-Match")
    if raw is None:
        abort(
            428,
            message="Send the claim's version in If-Match (see its version field).",
            errors={"headers": {"If-Match": ["Missing data for required field."]}},
        )
    version = parse_id(raw.strip().removeprefix("W/").strip('"'))
    if version is None:
        abort(
            400,
            message="If-Match must be the claim's version, a whole number.",
            errors={"headers": {"If-Match": ["Not a valid integer."]}},
        )
    return version
