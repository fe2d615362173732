"""Admins manage who may sign in and with which role."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from verify.extensions import db
from verify.models import User
from verify.permissions import roles_required
from verify.services.accounts import AccountError, all_users, create_user, update_user
from verify.services.transactions import commit_with_retry
from verify.vocabulary import ADMINS
from verify.web.forms import NewUserForm, UserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


def user_form(user: User) -> UserForm:
    return UserForm(formdata=None, prefix=f"user-{user.id}", role=user.role, active=user.active)


def render_users(new_form: NewUserForm, status: int = 200):
    users = all_users()
    forms = {user.id: user_form(user) for user in users}
    return render_template("admin/users.html", users=users, forms=forms, new_form=new_form), status


@bp.route("/users")
@roles_required(*ADMINS)
def users():
    """List users with their roles; add users and change roles."""
    return render_users(NewUserForm(formdata=None))


@bp.route("/users", methods=["POST"])
@roles_required(*ADMINS)
def add_user():
    """Add a user with a role and a first password."""
    form = NewUserForm()
    if not form.validate_on_submit():
        return render_users(form, 422)
    try:
        commit_with_retry(
            lambda: create_user(form.username.data, form.role.data, form.password.data)
        )
    except AccountError as exc:
        form[exc.field].errors.append(str(exc))
        return render_users(form, 422)
    flash(f"Added {form.role.data} {form.username.data.strip()}.", "info")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>", methods=["POST"])
@roles_required(*ADMINS)
def update(user_id):
    """Change a user's role, or switch the account on or off."""
    user = load_user(user_id)
    form = UserForm(prefix=f"user-{user_id}")
    if form.validate_on_submit():
        try:
            commit_with_retry(
                lambda: update_user(user, form.role.data, form.active.data, current_user)
            )
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            state = "active" if user.active else "switched off"
            flash(f"{user.username} is now {user.role}, {state}.", "info")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/sign-out", methods=["POST"])
@roles_required(*ADMINS)
def sign_out_everywhere(user_id):
    """End every session and remember cookie of a user."""
    user = load_user(user_id)
    commit_with_retry(user.end_sessions)
    flash(f"{user.username} is signed out everywhere.", "info")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/revoke-tokens", methods=["POST"])
@roles_required(*ADMINS)
def revoke_tokens(user_id):
    """Revoke every API token of a user."""
    user = load_user(user_id)
    count = commit_with_retry(user.revoke_tokens)
    flash(f"Revoked {count} API token(s) of {user.username}.", "info")
    return redirect(url_for("admin.users"))


def load_user(user_id: int) -> User:
    return db.get_or_404(User, user_id, description=f"No user with id {user_id}.")
