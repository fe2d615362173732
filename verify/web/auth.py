"""Signing fact-checkers, editors and admins in and out."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from verify.auth import sign_in_rate_limit
from verify.extensions import limiter
from verify.services.accounts import authenticate
from verify.web.forms import SignInForm

bp = Blueprint("auth", __name__)


def safe_next_url(target: str | None) -> str:
    """Follow ?next= only to a path on this site."""
    # "/\\host" is read by browsers as "//host", another site.
    if target and target.startswith("/") and "\\" not in target and not urlsplit(target).netloc:
        return target
    return start_page()


def start_page() -> str:
    """Where a user lands after signing in: fact-checkers start at their own claims."""
    if current_user.is_authenticated and current_user.role == "fact-checker":
        return url_for("queue.my_claims")
    return url_for("queue.queue")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(sign_in_rate_limit, methods=["POST"])
def sign_in():
    """Sign in with a username and password."""
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            flash("Unknown username or wrong password.", "error")
        elif not login_user(user, remember=form.remember_me.data):
            flash("This account is switched off; ask an admin.", "error")
        else:
            return redirect(safe_next_url(request.args.get("next")))
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@login_required
def sign_out():
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("reader.index"))
