"""Discontinuous content: the quoted fragments of a direct quote claim."""

import re

from verify.extraction.model import ExtractedClaim

FRAGMENT = re.compile(r"[“\"]+[^“”\"]*[”\"]+|''.*?''|``.*?''", re.DOTALL)


def content_spans(claim: ExtractedClaim) -> list[tuple[int, int]]:
    """Return the content as spans: each quoted fragment of a direct quote, else one span."""
    if claim.kind != "direct_quote":
        return [(claim.start, claim.end)]
    fragments = [
        (claim.start + m.start(), claim.start + m.end()) for m in FRAGMENT.finditer(claim.text)
    ]
    return fragments if len(fragments) > 1 else [(claim.start, claim.end)]
