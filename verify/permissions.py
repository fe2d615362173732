"""Who is asking (a bearer token for scripts, a session for people) and what they may do."""

from functools import wraps

from flask import abort, current_app, g, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from verify.extensions import db, limiter
from verify.models import User, find_token_user, username_key


def register_user_loaders(app) -> None:
    """Tell Flask-Login how to find the user of a session or of a bearer token."""
    manager = app.login_manager
    manager.login_view = "auth.sign_in"
    manager.login_message = "Please sign in to continue."
    manager.user_loader(load_user)
    manager.request_loader(load_token_user)


def load_user(session_id: str) -> User | None:
    """The user of a session or remember cookie, while its session token is current."""
    if bearer_token() is not None:
        return None  # a bearer token alone says who is asking
    user_id, _, session_token = session_id.partition(":")
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    if user is None or not session_token or not user.holds_session(session_token):
        return None
    return user


def load_token_user(_request) -> User | None:
    """The holder of the bearer token sent, on pages as on the API."""
    token = bearer_token()
    return None if token is None else find_token_user(token)


def sign_in_username() -> str:
    """The username a sign-in form or token request names, folded as usernames are."""
    if request.is_json:
        body = request.get_json(silent=True)
        name = body.get("username") if isinstance(body, dict) else None
    else:
        name = request.form.get("username")
    if name is None and current_user.is_authenticated:
        name = current_user.username  # changing one's own password
    return username_key(name.strip()[:64]) if isinstance(name, str) else ""


def address_and_username() -> str:
    return f"{get_remote_address()} {sign_in_username()}"


def setting(name: str):
    return lambda: current_app.config[name]


# Password attempts are counted per username from one address, per username from every
# address (distributed guessing), and per address (one address trying many usernames);
# the form and the token endpoint share each count.
SIGN_IN_LIMITS = (
    ("SIGN_IN_RATE_LIMIT", "sign-in", address_and_username),
    ("SIGN_IN_USER_RATE_LIMIT", "sign-in-user", sign_in_username),
    ("SIGN_IN_ADDRESS_RATE_LIMIT", "sign-in-address", get_remote_address),
)


def sign_in_limited(view):
    """Count a view's POSTs against the shared password-attempt limits."""
    for name, scope, key in SIGN_IN_LIMITS:
        view = limiter.shared_limit(setting(name), scope, key_func=key, methods=["POST"])(view)
    return view


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def request_user(allow_session: bool = True) -> User | None:
    """The user behind this request: a bearer token when one is sent, else the session."""
    if not allow_session and bearer_token() is None:
        return None
    if current_user.is_authenticated:
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
