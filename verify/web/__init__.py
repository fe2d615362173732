"""HTML pages: readers, fact-checkers and editors."""

from verify.web.auth import bp as auth_blueprint
from verify.web.badges import bp as badges_blueprint
from verify.web.reader import bp as reader_blueprint
from verify.web.reports import bp as reports_blueprint
from verify.web.review import bp as review_blueprint

BLUEPRINTS = (
    auth_blueprint,
    badges_blueprint,
    reader_blueprint,
    reports_blueprint,
    review_blueprint,
)


def register_web(app) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
