"""HTML pages: readers, fact-checkers, editors and admins."""

from verify.vocabulary import template_vocabulary
from verify.web import admin, auth, badges, reader, reports, sources
from verify.web.urls import external_url
from verify.web.workspace import WORKSPACE_BLUEPRINTS

BLUEPRINTS = (
    auth.bp,
    badges.bp,
    reader.bp,
    reports.bp,
    *WORKSPACE_BLUEPRINTS,
    sources.bp,
    admin.bp,
)


def register_web(app) -> None:
    # Globals rather than a context processor: macros imported without context see them too.
    app.jinja_env.globals.update(template_vocabulary())
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.add_template_global(external_url)
