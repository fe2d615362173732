"""Sources and their track record: how each one's claims were judged."""

from flask import Blueprint, render_template, request

from verify.auth import STAFF, roles_required
from verify.extensions import db
from verify.models import STATUSES, Source
from verify.services.sources import source_claims, source_track_records
from verify.web.arguments import page_number

bp = Blueprint("sources", __name__, url_prefix="/sources")
PER_PAGE = 100


@bp.route("")
@roles_required(*STAFF)
def index():
    """List every source with its claims counted by status."""
    page = page_number()
    query = source_track_records().limit(PER_PAGE + 1).offset((page - 1) * PER_PAGE)
    rows = db.session.execute(query).all()
    return render_template(
        "sources/index.html", rows=rows[:PER_PAGE], page=page, has_next=len(rows) > PER_PAGE
    )


@bp.route("/<int:source_id>")
@roles_required(*STAFF)
def show(source_id):
    """Show one source's claims, newest first, optionally of one status."""
    source = db.get_or_404(Source, source_id, description=f"No source with id {source_id}.")
    status = request.args.get("status")
    status = status if status in STATUSES else None
    page = db.paginate(source_claims(source, status), page=page_number(), per_page=50)
    record = db.session.execute(
        source_track_records().where(Source.id == source_id)
    ).first()
    return render_template(
        "sources/show.html", source=source, page=page, status=status, record=record
    )
