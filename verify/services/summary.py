"""An article's claims in one sentence: how many are verified, disputed, unverified."""

from collections.abc import Iterable
from dataclasses import dataclass

from verify.models import Claim


@dataclass(frozen=True)
class ClaimSummary:
    verified: int = 0
    disputed: int = 0
    unverified: int = 0
    anonymous: int = 0

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> "ClaimSummary":
        """Count claims by status, and those resting on anonymous sources."""
        counts = {"verified": 0, "disputed": 0, "unverified": 0, "anonymous": 0}
        for claim in claims:
            counts[claim.status] += 1
            if claim.source is not None and claim.source.kind == "anonymous":
                counts["anonymous"] += 1
        return cls(**counts)

    @property
    def total(self) -> int:
        return self.verified + self.disputed + self.unverified

    def sentence(self) -> str:
        """Say, for example, "7 of 9 claims verified · 1 disputed · 1 unverified"."""
        if not self.total:
            return "No claims found in this article."
        noun = "claim" if self.total == 1 else "claims"
        text = (
            f"{self.verified} of {self.total} {noun} verified · "
            f"{self.disputed} disputed · {self.unverified} unverified"
        )
        if self.anonymous == 1:
            text += "; 1 relies on an anonymous source"
        elif self.anonymous:
            text += f"; {self.anonymous} rely on anonymous sources"
        return text
