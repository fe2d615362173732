"""Signing fact-checkers, editors and admins in and out, and changing one's password."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from verify.permissions import roles_required, sign_in_limited
from verify.services.accounts import AccountError, authenticate, change_own_password
from verify.services.transactions import commit_with_retry
from verify.vocabulary import STAFF
from verify.web.forms import PasswordForm, SignInForm
from verify.web.helpers import safe_next_url, start_page

bp = Blueprint("auth", __name__)


@bp.route("/sign-in", methods=["GET", "POST"])
@sign_in_limited
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
    """Sign out here and everywhere else: every session and remember cookie ends."""
    commit_with_retry(current_user.end_sessions)
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("reader.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@roles_required(*STAFF)
@sign_in_limited
def change_password():
    """Change one's own password; every other session of the account ends."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            user = current_user._get_current_object()
            current, new = form.current_password.data, form.new_password.data
            commit_with_retry(lambda: change_own_password(user, current, new))
        except AccountError as exc:
            field = form.current_password if exc.field == "current_password" else form.new_password
            field.errors.append(str(exc))
        else:
            login_user(user)
            flash("Your password is changed; other sessions are signed out.", "info")
            return redirect(start_page())
    return render_template("auth/password.html", form=form), 422 if form.errors else 200
