"""Public pages: articles with their claims marked, a page per claim, and oEmbed."""

from flask import Blueprint

bp = Blueprint("reader", __name__)

from verify.web.reader import articles, claims, oembed  # noqa: E402, F401  registers the routes
