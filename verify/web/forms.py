"""Flask-WTF forms, each with CSRF protection."""

from flask_wtf import FlaskForm
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

from verify.models import STATUSES


class SignInForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember_me = BooleanField("Remember me")
    submit = SubmitField("Sign in")


def http_urls_only(form, field):
    for line in field.data.splitlines():
        if line.strip() and not line.strip().lower().startswith(("http://", "https://")):
            raise ValidationError(f"Evidence links must be http(s) URLs: {line.strip()}")


class ReviewForm(FlaskForm):
    status = SelectField("Status", choices=[SelectChoice(s, s.capitalize()) for s in STATUSES])
    note = TextAreaField("Verification note", validators=[Length(max=10000)])
    evidence = TextAreaField("Evidence links, one per line", validators=[http_urls_only])
    version = HiddenField(validators=[DataRequired()])
    submit = SubmitField("Save")

    def evidence_links(self) -> list[dict]:
        lines = self.evidence.data.splitlines()
        return [{"url": line.strip()} for line in lines if line.strip()]


class ArticleForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=500)])
    body = TextAreaField("Article text", validators=[DataRequired()])
    url = StringField("URL", validators=[Optional(), URL(), Length(max=2000)])
    outlet = StringField("Outlet", validators=[Optional(), Length(max=200)])
    author = StringField("Author", validators=[Optional(), Length(max=200)])
    submit = SubmitField("Add article")


class QueueFilterForm(FlaskForm):
    class Meta:
        csrf = False

    article = IntegerField("Article id", validators=[Optional()])
    outlet = StringField("Outlet", validators=[Optional()])
    source = StringField("Source", validators=[Optional()])
