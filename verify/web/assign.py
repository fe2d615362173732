"""Editors and admins hand claims, one or a whole article's, to fact-checkers."""

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user

from verify.auth import roles_required
from verify.extensions import db
from verify.models import Article
from verify.services.assignment import assign_claims, assignable_users, find_assignee
from verify.services.transactions import commit_with_retry
from verify.vocabulary import ASSIGNERS
from verify.web.corrections import flash_form_errors
from verify.web.forms import AssignForm
from verify.web.review import load_claim, redirect_to_claim

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


def flash_assigned(count: int, assignee) -> None:
    who = assignee.username if assignee else "nobody"
    flash(f"{count} claim{'' if count == 1 else 's'} assigned to {who}.", "info")


@bp.route("/claims/<int:claim_id>/assign", methods=["POST"])
@roles_required(*ASSIGNERS)
def assign_claim(claim_id):
    """Give one claim to a fact-checker."""
    claim = load_claim(claim_id)
    ok, assignee = chosen_assignee("assign")
    if ok:
        count = commit_with_retry(lambda: assign_claims([claim], assignee, current_user))
        flash_assigned(count, assignee)
    return redirect_to_claim(claim)


@bp.route("/review/articles/<int:article_id>/assign", methods=["POST"])
@roles_required(*ASSIGNERS)
def assign_article(article_id):
    """Give every claim of an article to a fact-checker."""
    article = db.get_or_404(Article, article_id, description=f"No article with id {article_id}.")
    ok, assignee = chosen_assignee("assign-article")
    if ok:
        count = commit_with_retry(
            lambda: assign_claims(article.public_claims, assignee, current_user)
        )
        flash_assigned(count, assignee)
    return redirect(url_for("review.review_article", article_id=article_id))
