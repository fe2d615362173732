"""Articles in, claims out."""

from flask import current_app, g, url_for
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from verify.api.pagination import page_items
from verify.loaders import load_article
from verify.models import Article
from verify.permissions import roles_required
from verify.schemas import ArticleInSchema, ArticleSchema, ArticleSummarySchema
from verify.services.ingest import (
    ArticleTooLarge,
    ExtractionFailed,
    extraction_deadline,
    ingest_article,
    ingest_limits,
)
from verify.services.transactions import commit_with_retry
from verify.vocabulary import STAFF

bp = Blueprint("api_articles", __name__, url_prefix="/api/articles")
AUTH = {"security": [{"bearerAuth": []}]}


@bp.route("", methods=["POST"])
@roles_required(*STAFF, allow_session=False)
@bp.doc(**AUTH)
@bp.arguments(ArticleInSchema)
@bp.response(201, ArticleSchema)
@bp.alt_response(200, schema=ArticleSchema, description="The article was known")
def create_article(fields):
    """Store an article and extract its claims"""
    limits = ingest_limits(current_app.config, extraction_deadline(current_app.config, g.started))
    try:
        result = commit_with_retry(lambda: ingest_article(fields, **limits))
    except ArticleTooLarge as exc:
        abort(413, message=str(exc), errors={"json": {"body": [str(exc)]}})
    except ExtractionFailed as exc:
        abort(422, message=f"Extraction failed: {exc}", errors={"json": {"body": [str(exc)]}})
    article = load_article(result.article.id, with_claims=True)
    location = {"Location": url_for("api_articles.get_article", article_id=article.id)}
    return article, (201 if result.created else 200), location


@bp.route("", methods=["GET"])
@bp.response(200, ArticleSummarySchema(many=True))
@bp.paginate()
def list_articles(pagination_parameters):
    """List articles, newest first"""
    query = select(Article).order_by(Article.created_at.desc(), Article.id.desc())
    return page_items(query, pagination_parameters)


@bp.route("/<int:article_id>", methods=["GET"])
@bp.response(200, ArticleSchema)
def get_article(article_id):
    """Show an article with its claims"""
    return load_article(article_id, with_claims=True)
