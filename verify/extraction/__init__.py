"""Claim extraction: attributed and hedged claims from news text, pure Python."""

from verify.extraction.contract import claim_to_dict
from verify.extraction.deadline import ExtractionTimeout
from verify.extraction.html import PageTooComplex, html_to_text
from verify.extraction.model import ExtractedClaim
from verify.extraction.pipeline import extract_claims
from verify.extraction.sources import source_key
from verify.extraction.spans import content_spans

__all__ = [
    "ExtractedClaim",
    "ExtractionTimeout",
    "PageTooComplex",
    "claim_to_dict",
    "content_spans",
    "extract_claims",
    "html_to_text",
    "source_key",
]
