"""A cooperative time limit for one extraction."""

import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


class ExtractionTimeout(Exception):
    """Raised when extraction passes the deadline its caller gave."""


def clock() -> float:
    """Seconds of CPU this thread has used: the clock every extraction deadline is read on."""
    # CPU time, not wall time: what an input costs is the same on a busy machine as on an
    # idle one, so a busy server does not refuse an article a quiet one accepts.
    return time.thread_time()


def check_deadline(deadline: float | None) -> None:
    """Raise ExtractionTimeout once clock() has passed `deadline`."""
    if deadline is not None and clock() > deadline:
        raise ExtractionTimeout("claim extraction ran past its deadline")


def checked(items: Iterable[Item], deadline: float | None, every: int = 256) -> Iterator[Item]:
    """Yield the items, checking the deadline before every `every`-th one."""
    for number, item in enumerate(items):
        if number % every == 0:
            check_deadline(deadline)
        yield item
