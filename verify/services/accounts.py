"""Users, their passwords, sessions and API tokens."""

import re
import secrets
import unicodedata
from functools import cache
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from verify.config import DEFAULT_DATABASE_URL
from verify.extensions import db
from verify.models import User, username_key
from verify.vocabulary import ROLES

USERNAME = re.compile(r"[A-Za-z0-9._-]{1,40}")
MIN_PASSWORD = 12
MAX_PASSWORD = 256
COMMON_PASSWORDS = Path(__file__).with_name("common_passwords.txt")


class AccountError(Exception):
    """A user could not be created, found or changed; the message says why."""

    def __init__(self, message: str, field: str = "username"):
        super().__init__(message)
        self.field = field


def clean_username(username: str) -> str:
    """Return the username as stored (NFKC), or raise AccountError naming the rule it breaks."""
    username = unicodedata.normalize("NFKC", username[:100]).strip()
    if not USERNAME.fullmatch(username):
        raise AccountError(
            "A username is 1 to 40 characters: ASCII letters, digits, '.', '_' or '-'."
        )
    return username


@cache
def common_passwords() -> frozenset[str]:
    return frozenset(COMMON_PASSWORDS.read_text(encoding="utf-8").split())


def check_password_rules(password: str, username: str = "") -> None:
    """Raise AccountError unless the password is long, bounded and not a well-known one."""
    if len(password) > MAX_PASSWORD:
        raise AccountError(
            f"The password must be at most {MAX_PASSWORD} characters long.", "password"
        )
    squeezed = "".join(password.split()).casefold()
    if len(password) < MIN_PASSWORD or len(squeezed) < MIN_PASSWORD // 2:
        raise AccountError(
            f"The password must be at least {MIN_PASSWORD} characters long, not only spaces.",
            "password",
        )
    if len(set(squeezed)) < 4 or squeezed in common_passwords():
        raise AccountError("This password is too well known; choose another.", "password")
    key = username_key(username)
    if key and (squeezed == key or len(key) >= 4 and key in squeezed):
        raise AccountError("The password must not contain the username.", "password")


def create_user(username: str, role: str, password: str) -> User:
    """Add a user with a hashed password."""
    username = clean_username(username)
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.", "role")
    check_password_rules(password, username)
    if find_user(username) is not None:
        raise AccountError(f"User {username!r} already exists.")
    user = User(username=username, role=role, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    return user


def find_user(username: str) -> User | None:
    """The user with this name in any case or width, or None."""
    key = username_key(username.strip())[:64]
    return db.session.scalar(select(User).where(User.username_key == key))


def hash_password(password: str) -> str:
    """Werkzeug's salted hash of the password, made by the configured method."""
    return generate_password_hash(password, current_app.config["PASSWORD_HASH_METHOD"])


@cache
def dummy_password_hash(method: str) -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method)


def authenticate(username: str, password: str) -> User | None:
    """Return the user when the password matches, else None, taking as long either way."""
    user = find_user(username)
    method = current_app.config["PASSWORD_HASH_METHOD"]
    stored = user.password_hash if user is not None else dummy_password_hash(method)
    matches = check_password_hash(stored, password)
    return user if user is not None and matches else None


def set_password(user: User, password: str) -> None:
    """Give the user a new password and end every session they have."""
    check_password_rules(password, user.username)
    user.password_hash = hash_password(password)
    user.end_sessions()
    db.session.flush()


def change_own_password(user: User, current: str, new: str) -> None:
    """Change a user's password after checking the current one."""
    if not user.check_password(current):
        raise AccountError("The current password is wrong.", "current_password")
    set_password(user, new)


def all_users() -> list[User]:
    return db.session.scalars(select(User).order_by(User.username)).all()


def update_user(user: User, role: str, active: bool, acting: User) -> None:
    """Change a user's role or switch the account on or off; never one's own."""
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if user.id == acting.id and (role != user.role or not active):
        raise AccountError("You cannot change your own role or switch off your own account.")
    if user.active and not active:
        user.end_sessions()
    user.role = role
    user.active = active
    db.session.flush()


def user_count() -> int:
    return db.session.scalar(select(func.count(User.id)))


DEMO_ADMIN = "admin"


def create_demo_admin(database_uri: str) -> tuple[str, str] | None:
    """Create an admin with a random password, only on the default SQLite with no users."""
    if database_uri != DEFAULT_DATABASE_URL or user_count() > 0:
        return None
    password = secrets.token_urlsafe(12)
    create_user(DEMO_ADMIN, "admin", password)
    return DEMO_ADMIN, password
