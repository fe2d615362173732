"""Sources and their track record; fact-checkers merge and split them."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from verify.extensions import db
from verify.loaders import load_source
from verify.models import Source
from verify.permissions import roles_required
from verify.services.source_changes import (
    SourceChangeError,
    merge_sources,
    merged_sources,
    source_history,
    split_source,
)
from verify.services.sources import source_claims, source_track_records
from verify.services.transactions import commit_with_retry
from verify.vocabulary import REVIEWERS, STAFF, STATUSES
from verify.web.arguments import page_number
from verify.web.forms import MergeSourceForm, SplitSourceForm
from verify.web.helpers import flash_form_errors

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
    source = load_source(source_id)
    status = request.args.get("status")
    status = status if status in STATUSES else None
    page = db.paginate(source_claims(source, status), page=page_number(), per_page=50)
    record = db.session.execute(source_track_records().where(Source.id == source_id)).first()
    merged_into = db.session.get(Source, source.merged_into_id) if source.merged_into_id else None
    return render_template(
        "sources/show.html",
        source=source,
        page=page,
        status=status,
        record=record,
        merged_into=merged_into,
        merged=merged_sources(source),
        moves=source_history(source),
        merge_form=MergeSourceForm(),
        split_form=SplitSourceForm(),
    )


@bp.route("/<int:source_id>/merge", methods=["POST"])
@roles_required(*REVIEWERS)
def merge(source_id):
    """Merge this source into another: every claim moves there, each change in its history."""
    name = load_source(source_id).name
    form = MergeSourceForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("sources.show", source_id=source_id))
    target_id = form.target.data
    done = change_sources(lambda: merge_sources(source_id, target_id, current_user))
    if done is None:
        return redirect(url_for("sources.show", source_id=source_id))
    target, moved = done
    flash(f"“{name}” (#{source_id}) merged into “{target.name}”: {moved} claims moved.", "info")
    return redirect(url_for("sources.show", source_id=target.id))


@bp.route("/<int:source_id>/split", methods=["POST"])
@roles_required(*REVIEWERS)
def split(source_id):
    """Move the ticked claims of this source to the speaker named in the form."""
    load_source(source_id)
    back = redirect(url_for("sources.show", source_id=source_id))
    form = SplitSourceForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return back
    try:
        ticked = form.ticked(request.form.getlist("claim"))
    except ValueError as exc:
        flash(str(exc), "error")
        return back
    name, kind = form.name.data, form.kind.data
    done = change_sources(lambda: split_source(source_id, ticked, name, kind, current_user))
    if done is None:
        return back
    target, moved = done
    flash(f"{moved} claims moved to “{target.name}”.", "info")
    return back


def change_sources(work):
    """Run a merge or split as one transaction; None, with the reason flashed, when refused."""
    try:
        return commit_with_retry(work)
    except SourceChangeError as exc:
        flash(str(exc), "error")
    except StaleDataError:
        flash(
            "Someone changed one of these claims meanwhile; nothing was moved. Try again.",
            "conflict",
        )
    return None
