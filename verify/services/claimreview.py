"""schema.org ClaimReview for a reviewed claim, as search engines and fact-check tools read it."""

from datetime import datetime

from verify.models import Claim

# The rating scale: 1 (disputed) to 5 (verified); alternateName is what tools display.
RATINGS = {"verified": (5, "Verified"), "disputed": (1, "Disputed")}
PERSON_KINDS = ("person", "anonymous")
SHORT_CLAIM = 75
QUOTES = "\"'“”‘’«» ,;:"


def short_claim(text: str, limit: int = SHORT_CLAIM) -> str:
    """The claim without its quote marks, cut at a word to stay under the limit."""
    text = " ".join(text.split()).strip(QUOTES)
    if len(text) < limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(QUOTES + ".")
    return cut + "…"


def iso_date(moment: datetime) -> str:
    return moment.date().isoformat()


def organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def claim_author(claim: Claim, outlet: str) -> dict:
    """Who made the claim: its source, or the outlet when the article names nobody."""
    if claim.source is None:
        return organization(outlet)
    kind = "Person" if claim.source.kind in PERSON_KINDS else "Organization"
    return {"@type": kind, "name": claim.source.name}


def claim_review(claim: Claim, claim_url: str, article_url: str, publisher: str) -> dict | None:
    """Build the ClaimReview of a verified or disputed claim; None while it is unverified."""
    if claim.status not in RATINGS:
        return None
    value, label = RATINGS[claim.status]
    article = claim.article
    outlet = article.outlet or publisher
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_url,
        "claimReviewed": short_claim(claim.text),
        "datePublished": iso_date(claim.reviewed_at or claim.updated_at),
        "author": organization(outlet),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": label,
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": claim_author(claim, outlet),
            "datePublished": iso_date(article.published_at or article.created_at),
            "appearance": {
                "@type": "CreativeWork",
                "url": article.url or article_url,
                "headline": article.title,
            },
        },
    }
