"""Public pages: articles with their claims marked and badged."""

from collections import Counter

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from verify.extensions import db
from verify.models import Article, Claim
from verify.web.forms import ReviewForm
from verify.web.highlight import article_segments

bp = Blueprint("reader", __name__)


@bp.route("/")
def index():
    """List articles, newest first."""
    page = db.paginate(
        select(Article).order_by(Article.created_at.desc(), Article.id.desc()),
        per_page=30,
    )
    return render_template("reader/index.html", page=page)


@bp.route("/articles/<int:article_id>")
def show_article(article_id):
    """Show an article with each claim marked in place and its status badge."""
    article = db.session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(selectinload(Article.claims).selectinload(Claim.source))
    )
    if article is None:
        abort(404, description=f"No article with id {article_id}.")
    claims = article.public_claims
    return render_template(
        "reader/article.html",
        article=article,
        claims=claims,
        segments=article_segments(article.body, claims),
        counts=Counter(claim.status for claim in claims),
        review_forms=review_forms(claims),
        focus=request.args.get("claim", type=int),
    )


def review_forms(claims: list[Claim]) -> dict:
    """A prefilled review form per claim, for fact-checkers only."""
    if not (current_user.is_authenticated and current_user.has_role("fact-checker", "admin")):
        return {}
    return {
        claim.id: ReviewForm(
            formdata=None,
            prefix=f"claim-{claim.id}",
            status=claim.status,
            note=claim.note or "",
            evidence="\n".join(item["url"] for item in claim.evidence or []),
            version=claim.version,
        )
        for claim in claims
    }
