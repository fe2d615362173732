"""The JSON API: articles, claims and their history."""

from verify.api import articles, claims, tokens
from verify.extensions import api, csrf
from verify.routing import IdConverter, id_parameter_schema
from verify.schemas import ErrorSchema

BEARER_AUTH = {"type": "http", "scheme": "bearer"}
PAGINATION_HEADER = {
    "description": "JSON object: total, total_pages, first_page, last_page, page, "
    "previous_page, next_page.",
    "schema": {"type": "string"},
}


def register_api(app) -> None:
    """Bind the API, its blueprints and its security scheme to the app."""
    api.ERROR_SCHEMA = ErrorSchema
    api.init_app(app)
    api.register_converter(IdConverter, id_parameter_schema)
    api.spec.components.security_scheme("bearerAuth", BEARER_AUTH)
    # HTTP headers are strings: X-Pagination carries a JSON object serialized as text.
    api.spec.components.headers_lazy["PAGINATION"] = PAGINATION_HEADER
    for blueprint in (articles.bp, claims.bp, tokens.bp):
        # Token-authenticated: no cookie, so no cross-site request to forge.
        csrf.exempt(blueprint)
        api.register_blueprint(blueprint)
