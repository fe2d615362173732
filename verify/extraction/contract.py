"""The JSON contract of a claim, as `flask claims extract` prints it."""

from dataclasses import asdict

from verify.extraction.model import ExtractedClaim
from verify.extraction.spans import content_spans

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


def claim_to_dict(claim: ExtractedClaim) -> dict:
    """Return the contract keys first, then the source kind, pattern, note and any
    discontinuous spans (`"A," he said, "B"` gives the spans of both quoted fragments)."""
    data = asdict(claim)
    ordered = {key: data[key] for key in CONTRACT_KEYS}
    ordered.update(source_kind=claim.source_kind, pattern=claim.pattern, note=claim.note)
    spans = content_spans(claim)
    if len(spans) > 1:
        ordered["spans"] = [list(span) for span in spans]
    return ordered
