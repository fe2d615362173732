"""oEmbed (https://oembed.com) for claim pages: paste a claim's URL, get its badge."""

import json
import re
from urllib.parse import urlsplit

from flask import Response, abort, current_app, request

from verify.extensions import db
from verify.routing import OEMBED_PATH
from verify.schemas import OEmbedQuerySchema, is_id
from verify.services.badges import CLAIM_STATUS
from verify.web.arguments import query_arguments
from verify.web.badges.drawing import badge_size, embed_html
from verify.web.badges.server import MAX_AGE
from verify.web.reader import bp
from verify.web.urls import external_url, public_host

CLAIM_PATH = re.compile(r"/claims/(\d{1,12})/?")


def claim_id_in(url: str) -> int | None:
    """The claim id of a claim page URL on this site, or None."""
    parts = urlsplit(url)
    match = CLAIM_PATH.fullmatch(parts.path)
    if parts.netloc != public_host() or match is None:
        return None
    claim_id = int(match.group(1))
    return claim_id if is_id(claim_id) else None


def fit(width: int, height: int, max_width: int | None, max_height: int | None):
    """Scale the badge down, keeping its shape, to fit the consumer's maximum size."""
    scale = min(1, (max_width or width) / width, (max_height or height) / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def cached_json(body: dict, etag: str) -> Response:
    """Answer 304 when the consumer holds this version; anyone may cache and read it."""
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        response = Response(json.dumps(body), mimetype="application/json")
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route(OEMBED_PATH)
def oembed():
    """Describe a claim page as an embeddable rich snippet: its badge, linked to the page."""
    arguments = query_arguments(OEmbedQuerySchema())
    if arguments["format"] != "json":
        abort(501, description="Only format=json is offered.")
    claim_id = claim_id_in(arguments["url"])
    row = None if claim_id is None else db.session.execute(CLAIM_STATUS, {"id": claim_id}).first()
    if row is None:
        abort(404, description="No public claim page at that URL.")
    status, version = row
    width, height = fit(
        *badge_size("claim", status), arguments.get("maxwidth"), arguments.get("maxheight")
    )
    page = external_url("reader.show_claim", claim_id=claim_id)
    badge = external_url("badges.claim_badge", claim_id=claim_id)
    body = {
        "version": "1.0",
        "type": "rich",
        "title": f"Claim {claim_id}: {status}",
        "provider_name": current_app.config["ORGANIZATION_NAME"],
        "provider_url": external_url("reader.index"),
        "cache_age": MAX_AGE,
        "html": embed_html(page, badge, status, (width, height)),
        "width": width,
        "height": height,
    }
    tag = f"oembed-{claim_id}-v{version}-{width}x{height}"
    return cached_json(body, tag)
