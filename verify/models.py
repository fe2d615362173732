"""Database models: articles, sources, claims, their history, users and tokens."""

import hashlib
import hmac
import secrets
import unicodedata
from datetime import datetime, timedelta

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, Select, String, Text, select
from sqlalchemy.orm import (
    Mapped,
    WriteOnlyMapped,
    mapped_column,
    relationship,
    selectinload,
    validates,
)
from werkzeug.security import check_password_hash

from verify.append_only import install_append_only_guard
from verify.dates import now_utc
from verify.extensions import db
from verify.vocabulary import NO_SOURCE_KIND


def username_key(username: str) -> str:
    """The form two usernames share when they would look alike: NFKC, then case folded."""
    return unicodedata.normalize("NFKC", username).casefold()


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    """Hash an API token for storage and lookup."""
    return hashlib.sha256(token.encode()).hexdigest()


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    # Part of every session and remember cookie; a new one ends them all.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    tokens: WriteOnlyMapped["ApiToken"] = relationship(back_populates="user")

    @validates("username")
    def keep_username_key(self, _field: str, username: str) -> str:
        self.username_key = username_key(username)
        return username

    def get_id(self) -> str:
        """Flask-Login's id for sessions and remember cookies: the user and the session token."""
        return f"{self.id}:{self.session_token}"

    def holds_session(self, session_token: str) -> bool:
        return hmac.compare_digest(self.session_token.encode(), session_token.encode())

    def end_sessions(self) -> None:
        """Make every session and remember cookie of this user stop working."""
        self.session_token = new_session_token()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active

    def has_role(self, *roles: str) -> bool:
        return self.active and self.role in roles

    def issue_token(self, lifetime: timedelta | None = None) -> str:
        """Create an API token; only its hash is stored, so return the plain text now."""
        if lifetime is None:
            lifetime = timedelta(days=current_app.config["API_TOKEN_DAYS"])
        if lifetime <= timedelta(0):
            raise ValueError("An API token needs a lifetime of at least one day.")
        token = secrets.token_urlsafe(32)
        db.session.add(
            ApiToken(user=self, token_hash=hash_token(token), expires_at=now_utc() + lifetime)
        )
        return token

    def revoke_tokens(self) -> int:
        """Revoke every usable API token of this user; return how many."""
        open_tokens = self.tokens.select().where(ApiToken.revoked_at.is_(None))
        rows = db.session.scalars(open_tokens).all()
        for row in rows:
            row.revoked_at = now_utc()
        return len(rows)

    def newest_token_expiry(self) -> datetime | None:
        newest = self.tokens.select().order_by(ApiToken.id.desc()).limit(1)
        return db.session.scalar(newest).expires_at


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens")

    def is_usable(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > now_utc()


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    author: Mapped[str | None] = mapped_column(String(200))
    published_at: Mapped[datetime | None]
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)

    claims: Mapped[list["Claim"]] = relationship(back_populates="article", order_by="Claim.start")

    @property
    def public_claims(self) -> list["Claim"]:
        """Claims readers may see: every one not dismissed as a false extraction."""
        return [claim for claim in self.claims if claim.is_public]


class Source(db.Model):
    """One speaker. A local source ("officials", "he") belongs to one article only."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    # Set when a fact-checker merged this source into another: its key leads there.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)

    claims: WriteOnlyMapped["Claim"] = relationship(back_populates="source")
    article: Mapped["Article | None"] = relationship()

    @property
    def is_local(self) -> bool:
        return self.article_id is not None


class Claim(db.Model):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    source_text: Mapped[str | None] = mapped_column(String(300))
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    cue: Mapped[str] = mapped_column(String(100))
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(20))
    pattern: Mapped[str | None] = mapped_column(String(50))
    origin: Mapped[str] = mapped_column(String(20), default="extracted")
    status: Mapped[str] = mapped_column(String(20), default="unverified")
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    dismissed: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    article: Mapped[Article] = relationship(back_populates="claims")
    source: Mapped[Source | None] = relationship(back_populates="claims")
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id])
    events: WriteOnlyMapped["ClaimEvent"] = relationship(back_populates="claim")

    __mapper_args__ = {"version_id_col": version}
    # Reports and the queue read unverified claims oldest first.
    __table_args__ = (Index("ix_claims_status_created_at", "status", "created_at"),)

    @classmethod
    def public(cls):
        """The one rule of what readers see: claims not dismissed as false extractions."""
        return cls.dismissed.is_(False)

    @property
    def is_public(self) -> bool:
        return not self.dismissed

    @property
    def source_name(self) -> str | None:
        return self.source.name if self.source else None

    @property
    def source_kind(self) -> str:
        return self.source.kind if self.source else NO_SOURCE_KIND

    def history(self):
        """Select this claim's events, oldest first."""
        return self.events.select().order_by(ClaimEvent.created_at, ClaimEvent.id)


class ClaimEvent(db.Model):
    """One change of a claim's status or note; rows are only ever inserted."""

    __tablename__ = "claim_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    action: Mapped[str] = mapped_column(String(20), default="review")
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list | None] = mapped_column(JSON)
    # For corrections and assignments: {"field": [before, after], ...}.
    changes: Mapped[dict | None] = mapped_column(JSON)

    claim: Mapped[Claim] = relationship(back_populates="events")
    user: Mapped[User | None] = relationship()


def article_with_claims(article_id: int) -> Select:
    """Select an article with its claims and their sources: three queries, however many."""
    return (
        select(Article)
        .where(Article.id == article_id)
        .options(selectinload(Article.claims).selectinload(Claim.source))
    )


def revoke_token(token: str) -> None:
    """Mark a token revoked; it stays stored so its use can be audited."""
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if row is not None and row.revoked_at is None:
        row.revoked_at = now_utc()


def find_token_user(token: str) -> User | None:
    """Return the user owning a usable token, or None."""
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
    if row is None or not row.is_usable() or not row.user.active:
        return None
    return row.user


install_append_only_guard(ClaimEvent.__table__)
