"""Every write is one transaction, run again when the database asks for a retry.

SQLite lets one writer in at a time. A transaction that started by reading (pysqlite's
deferred BEGIN) and then writes is refused at once with "database is locked" when another
writer got in first; the busy timeout cannot help it, because its snapshot is already stale.
So a refused attempt is rolled back and run again with BEGIN IMMEDIATE, which waits (up to
the busy timeout) for the write lock before reading anything. The first attempt stays
deferred so that slow reads and extraction do not hold the lock when nobody else writes.
PostgreSQL asks for a retry with a serialization failure or a detected deadlock.
"""

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from verify.extensions import SQLITE_BEGIN_OPTION, db

T = TypeVar("T")
ATTEMPTS = 6
LOCK_MESSAGES = ("database is locked", "database table is locked", "database is busy")
# serialization_failure, deadlock_detected
RETRY_SQLSTATES = {"40001", "40P01"}


def is_retryable(exc: DBAPIError) -> bool:
    """Whether the database refused this transaction only because of another one."""
    if getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    return any(message in str(exc.orig) for message in LOCK_MESSAGES)


def commit_with_retry(work: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Run work() and commit it as one transaction; on a lock or serialization error, again.

    work() must do every write of the unit and read what it needs afresh: a retry starts
    a new transaction, and loaded objects are expired and reloaded. Anything work() raises
    rolls the whole transaction back before it propagates.
    """
    finish_reading()
    for attempt in range(attempts):
        try:
            begin_writing(immediate=attempt > 0)
            result = work()
            db.session.commit()
            return result
        except DBAPIError as exc:
            db.session.rollback()
            if not is_retryable(exc) or attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0, 0.02 * 2**attempt))
        except BaseException:
            db.session.rollback()
            raise
    raise AssertionError("unreachable")


def finish_reading() -> None:
    """End the request's read transaction so the write starts from a fresh snapshot."""
    if db.session().in_transaction():
        db.session.commit()


def begin_writing(immediate: bool) -> None:
    """Open the session's transaction; on SQLite, take the write lock first if immediate."""
    mode = "IMMEDIATE" if immediate else "DEFERRED"
    db.session.connection(execution_options={SQLITE_BEGIN_OPTION: mode})
