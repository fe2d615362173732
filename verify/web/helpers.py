"""Helpers the page views share: form errors, where to go next, links to a claim."""

from urllib.parse import urlsplit

from flask import flash, redirect, url_for
from flask_login import current_user

from verify.models import Claim

MAX_NEXT_URL = 2000


def flash_form_errors(form) -> None:
    for name, messages in form.errors.items():
        label = form[name].label.text if name in form else "Form"
        flash(f"{label}: {'; '.join(messages)}", "error")


def safe_next_url(target: str | None) -> str:
    """Follow ?next= only to a path on this site, else go to the start page."""
    return target if is_local_path(target) else start_page()


def is_local_path(target: str | None) -> bool:
    """True for "/path?query" alone: never "//host", "/\\host", a scheme, or hidden characters."""
    if not target or len(target) > MAX_NEXT_URL or not target.startswith("/"):
        return False
    # Browsers drop tabs and newlines and read "\\" as "/", so "/\t/host" is "//host".
    if any(char <= " " or char in "\\\x7f" for char in target):
        return False
    parts = urlsplit(target)
    return not (target.startswith("//") or parts.scheme or parts.netloc)


def start_page() -> str:
    """Where a user lands after signing in: fact-checkers start at their own claims."""
    if current_user.is_authenticated and current_user.has_role("fact-checker"):
        return url_for("queue.my_claims")
    return url_for("queue.queue")


def claim_url(claim: Claim) -> str:
    """The review page with this claim's panel open."""
    return url_for("review.review_article", article_id=claim.article_id, claim=claim.id)


def redirect_to_claim(claim: Claim):
    return redirect(claim_url(claim) + "#panel")
