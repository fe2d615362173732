"""The mutable working record that patterns produce before resolution."""

from dataclasses import dataclass


@dataclass
class Candidate:
    """Spans of one claim under construction; offsets index the article body."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    pattern: str
    source_start: int | None = None
    source_end: int | None = None
    kind: str = "reported"
    source: str | None = None
    source_kind: str = "unattributed"
    note: str | None = None

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether the content overlaps the span [start, end)."""
        return self.start < end and start < self.end

    @property
    def has_source(self) -> bool:
        """Tell whether the claim names a source in the text."""
        return self.source_start is not None
