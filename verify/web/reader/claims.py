"""The public page of one claim, with its ClaimReview for search engines."""

from flask import current_app, render_template

from verify.loaders import load_claim
from verify.services.claimreview import claim_review
from verify.services.public_claims import claim_in_sentence, public_history
from verify.web.badges.drawing import badge_size, embed_html
from verify.web.reader import bp
from verify.web.urls import external_url


@bp.route("/claims/<int:claim_id>")
def show_claim(claim_id):
    """Show a claim in its sentence with its source, status, note, evidence and history."""
    claim = load_claim(claim_id, public_only=True)
    statuses, corrections = public_history(claim.id)
    page_url = external_url("reader.show_claim", claim_id=claim.id)
    article_url = external_url("reader.show_article", article_id=claim.article_id)
    badge_url = external_url("badges.claim_badge", claim_id=claim.id)
    return render_template(
        "reader/claim.html",
        claim=claim,
        article=claim.article,
        sentence=claim_in_sentence(claim.article.body, claim.start, claim.end),
        statuses=statuses,
        corrections=corrections,
        review=claim_review(claim, page_url, article_url, current_app.config["ORGANIZATION_NAME"]),
        page_url=page_url,
        embed=embed_html(page_url, badge_url, claim.status, badge_size("claim", claim.status)),
    )
