"""The claim record handed to the rest of the application."""

from dataclasses import asdict, dataclass

CONTRACT_KEYS = (
    "text",
    "start",
    "end",
    "source",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
)


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


def claim_to_dict(claim: ExtractedClaim) -> dict:
    """Return the JSON contract of a claim, contract keys first."""
    data = asdict(claim)
    ordered = {key: data[key] for key in CONTRACT_KEYS}
    ordered.update(source_kind=claim.source_kind, pattern=claim.pattern, note=claim.note)
    return ordered
