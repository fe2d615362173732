"""Adding an article from the workspace: paste it or upload a file."""

from flask import Blueprint, current_app, flash, g, redirect, render_template, url_for

from verify.permissions import roles_required
from verify.schemas import ArticleInSchema
from verify.services.files import UnreadableFile, first_line, read_article_upload
from verify.services.ingest import (
    ArticleTooLarge,
    ExtractionFailed,
    IngestResult,
    extraction_deadline,
    ingest_article,
    ingest_limits,
)
from verify.services.transactions import commit_with_retry
from verify.vocabulary import STAFF
from verify.web.forms import ArticleForm

bp = Blueprint("articles", __name__)
METADATA = ("url", "outlet", "author")


def article_fields(form: ArticleForm, deadline: float) -> dict | None:
    """Title, body and metadata from the form through the API's schema; a file fills blanks."""
    fields = {name: form[name].data or None for name in METADATA}
    if form.file.data:
        upload = form.file.data
        page = read_article_upload(upload.filename or "", upload.read(), deadline)
        # What the user typed wins over what the page says about itself.
        fields = {**page, **{name: value for name, value in fields.items() if value}}
    if (form.body.data or "").strip():
        fields["body"] = form.body.data
    fields["body"] = fields["body"].replace("\r\n", "\n")
    title = (form.title.data or "").strip() or fields.get("title") or first_line(fields["body"])
    fields["title"] = title[:500]
    return form.load(ArticleInSchema(), fields)


@bp.route("/articles/new", methods=["GET", "POST"])
@roles_required(*STAFF)
def new_article():
    """Paste or upload an article and see its claims at once."""
    form = ArticleForm()
    result = add_article_from(form) if form.validate_on_submit() else None
    if result is not None:
        if not result.created:
            flash("This article was already here; showing the stored copy.", "info")
        return redirect(url_for("review.review_article", article_id=result.article.id))
    return render_template("articles/new.html", form=form)


def add_article_from(form: ArticleForm) -> IngestResult | None:
    """Store the form's article, or put on the form why it was not stored."""
    deadline = extraction_deadline(current_app.config, g.started)
    try:
        fields = article_fields(form, deadline)
        if fields is not None:
            limits = ingest_limits(current_app.config, deadline)
            return commit_with_retry(lambda: ingest_article(fields, **limits))
    except UnreadableFile as exc:
        form.file.errors.append(str(exc))
    except (ArticleTooLarge, ExtractionFailed) as exc:
        form.body.errors.append(str(exc))
    return None
