"""Badges other sites embed: SVG images and shields.io endpoint JSON, cheap to serve.

BadgeServer answers the badge URLs before Flask dispatches; the rules below exist so that
url_for can build them.
"""

from flask import Blueprint
from flask.sessions import SecureCookieSessionInterface

from verify.web.badges.drawing import STATUS_COLOURS, badge_size, embed_html  # noqa: F401
from verify.web.badges.server import BadgeServer

bp = Blueprint("badges", __name__, url_prefix="/badges")
EMBED_PATHS = ("/badges/", "/oembed")

for kind, key in (("claims", "claim_id"), ("articles", "article_id")):
    noun = kind[:-1]
    bp.add_url_rule(f"/{kind}/<int:{key}>.svg", f"{noun}_badge", build_only=True)
    bp.add_url_rule(f"/{kind}/<int:{key}>.json", f"{noun}_badge_json", build_only=True)


class EmbedSessionInterface(SecureCookieSessionInterface):
    """Cookie sessions, except on embeds: there no cookie is read, written or varied on."""

    def open_session(self, app, request):
        if request.path.startswith(EMBED_PATHS):
            return None  # Flask then uses a null session, which is never saved
        return super().open_session(app, request)


@bp.record_once
def serve_badges_first(state) -> None:
    """Put BadgeServer in front of the app, and keep sessions off the embeds it leaves."""
    state.app.wsgi_app = BadgeServer(state.app.wsgi_app, state.app)
    state.app.session_interface = EmbedSessionInterface()
