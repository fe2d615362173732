"""Who checks what: editors and admins hand claims to fact-checkers."""

from sqlalchemy import select

from verify.extensions import db
from verify.models import Claim, User
from verify.schemas import is_id
from verify.services.history import record_event
from verify.vocabulary import REVIEWERS


def assignable_users() -> list[User]:
    """Active users who may review claims, by name."""
    query = select(User).where(User.active.is_(True), User.role.in_(REVIEWERS))
    return db.session.scalars(query.order_by(User.username)).all()


def find_assignee(user_id: int | None) -> User | None:
    """The reviewer a claim may be given to; None for nobody, ValueError for anyone else."""
    if not user_id:
        return None
    user = db.session.get(User, user_id) if is_id(user_id) else None
    if user is None or not user.has_role(*REVIEWERS):
        raise ValueError(f"User {user_id} is not an active fact-checker or admin.")
    return user


def assign_claims(claims: list[Claim], assignee: User | None, user: User) -> int:
    """Give claims to a reviewer (None: to nobody); return how many changed hands."""
    changed = 0
    for claim in claims:
        if claim.assigned_to is assignee:
            continue
        before = claim.assigned_to.username if claim.assigned_to else None
        claim.assigned_to = assignee
        record_event(
            claim,
            user,
            "assignment",
            from_status=claim.status,
            changes={"assigned_to": [before, assignee.username if assignee else None]},
        )
        changed += 1
    db.session.flush()
    return changed
