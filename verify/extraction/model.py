"""The claim record handed to the rest of the application."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractedClaim:
    """One attributed (or hedged) claim found in an article body."""

    text: str
    start: int
    end: int
    source: str | None
    source_start: int | None
    source_end: int | None
    source_kind: str
    cue: str
    cue_start: int
    cue_end: int
    kind: str
    pattern: str
    note: str | None = None
