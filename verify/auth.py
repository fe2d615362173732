"""Who is asking: a bearer token for scripts, a session for people."""

from functools import wraps

from flask import abort, current_app, g, request
from flask_login import current_user

from verify.extensions import db, login
from verify.models import User, find_token_user
from verify.vocabulary import ADMINS, ASSIGNERS, EDITORS, REVIEWERS, STAFF  # noqa: F401

login.login_view = "auth.sign_in"
login.login_message = "Please sign in to continue."


@login.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def sign_in_rate_limit() -> str:
    """How often one address may try a password (SIGN_IN_RATE_LIMIT)."""
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def request_user(allow_session: bool = True) -> User | None:
    """The user behind this request: a bearer token first, then the session."""
    token = bearer_token()
    if token is not None:
        return find_token_user(token)
    if allow_session and current_user.is_authenticated:
        return current_user._get_current_object()
    return None


def roles_required(*roles: str, allow_session: bool = True):
    """Reject the request with 401 when anonymous, 403 when the role is wrong."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = request_user(allow_session)
            if user is None:
                abort(401, description="Sign in or send a valid bearer token.")
            if not user.has_role(*roles):
                abort(403, description=f"This needs the role {' or '.join(roles)}.")
            g.user = user
            return view(*args, **kwargs)

        return wrapped

    return decorator
