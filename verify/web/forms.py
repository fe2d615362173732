"""Flask-WTF forms, each with CSRF protection."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from marshmallow import ValidationError as MarshmallowError
from wtforms import (
    BooleanField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import HiddenInput

from verify.schemas import MAX_EVIDENCE, MAX_ID, NUL, NUL_MESSAGE, ClaimFieldsSchema, parse_id
from verify.vocabulary import CLAIM_KINDS, ROLES, SOURCE_KINDS, STATUSES


def holds_nul(data) -> bool:
    if isinstance(data, str):
        return NUL in data
    if isinstance(data, list | tuple):
        return any(holds_nul(item) for item in data)
    return holds_nul(getattr(data, "filename", None) or "")


class CheckedForm(FlaskForm):
    """A form that refuses NUL characters, which no database column can store."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if holds_nul(field.data):
                field.errors = [*field.errors, NUL_MESSAGE]
                valid = False
        self._errors = None
        return valid

    def load(self, schema, data: dict) -> dict | None:
        """Load data through the API's schema; its errors show beside this form's fields."""
        try:
            return schema.load(data)
        except MarshmallowError as exc:
            add_errors(self, exc.messages)
            return None


def flat_messages(messages, where: str = "") -> list[str]:
    """Marshmallow's nested messages as lines ("line 3: url: Must be an http(s) URL.")."""
    if isinstance(messages, dict):
        return [
            line
            for key, value in messages.items()
            for line in flat_messages(value, f"{where}{key_label(key)}: ")
        ]
    if isinstance(messages, list):
        return [line for item in messages for line in flat_messages(item, where)]
    return [f"{where}{messages}"]


def key_label(key) -> str:
    return f"line {key + 1}" if isinstance(key, int) else str(key)


def add_errors(form: FlaskForm, messages: dict) -> None:
    """Show errors found after the form validated (by a schema or a service) on its fields."""
    for name, value in messages.items():
        lines = flat_messages(value)
        if name in form._fields:
            form[name].errors = [*form[name].errors, *lines]
        else:
            form.form_errors.extend(flat_messages(value, f"{name}: "))
    form._errors = None


def version_field():
    """The claim version a form was based on, sent back in a hidden field."""
    return IntegerField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=1, max=MAX_ID)]
    )


def labelled(values) -> list[SelectChoice]:
    return [SelectChoice(value, value.replace("_", " ").capitalize()) for value in values]


