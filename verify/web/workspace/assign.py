"""Editors and admins hand claims, one or a whole article's, to fact-checkers."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user

from verify.loaders import load_article, load_claim
from verify.permissions import roles_required
from verify.services.assignment import assign_claims, assignable_users, find_assignee
from verify.services.transactions import commit_with_retry
from verify.vocabulary import ASSIGNERS
from verify.web.forms import AssignForm
from verify.web.helpers import flash_form_errors, redirect_to_claim

bp = Blueprint("assign", __name__)


def chosen_assignee(prefix: str):
    """The reviewer picked in an assign form, or None for nobody; 400 on a bad pick."""
    form = AssignForm(prefix=prefix).offer(assignable_users())
    if not form.validate_on_submit():
        flash_form_errors(form)
        return False, None
    try:
        return True, find_assignee(form.assignee.data)
    except ValueError as exc:
        flash(str(exc), "error")
        return False, None


def assign_picked(prefix: str, claims) -> None:
    """Give the claims that claims() returns to the reviewer picked in the form, and say so."""
    ok, assignee = chosen_assignee(prefix)
    if ok:
        count = commit_with_retry(lambda: assign_claims(claims(), assignee, current_user))
        who = assignee.username if assignee else "nobody"
        flash(f"{count} claim{'' if count == 1 else 's'} assigned to {who}.", "info")


@bp.route("/claims/<int:claim_id>/assign", methods=["POST"])
@roles_required(*ASSIGNERS)
def assign_claim(claim_id):
    """Give one claim to a fact-checker."""
    claim = load_claim(claim_id)
    assign_picked("assign", lambda: [claim])
    return redirect_to_claim(claim)


@bp.route("/review/articles/<int:article_id>/assign", methods=["POST"])
@roles_required(*ASSIGNERS)
def assign_article(article_id):
    """Give every claim of an article to a fact-checker."""
    article = load_article(article_id)
    assign_picked("assign-article", lambda: article.public_claims)
    return redirect(url_for("review.review_article", article_id=article_id))
