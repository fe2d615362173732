"""Signing fact-checkers, editors and admins in and out."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user

from verify.services.accounts import authenticate
from verify.web.forms import SignInForm

bp = Blueprint("auth", __name__)


def safe_next_url(target: str | None) -> str:
    """Follow ?next= only to a path on this site."""
    if target and urlsplit(target).netloc == "" and target.startswith("/"):
        return target
    return url_for("review.queue")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign in with a username and password."""
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember_me.data)
            return redirect(safe_next_url(request.args.get("next")))
        flash("Unknown username or wrong password.", "error")
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@login_required
def sign_out():
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("reader.index"))
