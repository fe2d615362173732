"""A cooperative time limit for one extraction."""

import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


class ExtractionTimeout(Exception):
    """Raised when extraction passes the deadline its caller gave."""


def check_deadline(deadline: float | None) -> None:
    """Raise ExtractionTimeout once time.monotonic() has passed `deadline`."""
    if deadline is not None and time.monotonic() > deadline:
        raise ExtractionTimeout("claim extraction ran past its deadline")


def checked(items: Iterable[Item], deadline: float | None, every: int = 256) -> Iterator[Item]:
    """Yield the items, checking the deadline before every `every`-th one."""
    for number, item in enumerate(items):
        if number % every == 0:
            check_deadline(deadline)
        yield item
