"""Users and their API tokens."""

import secrets

from sqlalchemy import func, select

from verify.config import DEFAULT_DATABASE_URL
from verify.extensions import db
from verify.models import ROLES, User


class AccountError(Exception):
    """A user could not be created or found; the message says why."""


def create_user(username: str, role: str, password: str) -> User:
    """Add a user with a hashed password."""
    username = username.strip()
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if not username:
        raise AccountError("The username must not be empty.")
    if len(password) < 8:
        raise AccountError("The password must be at least 8 characters long.")
    if find_user(username) is not None:
        raise AccountError(f"User {username!r} already exists.")
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username))


def authenticate(username: str, password: str) -> User | None:
    """Return the user when the password matches, else None."""
    user = find_user(username)
    return user if user is not None and user.check_password(password) else None


def all_users() -> list[User]:
    return db.session.scalars(select(User).order_by(User.username)).all()


def update_user(user: User, role: str, active: bool, acting: User) -> None:
    """Change a user's role or switch the account on or off; never one's own."""
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if user.id == acting.id and (role != user.role or not active):
        raise AccountError("You cannot change your own role or switch off your own account.")
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
