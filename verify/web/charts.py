"""Dashboard charts drawn on the server as SVG with pygal."""

import pygal
from pygal.style import Style

from verify.services.dashboard import StatusSeries
from verify.vocabulary import STATUSES
from verify.web.badges.drawing import STATUS_COLOURS

FONT = "DejaVu Sans, Verdana, sans-serif"
BASE = {
    "width": 800,
    "height": 360,
    "js": [],  # no script from elsewhere: the chart must work under a strict CSP
    "legend_at_bottom": True,
    "print_values": False,
}


def without_scripts(root):
    """Drop pygal's inline config script: the charts are shown as images, never run."""
    for parent in root.iter():
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root


def render(chart) -> str:
    chart.add_xml_filter(without_scripts)
    return chart.render(is_unicode=True)


def status_chart(series: StatusSeries) -> str:
    """Stacked bars: claims in each status at the end of each week."""
    style = Style(colors=tuple(STATUS_COLOURS[status] for status in STATUSES), font_family=FONT)
    chart = pygal.StackedBar(
        style=style,
        title="Claims by status, end of each week",
        x_label_rotation=30,
        **BASE,
    )
    chart.x_labels = [end.isoformat() for end in series.week_ends]
    for status in STATUSES:
        chart.add(status.capitalize(), series.counts[status])
    return render(chart)


def overdue_chart(outlets: list) -> str:
    """Horizontal bars: overdue unverified claims per outlet."""
    style = Style(colors=(STATUS_COLOURS["unverified"],), font_family=FONT)
    chart = pygal.HorizontalBar(
        style=style, title="Overdue unverified claims by outlet", show_legend=False, **BASE
    )
    chart.x_labels = [group.key or "(no outlet)" for group in reversed(outlets)]
    chart.add("Overdue", [group.overdue for group in reversed(outlets)])
    return render(chart)
