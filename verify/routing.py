"""URL rules shared by pages and the API: id bounds and the paths other sites embed."""

from werkzeug.routing import IntegerConverter

from verify.schemas import MAX_ID

BADGE_PREFIX = "/badges"
OEMBED_PATH = "/oembed"
# Shown on other sites: framed by anyone, answered in JSON, and never given a session.
EMBED_PREFIXES = (f"{BADGE_PREFIX}/", OEMBED_PATH)


class IdConverter(IntegerConverter):
    """Integer ids in URLs, bounded so out-of-range numbers are a 404, not an overflow."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def id_parameter_schema(converter) -> dict:
    return {"type": "integer", "minimum": 1, "maximum": MAX_ID}


def register_id_converter(app) -> None:
    """Read every <int:…> in the app's URLs as a bounded id."""
    app.url_map.converters["int"] = IdConverter
