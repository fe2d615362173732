"""A cooperative time limit for one extraction."""

import time


class ExtractionTimeout(Exception):
    """Raised when extraction passes the deadline its caller gave."""


def check_deadline(deadline: float | None) -> None:
    """Raise ExtractionTimeout once time.monotonic() has passed `deadline`."""
    if deadline is not None and time.monotonic() > deadline:
        raise ExtractionTimeout("claim extraction ran past its deadline")
