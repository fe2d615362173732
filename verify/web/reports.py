"""Editors' reports of unverified claims: a page, CSV and JSON."""

import json

from flask import Blueprint, Response, render_template, request, stream_with_context
from flask_smorest import abort

from verify.auth import roles_required
from verify.schemas import ReportQuerySchema, ReportRowSchema
from verify.services.reports import report_csv_chunks, report_rows

bp = Blueprint("reports", __name__, url_prefix="/reports")
EDITORS = ("editor", "admin")
PAGE_ROWS = 200


def report_filters() -> dict:
    """Validate the query string; 422 names the parameter at fault."""
    errors = ReportQuerySchema().validate(request.args)
    if errors:
        abort(422, errors={"query": errors})
    return ReportQuerySchema().load(request.args)


@bp.route("/unverified")
@roles_required(*EDITORS)
def unverified():
    """Show the oldest unverified claims."""
    filters = report_filters()
    rows = list(report_rows(filters, limit=PAGE_ROWS))
    return render_template("reports/unverified.html", rows=rows, filters=filters)


@bp.route("/unverified.csv")
@roles_required(*EDITORS)
def unverified_csv():
    """Download every unverified claim as CSV."""
    filters = report_filters()
    return Response(
        stream_with_context(report_csv_chunks(filters)),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=unverified-claims.csv"},
    )


@bp.route("/unverified.json")
@roles_required(*EDITORS)
def unverified_json():
    """Download every unverified claim as a JSON array."""
    filters = report_filters()
    return Response(
        stream_with_context(json_array_chunks(report_rows(filters))),
        mimetype="application/json",
    )


def json_array_chunks(rows):
    schema = ReportRowSchema()
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + json.dumps(schema.dump(row._asdict()))
    yield "]"
