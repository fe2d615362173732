"""Flask-WTF forms, each with CSRF protection."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Length, Optional, ValidationError

from verify.models import CLAIM_KINDS, ROLES, SOURCE_KINDS, STATUSES


def labelled(values) -> list[SelectChoice]:
    return [SelectChoice(value, value.replace("_", " ").capitalize()) for value in values]


class SignInForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember_me = BooleanField("Remember me")
    submit = SubmitField("Sign in")


def http_urls_only(form, field):
    for line in (field.data or "").splitlines():
        if line.strip() and not line.strip().lower().startswith(("http://", "https://")):
            raise ValidationError(f"Evidence links must be http(s) URLs: {line.strip()}")


class ReviewForm(FlaskForm):
    status = SelectField("Status", choices=labelled(STATUSES))
    note = TextAreaField("Verification note", validators=[Length(max=10000)])
    evidence = TextAreaField(
        "Evidence links, one per line (a title may follow the URL)",
        validators=[http_urls_only],
    )
    version = HiddenField(validators=[DataRequired()])

    def evidence_links(self) -> list[dict]:
        """One {url, title?} per non-blank line: the URL, then an optional title."""
        links = []
        for line in (self.evidence.data or "").splitlines():
            url, _, title = line.strip().partition(" ")
            if url:
                links.append({"url": url, **({"title": title.strip()} if title.strip() else {})})
        return links


class ClaimFieldsForm(FlaskForm):
    """What a fact-checker may set of a claim extraction got wrong or missed."""

    text = TextAreaField(
        "Claim text, exactly as in the article", validators=[DataRequired(), Length(max=20000)]
    )
    start = IntegerField(validators=[Optional()])
    source = StringField("Source (blank when nobody is named)", validators=[Length(max=300)])
    source_kind = SelectField("Kind of source", choices=labelled(SOURCE_KINDS), default="person")
    cue = StringField("Cue (said, according to, …)", validators=[Length(max=100)])
    kind = SelectField("Kind of claim", choices=labelled(CLAIM_KINDS))

    def claim_fields(self) -> dict:
        fields = {name: self[name].data or "" for name in ("text", "source", "cue")}
        fields.update(kind=self.kind.data, source_kind=self.source_kind.data)
        if self.start.data is not None:
            fields["start"] = self.start.data
        return fields


class CorrectionForm(ClaimFieldsForm):
    version = HiddenField(validators=[DataRequired()])
    submit = SubmitField("Save correction")


class NewClaimForm(ClaimFieldsForm):
    submit = SubmitField("Add claim")


class DismissForm(FlaskForm):
    reason = StringField("Why is this not a claim?", validators=[Length(max=500)])
    version = HiddenField(validators=[DataRequired()])
    submit = SubmitField("Dismiss claim")


class AssignForm(FlaskForm):
    assignee = SelectField("Assign to", coerce=int, validate_choice=False)
    submit = SubmitField("Assign")

    def offer(self, users) -> "AssignForm":
        """Offer these users, and nobody, as assignees."""
        choices = [SelectChoice(0, "Nobody")]
        self.assignee.choices = choices + [SelectChoice(u.id, u.username) for u in users]
        return self


ARTICLE_FILES = FileAllowed(["txt", "html", "htm"], "Upload a .txt or .html file.")


class ArticleForm(FlaskForm):
    title = StringField("Title", validators=[Optional(), Length(max=500)])
    body = TextAreaField("Article text")
    file = FileField("…or upload a .txt or .html file", validators=[ARTICLE_FILES])
    url = StringField("URL", validators=[Optional(), URL(), Length(max=2000)])
    outlet = StringField("Outlet", validators=[Optional(), Length(max=200)])
    author = StringField("Author", validators=[Optional(), Length(max=200)])
    submit = SubmitField("Add article")

    def validate_body(self, field):
        if not (field.data or "").strip() and not self.file.data:
            raise ValidationError("Paste the article text or upload a file.")


class QueueFilterForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField("Text contains", validators=[Optional(), Length(max=200)])
    status = SelectField(
        "Status", choices=[SelectChoice("all", "Any status"), *labelled(STATUSES)],
        default="unverified",
    )
    article = IntegerField("Article id", validators=[Optional()])
    outlet = StringField("Outlet", validators=[Optional()])
    source = StringField("Source", validators=[Optional()])
    assignee = SelectField(
        "Assigned to",
        choices=[SelectChoice("", "Anyone"), SelectChoice("me", "Me"),
                 SelectChoice("none", "Nobody")],
        validators=[Optional()],
    )

    def filters(self) -> dict:
        """The filters as the queue service reads them; bad values are dropped."""
        data = {name: field.data for name, field in self._fields.items() if not field.errors}
        if data.get("status") not in STATUSES:
            data["status"] = None
        return data


class NewUserForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    role = SelectField("Role", choices=labelled(ROLES))
    password = PasswordField("Password (12 characters or more)", validators=[DataRequired()])
    submit = SubmitField("Add user")


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField("New password (12 characters or more)",
                                 validators=[DataRequired()])
    submit = SubmitField("Change password")


class UserForm(FlaskForm):
    role = SelectField("Role", choices=labelled(ROLES))
    active = BooleanField("Active")
    submit = SubmitField("Save")


class BulkForm(FlaskForm):
    """An action on the claims ticked in the queue; each box carries "id:version"."""

    action = SelectField("With the selected claims", validate_choice=False,
                         validators=[DataRequired()])
    submit = SubmitField("Apply")

    @staticmethod
    def selected(values: list[str]) -> dict[int, int]:
        """Map claim id to the version the user saw, ignoring malformed boxes."""
        pairs = (value.partition(":") for value in values)
        return {int(i): int(v) for i, _, v in pairs if i.isdigit() and v.isdigit()}
