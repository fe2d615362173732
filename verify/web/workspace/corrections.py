"""Fact-checkers correct extraction: fix a claim, add a missed one, dismiss a false one."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user

from verify.loaders import load_article, load_claim
from verify.permissions import roles_required
from verify.schemas import DismissalSchema
from verify.services.corrections import (
    CorrectionError,
    add_manual_claim,
    correct_claim,
    set_dismissed,
)
from verify.services.review import StaleVersion
from verify.services.transactions import commit_with_retry
from verify.vocabulary import REVIEWERS
from verify.web.forms import CorrectionForm, DismissForm, NewClaimForm
from verify.web.helpers import flash_form_errors, redirect_to_claim

bp = Blueprint("corrections", __name__)


def flash_stale(claim_id: int) -> None:
    flash(
        f"Someone else changed claim {claim_id} first, so your change was not saved. "
        "Here it is as saved now; make your change again if it still stands.",
        "conflict",
    )


@bp.route("/claims/<int:claim_id>/correct", methods=["POST"])
@roles_required(*REVIEWERS)
def correct(claim_id):
    """Fix a claim's text span, source, cue or kind."""
    claim = load_claim(claim_id)
    form = CorrectionForm(prefix=f"correct-{claim_id}")
    fields = form.claim_fields() if form.validate_on_submit() else None
    if fields is None:
        flash_form_errors(form)
        return redirect_to_claim(claim)
    version = form.version.data
    try:
        changes = commit_with_retry(
            lambda: correct_claim(load_claim(claim_id), fields, current_user, version)
        )
    except CorrectionError as exc:
        flash(str(exc), "error")
    except StaleVersion:
        flash_stale(claim_id)
    else:
        fixed = ", ".join(changes) or "nothing"
        flash(f"Claim {claim_id} corrected ({fixed} changed).", "info")
    return redirect_to_claim(load_claim(claim_id))


@bp.route("/claims/<int:claim_id>/dismiss", methods=["POST"])
@roles_required(*REVIEWERS)
def dismiss(claim_id):
    """Dismiss a false claim: readers no longer see it; its history stays."""
    return change_dismissal(claim_id, dismissed=True)


@bp.route("/claims/<int:claim_id>/restore", methods=["POST"])
@roles_required(*REVIEWERS)
def restore(claim_id):
    """Bring back a claim dismissed by mistake."""
    return change_dismissal(claim_id, dismissed=False)


def change_dismissal(claim_id: int, dismissed: bool):
    claim = load_claim(claim_id)
    form = DismissForm(prefix=f"dismiss-{claim_id}")
    loaded = (
        form.load(DismissalSchema(), {"reason": form.reason.data or None})
        if (form.validate_on_submit())
        else None
    )
    if loaded is None:
        flash_form_errors(form)
        return redirect_to_claim(claim)
    reason = (loaded["reason"] or "").strip() or None
    version = form.version.data
    try:
        commit_with_retry(
            lambda: set_dismissed(load_claim(claim_id), dismissed, current_user, version, reason)
        )
    except StaleVersion:
        flash_stale(claim_id)
        return redirect_to_claim(load_claim(claim_id))
    done = "dismissed: readers no longer see it" if dismissed else "restored"
    flash(f"Claim {claim_id} {done}.", "info")
    return redirect_to_claim(claim)


@bp.route("/review/articles/<int:article_id>/claims", methods=["POST"])
@roles_required(*REVIEWERS)
def add_claim(article_id):
    """Add a claim the extractor missed, from text selected in the article."""
    article = load_article(article_id)
    form = NewClaimForm(prefix="new")
    back = url_for("review.review_article", article_id=article_id)
    fields = form.claim_fields() if form.validate_on_submit() else None
    if fields is None:
        flash_form_errors(form)
        return redirect(back)
    try:
        claim = commit_with_retry(lambda: add_manual_claim(article, fields, current_user))
    except CorrectionError as exc:
        flash(str(exc), "error")
        return redirect(back)
    flash(f"Claim {claim.id} added.", "info")
    return redirect_to_claim(claim)
