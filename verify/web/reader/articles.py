"""The article list and the article page with its claims marked in place."""

from flask import render_template, request
from sqlalchemy import select

from verify.extensions import db
from verify.loaders import load_article
from verify.models import Article
from verify.services.summary import ClaimSummary
from verify.web.arguments import page_number
from verify.web.highlight import article_segments
from verify.web.reader import bp


@bp.route("/")
def index():
    """List articles, newest first."""
    page = db.paginate(
        select(Article).order_by(Article.created_at.desc(), Article.id.desc()),
        page=page_number(),
        per_page=30,
    )
    return render_template("reader/index.html", page=page)


@bp.route("/articles/<int:article_id>")
def show_article(article_id):
    """Show an article with a summary, each claim marked in place with its badge."""
    article = load_article(article_id, with_claims=True)
    claims = article.public_claims
    return render_template(
        "reader/article.html",
        article=article,
        claims=claims,
        segments=article_segments(article.body, claims),
        summary=ClaimSummary.of(claims),
        focus=request.args.get("claim", type=int),
    )
