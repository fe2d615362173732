"""The fact-checkers' queue, their own claims, and actions on many claims at once."""

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from verify.extensions import db
from verify.models import Claim
from verify.permissions import roles_required
from verify.services.assignment import assign_claims, assignable_users, find_assignee
from verify.services.queue import queue_claims, status_counts
from verify.services.review import set_statuses
from verify.services.transactions import commit_with_retry
from verify.vocabulary import ASSIGNERS, REVIEWERS, STAFF, STATUSES
from verify.web.arguments import page_number
from verify.web.forms import BulkForm, QueueFilterForm
from verify.web.helpers import safe_next_url

bp = Blueprint("queue", __name__)
PER_PAGE = 50


@bp.route("/queue")
@roles_required(*STAFF)
def queue():
    """List claims to review, oldest first, with filters and counts per status."""
    return render_queue("Queue", "queue.queue", QueueFilterForm(request.args))


@bp.route("/my-claims")
@roles_required(*STAFF)
def my_claims():
    """List the claims assigned to the signed-in user, oldest first."""
    form = QueueFilterForm(request.args)
    form.assignee.data = "me"
    return render_queue("My claims", "queue.my_claims", form)


def render_queue(title: str, endpoint: str, form: QueueFilterForm):
    form.validate()
    filters = form.filters()
    page = db.paginate(queue_claims(filters, current_user), page=page_number(), per_page=PER_PAGE)
    filter_args = {key: value for key, value in request.args.items() if key != "page" and value}
    bulk = BulkForm(formdata=None)
    bulk.action.choices = bulk_actions()
    return render_template(
        "queue/queue.html",
        title=title,
        endpoint=endpoint,
        page=page,
        filters=form,
        filter_args=filter_args,
        counts=status_counts(filters, current_user),
        bulk=bulk,
    )


def bulk_actions() -> list[SelectChoice]:
    """The actions this user may apply to a selection."""
    actions = []
    if current_user.has_role(*REVIEWERS):
        actions += [
            SelectChoice(f"status:{status}", f"Set status: {status}") for status in STATUSES
        ]
    if current_user.has_role(*ASSIGNERS):
        actions += [
            SelectChoice(f"assign:{user.id}", f"Assign to {user.username}")
            for user in assignable_users()
        ]
        actions.append(SelectChoice("assign:0", "Unassign"))
    return actions


@bp.route("/queue/bulk", methods=["POST"])
@roles_required(*STAFF)
def bulk():
    """Set a status on, or assign, every claim ticked in the queue."""
    form = BulkForm()
    back = safe_next_url(request.form.get("next"))
    try:
        selected = form.selected(request.form.getlist("claim"))
    except ValueError as exc:
        abort(400, description=str(exc))
    if not form.validate_on_submit() or not selected:
        flash("Tick at least one claim and choose an action.", "error")
        return redirect(back)
    kind, _, value = form.action.data.partition(":")
    if kind == "status" and value in STATUSES:
        bulk_status(selected, value)
    elif kind == "assign" and value.isascii() and value.isdigit():
        bulk_assign(selected, int(value))
    else:
        abort(400, description=f"Unknown action {form.action.data!r}.")
    return redirect(back)


def selected_claims(selected: dict[int, int]) -> list[Claim]:
    return db.session.scalars(select(Claim).where(Claim.id.in_(selected))).all()


def bulk_status(versions: dict[int, int], status: str) -> None:
    if not current_user.has_role(*REVIEWERS):
        abort(403, description="Setting a status needs the role fact-checker or admin.")

    def work():
        claims = selected_claims(versions)
        pairs = [(claim, versions[claim.id]) for claim in claims]
        return len(claims), set_statuses(pairs, status, current_user)

    count, stale = commit_with_retry(work)
    flash(f"{count - len(stale)} claim(s) set to {status}.", "info")
    if stale:
        ids = ", ".join(f"#{claim_id}" for claim_id in stale)
        flash(
            f"Left alone because someone changed them after you loaded the page: {ids}.", "conflict"
        )


def bulk_assign(selected: dict[int, int], user_id: int) -> None:
    if not current_user.has_role(*ASSIGNERS):
        abort(403, description="Assigning claims needs the role editor or admin.")
    try:
        assignee = find_assignee(user_id)
    except ValueError as exc:
        abort(400, description=str(exc))

    def work():
        claims = selected_claims(selected)
        assign_claims(claims, assignee, current_user)
        return len(claims)

    count = commit_with_retry(work)
    who = assignee.username if assignee else "nobody"
    flash(f"{count} claim(s) assigned to {who}.", "info")
