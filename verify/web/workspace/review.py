"""The article review page: the text with its claims marked, and one claim's panel."""

from collections import Counter

from flask import Blueprint, flash, render_template, request
from flask_login import current_user

from verify.extensions import db
from verify.loaders import load_article, load_claim
from verify.models import Claim
from verify.permissions import roles_required
from verify.schemas import ClaimUpdateSchema
from verify.services.assignment import assignable_users
from verify.services.review import ClaimDismissed, StaleVersion, review_claim
from verify.services.transactions import commit_with_retry
from verify.vocabulary import ASSIGNERS, REVIEWERS, STAFF
from verify.web.forms import (
    AssignForm,
    CorrectionForm,
    DismissForm,
    NewClaimForm,
    ReviewForm,
    add_errors,
)
from verify.web.helpers import redirect_to_claim
from verify.web.highlight import article_segments

bp = Blueprint("review", __name__)


def is_htmx() -> bool:
    """Tell whether htmx asked for a fragment rather than a whole page."""
    return request.headers.get("HX-Request") == "true"


def review_form(claim: Claim) -> ReviewForm:
    """A review form prefilled with the claim as it is saved now."""
    evidence = [f"{item['url']} {item.get('title', '')}".strip() for item in claim.evidence or []]
    return ReviewForm(
        formdata=None,
        prefix=f"claim-{claim.id}",
        status=claim.status,
        note=claim.note or "",
        evidence="\n".join(evidence),
        version=claim.version,
    )


def correction_form(claim: Claim) -> CorrectionForm:
    return CorrectionForm(
        formdata=None,
        prefix=f"correct-{claim.id}",
        text=claim.text,
        start=claim.start,
        source=claim.source_name or "",
        source_kind=claim.source.kind if claim.source else "person",
        cue=claim.cue,
        kind=claim.kind,
        version=claim.version,
    )


def assign_form(claim_or_none: Claim | None = None, prefix: str = "assign") -> AssignForm:
    form = AssignForm(formdata=None, prefix=prefix).offer(assignable_users())
    form.assignee.data = claim_or_none.assigned_to_id if claim_or_none else 0
    return form


def neighbours(claim: Claim) -> tuple[Claim | None, Claim | None, int]:
    """The claims before and after this one in the text, and its position (1-based)."""
    claims = claim.article.public_claims
    if claim not in claims:
        return None, None, 0
    index = claims.index(claim)
    previous = claims[index - 1] if index > 0 else None
    following = claims[index + 1] if index + 1 < len(claims) else None
    return previous, following, index + 1


def panel_context(claim: Claim, form: ReviewForm | None = None, **extra) -> dict:
    """Everything the claim panel shows: the claim, its forms, its history."""
    previous, following, position = neighbours(claim)
    context = {
        "claim": claim,
        "review_form": form or review_form(claim),
        "correction_form": correction_form(claim),
        "dismiss_form": DismissForm(
            formdata=None, prefix=f"dismiss-{claim.id}", version=claim.version
        ),
        "history": db.session.scalars(claim.history()).all(),
        "previous": previous,
        "following": following,
        "position": position,
        "can_review": current_user.has_role(*REVIEWERS),
        "can_assign": current_user.has_role(*ASSIGNERS),
    }
    if context["can_assign"]:
        context["assign_form"] = assign_form(claim)
    return {**context, **extra}


def pick_claim(claims: list[Claim], claim_id: int | None) -> Claim | None:
    """The claim asked for, else the first unverified one, else the first."""
    chosen = next((claim for claim in claims if claim.id == claim_id), None)
    public = [claim for claim in claims if claim.is_public]
    unverified = next((claim for claim in public if claim.status == "unverified"), None)
    return chosen or unverified or (public[0] if public else None)


def render_page(article_id: int, claim_id: int | None, status: int = 200, **panel):
    """Render the review page with one claim's panel open."""
    article = load_article(article_id, with_claims=True)
    claims = article.public_claims
    selected = pick_claim(article.claims, claim_id)
    can_assign = current_user.has_role(*ASSIGNERS)
    page = render_template(
        "review/article.html",
        article=article,
        claims=claims,
        dismissed=[claim for claim in article.claims if not claim.is_public],
        segments=article_segments(article.body, claims),
        counts=Counter(claim.status for claim in claims),
        selected=selected,
        panel=panel_context(selected, **panel) if selected else None,
        new_claim_form=NewClaimForm(formdata=None, prefix="new"),
        article_assign_form=assign_form(prefix="assign-article") if can_assign else None,
    )
    return page, status


def render_panel(claim: Claim, status: int = 200, **panel):
    """The panel alone, for htmx, with the claim's mark and the counts updated in place."""
    claims = claim.article.public_claims
    page = render_template(
        "review/panel_update.html",
        article=claim.article,
        counts=Counter(item.status for item in claims),
        claims=claims,
        panel=panel_context(claim, **panel),
    )
    return page, status


@bp.route("/review/articles/<int:article_id>")
@roles_required(*STAFF)
def review_article(article_id):
    """Show an article with its claims marked, and the selected claim's panel."""
    return render_page(article_id, request.args.get("claim", type=int))


@bp.route("/review/claims/<int:claim_id>")
@roles_required(*STAFF)
def claim_panel(claim_id):
    """Show one claim's panel: htmx swaps it in, a browser gets the whole page."""
    claim = load_claim(claim_id)
    if not is_htmx():
        return redirect_to_claim(claim)
    return render_panel(claim)


@bp.route("/claims/<int:claim_id>/review", methods=["POST"])
@roles_required(*REVIEWERS)
def save_review(claim_id):
    """Save a claim's status, note and evidence, refusing stale versions."""
    claim = load_claim(claim_id)
    form = ReviewForm(prefix=f"claim-{claim_id}")
    changes = form.load(ClaimUpdateSchema(), form.changes()) if form.validate_on_submit() else None
    if changes is None:
        return respond(claim, 422, form=form)
    version = form.version.data
    try:
        claim = commit_with_retry(
            lambda: review_claim(load_claim(claim_id), changes, current_user, version)
        )
    except ClaimDismissed as exc:
        add_errors(form, {"status": [str(exc)]})
        return respond(claim, 409, form=form)
    except StaleVersion as exc:
        # Keep what this reviewer typed, based on the version now saved, so that
        # saving again is a deliberate choice made after seeing both.
        form.version.data = exc.claim.version
        return respond(exc.claim, 409, form=form, conflict=changes)
    if is_htmx():
        return render_panel(claim, saved=True)
    if claim.version == version:
        flash(f"Claim {claim_id} already read like this: nothing to save.", "info")
    else:
        flash(f"Claim {claim_id} saved as {claim.status}.", "info")
    return redirect_to_claim(claim)


def respond(claim: Claim, status: int, **panel):
    """Show the panel again, as a fragment for htmx or within the whole page."""
    if is_htmx():
        return render_panel(claim, status, **panel)
    return render_page(claim.article_id, claim.id, status, **panel)
