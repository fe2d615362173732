"""HTML pages: readers, fact-checkers, editors and admins."""

from verify.vocabulary import template_vocabulary
from verify.web import (
    admin,
    articles,
    assign,
    auth,
    badges,
    corrections,
    queue,
    reader,
    reports,
    review,
    sources,
)
from verify.web.urls import external_url

BLUEPRINTS = tuple(
    module.bp
    for module in (
        auth,
        badges,
        reader,
        reports,
        review,
        queue,
        corrections,
        assign,
        articles,
        sources,
        admin,
    )
)


def register_web(app) -> None:
    # Globals rather than a context processor: macros imported without context see them too.
    app.jinja_env.globals.update(template_vocabulary())
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.add_template_global(external_url)
