"""Claim extraction: attributed and hedged claims from news text, pure Python."""

from verify.extraction.html import html_to_text
from verify.extraction.model import ExtractedClaim, claim_to_dict
from verify.extraction.pipeline import extract_claims
from verify.extraction.sources import source_key

__all__ = [
    "ExtractedClaim",
    "claim_to_dict",
    "extract_claims",
    "html_to_text",
    "source_key",
]
