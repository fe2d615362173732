"""Load the row a URL names, or answer 404: one loader per kind, for pages and the API."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from verify.extensions import db
from verify.models import Article, Claim, Source, article_with_claims


def load_claim(claim_id: int, public_only: bool = False) -> Claim:
    """Load a claim with its source; with public_only, only one readers may see."""
    query = select(Claim).where(Claim.id == claim_id).options(joinedload(Claim.source))
    if public_only:
        query = query.where(Claim.public())
    return db.first_or_404(query, description=f"No claim with id {claim_id}.")


def load_article(article_id: int, with_claims: bool = False) -> Article:
    """Load an article; with_claims, its claims and their sources too, in three queries."""
    description = f"No article with id {article_id}."
    if with_claims:
        return db.first_or_404(article_with_claims(article_id), description=description)
    return db.get_or_404(Article, article_id, description=description)


def load_source(source_id: int) -> Source:
    """Load a source."""
    return db.get_or_404(Source, source_id, description=f"No source with id {source_id}.")
