"""Commit a unit of work, retrying it when SQLite reports a lock."""

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

from verify.extensions import db

T = TypeVar("T")
LOCK_MESSAGES = ("database is locked", "database table is locked")


def is_lock_error(exc: OperationalError) -> bool:
    return any(message in str(exc.orig) for message in LOCK_MESSAGES)


def commit_with_retry(work: Callable[[], T], attempts: int = 8) -> T:
    """Run work() and commit; SQLite refuses a second writer at once, so run it again.

    work() must read everything it needs afresh: a retry starts a new transaction.
    """
    for attempt in range(attempts):
        try:
            result = work()
            db.session.commit()
            return result
        except OperationalError as exc:
            db.session.rollback()
            if not is_lock_error(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
