"""Editors' reports: the unverified claims page, its streamed exports and the dashboard."""

from flask import Blueprint, Response, current_app, render_template, request, stream_with_context
from flask_smorest import abort

from verify.permissions import roles_required
from verify.schemas import DashboardQuerySchema, ReportQuerySchema
from verify.services.dashboard import overdue_by_outlet, status_over_time
from verify.services.exports import csv_chunks, json_array_chunks, jsonl_chunks
from verify.services.reports import REPORT_COLUMNS, UnknownAnchor, UnverifiedReport
from verify.vocabulary import EDITORS
from verify.web.arguments import query_arguments
from verify.web.charts import overdue_chart, status_chart

bp = Blueprint("reports", __name__, url_prefix="/reports")
PAGE_ROWS = 100
POSITION = ("after", "before")


def unverified_report() -> UnverifiedReport:
    filters = query_arguments(ReportQuerySchema())
    return UnverifiedReport(filters, current_app.config["OVERDUE_AFTER_HOURS"])


@bp.route("/unverified")
@roles_required(*EDITORS)
def unverified():
    """Show unverified claims a page at a time, oldest first, with totals and groups."""
    report = unverified_report()
    filters = report.filters
    try:
        page = report.page(PAGE_ROWS, filters.get("after"), filters.get("before"))
    except UnknownAnchor as exc:
        field = "after" if "after" in filters else "before"
        abort(422, message=str(exc), errors={"query": {field: [str(exc)]}})
    groups = report.groups(filters["group"]) if filters.get("group") else None
    return render_template(
        "reports/unverified.html",
        report=report,
        page=page,
        totals=report.totals(),
        groups=groups,
        filter_args={k: v for k, v in request.args.items() if v and k not in POSITION},
    )


def export(chunks, mimetype: str, extension: str) -> Response:
    filename = f"unverified-claims.{extension}"
    return Response(
        stream_with_context(chunks),
        mimetype=mimetype,
        headers={
            "Content-Disposition": f"attachment; filename={filename}",
            "Cache-Control": "no-store",
        },
    )


@bp.route("/unverified.csv")
@roles_required(*EDITORS)
def unverified_csv():
    """Download every matching unverified claim as CSV, streamed."""
    query = unverified_report().rows()
    return export(csv_chunks(query, REPORT_COLUMNS), "text/csv", "csv")


@bp.route("/unverified.jsonl")
@roles_required(*EDITORS)
def unverified_jsonl():
    """Download every matching unverified claim as JSON Lines, streamed."""
    query = unverified_report().rows()
    return export(jsonl_chunks(query), "application/jsonl", "jsonl")


@bp.route("/unverified.json")
@roles_required(*EDITORS)
def unverified_json():
    """Download every matching unverified claim as one JSON array, streamed."""
    query = unverified_report().rows()
    return export(json_array_chunks(query), "application/json", "json")


@bp.route("/dashboard")
@roles_required(*EDITORS)
def dashboard():
    """Show claims by status week by week and the outlets with most overdue claims."""
    arguments = query_arguments(DashboardQuerySchema())
    hours = current_app.config["OVERDUE_AFTER_HOURS"]
    return render_template(
        "reports/dashboard.html",
        weeks=arguments["weeks"],
        series=status_over_time(arguments["weeks"]),
        outlets=overdue_by_outlet(hours),
        overdue_hours=hours,
    )


def svg_response(svg: str) -> Response:
    response = Response(svg, mimetype="image/svg+xml")
    # The chart styles itself with an inline <style>; it runs no script.
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["Cache-Control"] = "private, max-age=60"
    return response


@bp.route("/dashboard/status.svg")
@roles_required(*EDITORS)
def status_svg():
    """Draw claims by status at the end of each week."""
    arguments = query_arguments(DashboardQuerySchema())
    return svg_response(status_chart(status_over_time(arguments["weeks"])))


@bp.route("/dashboard/overdue.svg")
@roles_required(*EDITORS)
def overdue_svg():
    """Draw overdue claims per outlet."""
    return svg_response(overdue_chart(overdue_by_outlet(current_app.config["OVERDUE_AFTER_HOURS"])))