class SignInForm(CheckedForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember_me = BooleanField("Remember me")
    submit = SubmitField("Sign in")


class ReviewForm(CheckedForm):
    status = SelectField("Status", choices=labelled(STATUSES))
    note = TextAreaField("Verification note")
    evidence = TextAreaField("Evidence links, one per line (a title may follow the URL)")
    version = version_field()

    def evidence_links(self) -> list[dict]:
        """One {url, title?} per non-blank line; past the schema's limit the rest is not read."""
        links = []
        for line in (self.evidence.data or "").splitlines():
            url, _, title = line.strip().partition(" ")
            if url:
                links.append({"url": url, **({"title": title.strip()} if title.strip() else {})})
            if len(links) > MAX_EVIDENCE:
                break
        return links

    def changes(self) -> dict:
        return {
            "status": self.status.data,
            "note": self.note.data,
            "evidence": self.evidence_links(),
        }


class ClaimFieldsForm(CheckedForm):
    """What a fact-checker may set of a claim extraction got wrong or missed."""

    text = TextAreaField("Claim text, exactly as in the article", validators=[DataRequired()])
    start = IntegerField(validators=[Optional()])
    source = StringField("Source (blank when nobody is named)")
    source_kind = SelectField("Kind of source", choices=labelled(SOURCE_KINDS), default="person")
    cue = StringField("Cue (said, according to, …)")
    kind = SelectField("Kind of claim", choices=labelled(CLAIM_KINDS))

    def claim_fields(self) -> dict | None:
        """The fields through the schema the API would use; None when they do not load."""
        fields = {name: self[name].data or "" for name in ("text", "source", "cue")}
        fields.update(kind=self.kind.data, source_kind=self.source_kind.data)
        if self.start.data is not None:
            fields["start"] = self.start.data
        return self.load(ClaimFieldsSchema(), fields)


class CorrectionForm(ClaimFieldsForm):
    version = version_field()
    submit = SubmitField("Save correction")


class NewClaimForm(ClaimFieldsForm):
    submit = SubmitField("Add claim")


class DismissForm(CheckedForm):
    reason = StringField("Why is this not a claim?")
    version = version_field()
    submit = SubmitField("Dismiss claim")


class AssignForm(CheckedForm):
    assignee = SelectField("Assign to", coerce=int, validate_choice=False)
    submit = SubmitField("Assign")

    def offer(self, users) -> "AssignForm":
        """Offer these users, and nobody, as assignees."""
        choices = [SelectChoice(0, "Nobody")]
        self.assignee.choices = choices + [SelectChoice(u.id, u.username) for u in users]
        return self


ARTICLE_FILES = FileAllowed(["txt", "html", "htm"], "Upload a .txt or .html file.")


class ArticleForm(CheckedForm):
    title = StringField("Title")
    body = TextAreaField("Article text")
    file = FileField("…or upload a .txt or .html file", validators=[ARTICLE_FILES])
    url = StringField("URL")
    outlet = StringField("Outlet")
    author = StringField("Author")
    submit = SubmitField("Add article")

    def validate_body(self, field):
        if not (field.data or "").strip() and not self.file.data:
            raise ValidationError("Paste the article text or upload a file.")


class QueueFilterForm(CheckedForm):
    class Meta:
        csrf = False

    q = StringField("Text contains", validators=[Optional(), Length(max=200)])
    status = SelectField(
        "Status",
        choices=[SelectChoice("all", "Any status"), *labelled(STATUSES)],
        default="unverified",
    )
    article = IntegerField("Article id", validators=[Optional(), NumberRange(min=1, max=MAX_ID)])
    outlet = StringField("Outlet", validators=[Optional()])
    source = StringField("Source", validators=[Optional()])
    assignee = SelectField(
        "Assigned to",
        choices=[
            SelectChoice("", "Anyone"),
            SelectChoice("me", "Me"),
            SelectChoice("none", "Nobody"),
        ],
        validators=[Optional()],
    )

    def filters(self) -> dict:
        """The filters as the queue service reads them; bad values are dropped."""
        data = {name: field.data for name, field in self._fields.items() if not field.errors}
        if data.get("status") not in STATUSES:
            data["status"] = None
        return data


class NewUserForm(CheckedForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    role = SelectField("Role", choices=labelled(ROLES))
    password = PasswordField("Password (12 characters or more)", validators=[DataRequired()])
    submit = SubmitField("Add user")


class PasswordForm(CheckedForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField(
        "New password (12 characters or more)", validators=[DataRequired()]
    )
    submit = SubmitField("Change password")


class UserForm(CheckedForm):
    role = SelectField("Role", choices=labelled(ROLES))
    active = BooleanField("Active")
    submit = SubmitField("Save")


# Far more than a page shows, far fewer than a database takes in one query.
MAX_TICKED = 1000


def bounded_ticks(values: list[str]) -> list[str]:
    """The ticked boxes, or ValueError when there are more than one action takes."""
    if len(values) > MAX_TICKED:
        raise ValueError(f"Tick at most {MAX_TICKED} claims at once.")
    return values


class BulkForm(CheckedForm):
    """An action on the claims ticked in the queue; each box carries "id:version"."""

    action = SelectField(
        "With the selected claims", validate_choice=False, validators=[DataRequired()]
    )
    submit = SubmitField("Apply")

    @staticmethod
    def selected(values: list[str]) -> dict[int, int]:
        """Map claim id to the version the user saw; ValueError names a malformed box."""
        selected = {}
        for value in bounded_ticks(values):
            claim_id, _, version = (parse_id(part) for part in value.partition(":"))
            if claim_id is None or version is None:
                raise ValueError(f"A ticked claim must read id:version, not {value[:40]!r}.")
            selected[claim_id] = version
        return selected


class MergeSourceForm(CheckedForm):
    target = IntegerField(
        "Merge into source number", validators=[InputRequired(), NumberRange(min=1, max=MAX_ID)]
    )
    submit = SubmitField("Merge this source into it")


class SplitSourceForm(CheckedForm):
    """Move the ticked claims (boxes named "claim") to another speaker."""

    name = StringField("Full name of their speaker", validators=[DataRequired(), Length(max=300)])
    kind = SelectField("Kind of source", choices=labelled(SOURCE_KINDS), default="person")
    submit = SubmitField("Move the ticked claims")

    @staticmethod
    def ticked(values: list[str]) -> list[int]:
        """The ticked claim ids; ValueError names a box that is not one."""
        ids = [parse_id(value) for value in bounded_ticks(values)]
        if None in ids:
            raise ValueError("A ticked claim must be a claim number.")
        return ids
