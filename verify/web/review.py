"""Fact-checkers' workspace: the queue, reviewing a claim, adding an article."""

from collections import Counter

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from verify.extensions import db
from verify.models import Article, Claim, Source
from verify.services.ingest import ArticleTooLarge, ExtractionFailed, ingest_article
from verify.services.review import StaleVersion, review_claim
from verify.web.forms import ArticleForm, QueueFilterForm, ReviewForm
from verify.web.highlight import article_segments
from verify.web.reader import load_article_with_claims

bp = Blueprint("review", __name__)


def require_role(*roles: str) -> None:
    if not current_user.has_role(*roles):
        abort(403, description=f"This needs the role {' or '.join(roles)}.")


@bp.route("/queue")
@login_required
def queue():
    """List unverified claims, oldest first, with filters."""
    filters = QueueFilterForm(request.args)
    query = (
        select(Claim)
        .join(Claim.article)
        .outerjoin(Claim.source)
        .where(Claim.status == "unverified", Claim.dismissed.is_(False))
        .options(selectinload(Claim.article), selectinload(Claim.source))
        .order_by(Claim.created_at, Claim.id)
    )
    if filters.article.data:
        query = query.where(Claim.article_id == filters.article.data)
    if filters.outlet.data:
        query = query.where(Article.outlet.ilike(f"%{filters.outlet.data}%"))
    if filters.source.data:
        query = query.where(Source.name.ilike(f"%{filters.source.data}%"))
    page = db.paginate(query, per_page=50)
    filter_args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "review/queue.html",
        page=page,
        filters=filters,
        filter_args=filter_args,
        counts=status_counts(),
    )


def status_counts() -> dict:
    rows = db.session.execute(
        select(Claim.status, func.count())
        .where(Claim.dismissed.is_(False))
        .group_by(Claim.status)
    )
    return dict(rows.all())


@bp.route("/review/articles/<int:article_id>")
@login_required
def review_article(article_id):
    """Show an article's claims with a review form for each."""
    require_role("fact-checker", "admin")
    article = load_article_with_claims(article_id)
    claims = article.public_claims
    return render_template(
        "review/article.html",
        article=article,
        claims=claims,
        segments=article_segments(article.body, claims),
        counts=Counter(claim.status for claim in claims),
        review_forms={claim.id: review_form(claim) for claim in claims},
        focus=request.args.get("claim", type=int),
    )


def review_form(claim: Claim) -> ReviewForm:
    """A review form prefilled with the claim as it is saved now."""
    return ReviewForm(
        formdata=None,
        prefix=f"claim-{claim.id}",
        status=claim.status,
        note=claim.note or "",
        evidence="\n".join(item["url"] for item in claim.evidence or []),
        version=claim.version,
    )


@bp.route("/claims/<int:claim_id>/review", methods=["POST"])
@login_required
def save_review(claim_id):
    """Save a claim's status, note and evidence, refusing stale versions."""
    require_role("fact-checker", "admin")
    claim = db.get_or_404(Claim, claim_id, description=f"No claim with id {claim_id}.")
    form = ReviewForm(prefix=f"claim-{claim_id}")
    target = url_for("review.review_article", article_id=claim.article_id, claim=claim_id)
    if not form.validate_on_submit():
        for messages in form.errors.values():
            flash("; ".join(messages), "error")
        return redirect(target + f"#claim-{claim_id}")
    changes = {
        "status": form.status.data,
        "note": form.note.data.strip() or None,
        "evidence": form.evidence_links(),
    }
    try:
        review_claim(claim, changes, current_user, int(form.version.data))
    except StaleVersion as exc:
        flash_conflict(exc.claim, changes)
        return redirect(target + f"#claim-{claim_id}")
    db.session.commit()
    flash(f"Claim {claim_id} saved as {claim.status}.", "info")
    return redirect(target + f"#claim-{claim_id}")


def flash_conflict(current: Claim, mine: dict) -> None:
    flash(
        f"Someone else saved claim {current.id} first, so your change was not saved. "
        f"Saved now: {current.status}, note: {current.note or '(none)'}. "
        f"Yours: {mine['status']}, note: {mine['note'] or '(none)'}. "
        "Review theirs, then save again if yours should stand.",
        "conflict",
    )


@bp.route("/articles/new", methods=["GET", "POST"])
@login_required
def new_article():
    """Paste an article and see its claims at once."""
    form = ArticleForm()
    if form.validate_on_submit():
        fields = {name: (form[name].data or None) for name in ("title", "url", "outlet", "author")}
        fields["body"] = form.body.data.replace("\r\n", "\n")
        try:
            result = ingest_article(fields, current_app.config["MAX_ARTICLE_BYTES"])
        except (ArticleTooLarge, ExtractionFailed) as exc:
            db.session.rollback()
            form.body.errors.append(str(exc))
        else:
            db.session.commit()
            if not result.created:
                flash("This article was already here; showing the stored copy.", "info")
            return redirect(url_for("review.review_article", article_id=result.article.id))
    return render_template("review/new_article.html", form=form)
