"""Badge pictures and words: SVG from a fixed template, shields.io JSON, embed HTML."""

import json

from markupsafe import escape

from verify.vocabulary import STATUS_ORDER

STATUS_COLOURS = {"verified": "#2e7d32", "disputed": "#c62828", "unverified": "#9e6a00"}
NO_CLAIMS_COLOUR = "#6b7280"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
    'aria-label="{label}: {message}"><title>{label}: {message}</title>'
    '<rect width="{label_width}" height="20" fill="#555"/>'
    '<rect x="{label_width}" width="{message_width}" height="20" fill="{colour}"/>'
    '<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" '
    'text-anchor="middle"><text x="{label_x}" y="14">{label}</text>'
    '<text x="{message_x}" y="14">{message}</text></g></svg>'
)


def part_widths(label: str, message: str) -> tuple[int, int]:
    """Allow about 7 px per character of Verdana 11, and 6 px of padding each side."""
    return 7 * len(label) + 12, 7 * len(message) + 12


def badge_size(label: str, message: str) -> tuple[int, int]:
    return sum(part_widths(label, message)), 20


def draw_badge(label: str, message: str, colour: str) -> bytes:
    """Fill the SVG template; labels and messages are our own words, never user text."""
    label_width, message_width = part_widths(label, message)
    return SVG.format(
        width=label_width + message_width,
        label=label,
        message=message,
        colour=colour,
        label_width=label_width,
        message_width=message_width,
        label_x=label_width / 2,
        message_x=label_width + message_width / 2,
    ).encode()


def shields_json(label: str, message: str, colour: str) -> bytes:
    """The shields.io endpoint format: https://shields.io/badges/endpoint-badge."""
    body = {"schemaVersion": 1, "label": label, "message": message, "color": colour.lstrip("#")}
    return json.dumps(body).encode()


CLAIM_SVGS = {
    status: draw_badge("claim", status, colour) for status, colour in STATUS_COLOURS.items()
}
CLAIM_JSONS = {
    status: shields_json("claim", status, colour) for status, colour in STATUS_COLOURS.items()
}


def article_summary(counts: dict) -> tuple[str, str]:
    """The article badge's message and colour: red if any disputed, amber if any open."""
    verified, disputed, unverified = (counts.get(s, 0) for s in STATUS_ORDER)
    total = verified + disputed + unverified
    if not total:
        return "no claims", NO_CLAIMS_COLOUR
    message = f"{verified}/{total} verified" + (f", {disputed} disputed" if disputed else "")
    colour = "disputed" if disputed else "unverified" if unverified else "verified"
    return message, STATUS_COLOURS[colour]


def embed_html(page_url: str, badge_url: str, status: str, size: tuple[int, int]) -> str:
    """The HTML another site pastes to show a claim's badge linked to its page."""
    return (
        f'<a href="{escape(page_url)}"><img src="{escape(badge_url)}" alt="Claim: {status}" '
        f'width="{size[0]}" height="{size[1]}"></a>'
    )
