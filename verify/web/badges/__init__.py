"""Badges other sites embed: SVG images and shields.io endpoint JSON, cheap to serve.

BadgeServer answers the badge URLs before Flask dispatches; the rules below exist so that
url_for can build them.
"""

from flask import Blueprint
from flask.sessions import SecureCookieSessionInterface

from verify.routing import BADGE_PREFIX, EMBED_PREFIXES
from verify.services.badges import register_badge_cache_events
from verify.web.badges.server import BadgeServer

bp = Blueprint("badges", __name__, url_prefix=BADGE_PREFIX)

for kind, key in (("claims", "claim_id"), ("articles", "article_id")):
    noun = kind[:-1]
    bp.add_url_rule(f"/{kind}/<int:{key}>.svg", f"{noun}_badge", build_only=True)
    bp.add_url_rule(f"/{kind}/<int:{key}>.json", f"{noun}_badge_json", build_only=True)


class EmbedSessionInterface(SecureCookieSessionInterface):
    """Cookie sessions, except on embeds: there no cookie is read, written or varied on."""

    def open_session(self, app, request):
        if request.path.startswith(EMBED_PREFIXES):
            return None  # Flask then uses a null session, which is never saved
        return super().open_session(app, request)


def register_badge_server(app) -> None:
    """Put BadgeServer in front of the app, and keep sessions off the embeds it leaves."""
    register_badge_cache_events()
    app.wsgi_app = BadgeServer(app.wsgi_app, app)
    app.session_interface = EmbedSessionInterface()
