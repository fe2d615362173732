"""API tokens for scripts: exchange a password for a token, revoke it."""

from flask_smorest import Blueprint, abort

from verify.models import revoke_token
from verify.permissions import bearer_token, roles_required, sign_in_limited
from verify.schemas import TokenRequestSchema, TokenSchema
from verify.services.accounts import authenticate
from verify.services.transactions import commit_with_retry
from verify.vocabulary import ROLES

bp = Blueprint("api_tokens", __name__, url_prefix="/api/tokens")


@bp.route("", methods=["POST"])
@sign_in_limited
@bp.arguments(TokenRequestSchema)
@bp.response(201, TokenSchema)
@bp.alt_response(401, description="Unknown username or wrong password")
@bp.alt_response(429, description="Too many attempts; see Retry-After")
def create_token(credentials):
    """Issue a token for a username and password; it is shown once"""
    user = authenticate(credentials["username"], credentials["password"])
    if user is None or not user.active:
        abort(401, message="Unknown username or wrong password.")
    token = commit_with_retry(user.issue_token)
    return {"token": token, "expires_at": user.newest_token_expiry(), "role": user.role}


@bp.route("", methods=["DELETE"])
@roles_required(*ROLES, allow_session=False)
@bp.doc(security=[{"bearerAuth": []}])
@bp.response(204)
def revoke_current_token():
    """Revoke the token sent with this request"""
    commit_with_retry(lambda: revoke_token(bearer_token()))
