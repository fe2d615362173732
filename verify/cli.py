"""Command-line tools: users, tokens, ingest, extraction and sample data."""

import json
import sys
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from marshmallow import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from verify.cli_sources import sources_cli
from verify.config import MAX_TOKEN_DAYS
from verify.extensions import db
from verify.extraction import ExtractionTimeout, claim_to_dict, extract_claims
from verify.models import Article
from verify.schemas import ArticleInSchema
from verify.services import accounts, app_role, backup, corrections, samples
from verify.services.exports import csv_chunks, jsonl_chunks
from verify.services.files import UnreadableFile, article_text, read_article_file
from verify.services.ingest import (
    ArticleTooLarge,
    ExtractionFailed,
    extraction_deadline,
    ingest_article,
    ingest_limits,
)
from verify.services.reports import REPORT_COLUMNS, UnverifiedReport
from verify.services.transactions import commit_with_retry
from verify.vocabulary import SOURCE_KINDS

users_cli = AppGroup("users", help="Manage fact-checkers, editors and admins.")
tokens_cli = AppGroup("tokens", help="Issue and revoke API tokens.")
claims_cli = AppGroup("claims", help="Work with claims.")
samples_cli = AppGroup("samples", help="Sample data for a first look.")
reports_cli = AppGroup("reports", help="Editors' reports.")


@users_cli.command("create")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(accounts.ROLES))
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
def create_user(name, role, password_stdin):
    """Create a user with a role; prompts for the password unless --password-stdin."""
    try:
        password = read_password(password_stdin)
        user = commit_with_retry(lambda: accounts.create_user(name, role, password))
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created {role} {user.username}.")


@users_cli.command("set-password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
def set_password(name, password_stdin):
    """Give user NAME a new password; every session of NAME ends."""
    user = existing_user(name)
    try:
        password = read_password(password_stdin)
        commit_with_retry(lambda: accounts.set_password(user, password))
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"New password set for {user.username}; their sessions are signed out.")


@users_cli.command("sign-out")
@click.argument("name")
def sign_out_user(name):
    """End every session and remember cookie of user NAME."""
    user = existing_user(name)
    commit_with_retry(user.end_sessions)
    click.echo(f"{user.username} is signed out everywhere.")


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline(accounts.MAX_PASSWORD + 2).rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


def existing_user(name: str):
    user = accounts.find_user(name)
    if user is None:
        raise click.ClickException(
            f"No user {name!r}. Create one with `flask users create {name} --role ROLE`."
        )
    return user


@users_cli.command("demo-admin")
def create_demo_admin():
    """On the default SQLite database with no users, create an admin and print its password."""
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    result = commit_with_retry(lambda: accounts.create_demo_admin(url))
    if result is None:
        click.echo("Demo admin not needed: users exist or the database is not the default.")
        return
    click.echo(f"Demo admin created. Sign in as {result[0]} with password: {result[1]}")
    click.echo("This password is shown once; create your own users with `flask users create`.")


@tokens_cli.command("create")
@click.argument("name")
@click.option(
    "--days",
    type=click.IntRange(min=1, max=MAX_TOKEN_DAYS),
    help="Expire after this many days (default: API_TOKEN_DAYS, 90).",
)
def create_token(name, days):
    """Issue an API token for user NAME; the token is printed once, on the last line."""
    user = existing_user(name)
    lifetime = timedelta(days=days) if days else None
    token = commit_with_retry(lambda: user.issue_token(lifetime))
    click.echo(f"Token for {name} ({user.role}); store it now, it is not shown again:", err=True)
    click.echo(token)


@tokens_cli.command("revoke")
@click.argument("name")
def revoke_tokens(name):
    """Revoke every API token of user NAME."""
    user = existing_user(name)
    count = commit_with_retry(user.revoke_tokens)
    click.echo(f"Revoked {count} API token(s) of {user.username}.")


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest(files):
    """Store articles from .txt (title on the first line), .json or .html files.

    A file that cannot be stored is skipped and the rest go on; the end lists each skipped
    file with its reason, and the exit status is then 1.
    """
    stored, skipped = [], []
    with click.progressbar(files, label="Ingesting", file=sys.stderr) as progress:
        for path in progress:
            try:
                stored.append(ingest_file(path))
            except SKIPPED_FILE_ERRORS as exc:
                db.session.rollback()
                skipped.append((path, skip_reason(exc)))
    for path, reason in skipped:
        click.echo(f"Skipped {path}: {reason}", err=True)
    click.echo(
        f"{sum(stored)} added, {len(stored) - sum(stored)} already known, {len(skipped)} failed."
    )
    if skipped:
        sys.exit(1)


SKIPPED_FILE_ERRORS = (
    UnreadableFile,
    ArticleTooLarge,
    ExtractionFailed,
    ValidationError,
    SQLAlchemyError,
)


def ingest_file(path: Path) -> bool:
    """Store one file's article in its own transaction; True if it was new."""
    config = current_app.config
    deadline = extraction_deadline(config)
    fields = ArticleInSchema().load(read_article_file(path, config["MAX_CONTENT_LENGTH"], deadline))
    limits = ingest_limits(config, deadline)
    return commit_with_retry(lambda: ingest_article(fields, **limits)).created


def skip_reason(exc: Exception) -> str:
    """Why a file was skipped, in one line without the SQL or the article text."""
    if isinstance(exc, ValidationError):
        return "invalid article: " + "; ".join(
            f"{field}: {messages}" for field, messages in exc.normalized_messages().items()
        )
    if isinstance(exc, SQLAlchemyError):
        detail = str(getattr(exc, "orig", None) or exc.__class__.__name__).splitlines()[0]
        return f"database error ({detail[:200]})"
    return str(exc)


@claims_cli.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract(files):
    """Print the claims of each file as one JSON line; nothing is stored."""
    failed = 0
    for path in files:
        line = {"file": str(path), "claims": []}
        try:
            deadline = extraction_deadline(current_app.config)
            claims = extract_claims(article_text(path, deadline), deadline=deadline)
            line["claims"] = [claim_to_dict(claim) for claim in claims]
        except (UnreadableFile, ExtractionTimeout) as exc:
            click.echo(f"Skipped {path}: {exc}", err=True)
            line["error"] = str(exc)
            failed += 1
        click.echo(json.dumps(line, ensure_ascii=False))
    if failed:
        sys.exit(1)


@claims_cli.command("export-corrections")
@click.option(
    "--texts",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write each article's text to DIR/article-ID.txt; `file` then names it.",
)
def export_corrections(texts):
    """Print fact-checkers' corrections as `claims extract` lines, one per corrected article.

    Each line holds the article's claims as fact-checkers left them (fixed spans, sources and
    kinds, claims added by hand), in the format of `flask claims extract`, and under
    "dismissed" the claims they rejected as false.
    """
    if texts:
        texts.mkdir(parents=True, exist_ok=True)
    for article_id in corrections.corrected_article_ids():
        article = db.session.get(Article, article_id)
        file = f"article-{article_id}.txt"
        if texts:
            path = texts / file
            path.write_text(article.body, encoding="utf-8", newline="")
            file = str(path)
        line = corrections.corrected_article(article, file)
        click.echo(json.dumps(line, ensure_ascii=False, default=str))


@samples_cli.command("load")
def load_samples():
    """Load the bundled sample articles; running it again adds nothing."""
    added = commit_with_retry(lambda: samples.load_sample_articles(current_app.config))
    click.echo(f"Sample articles: {added} added.")


@click.command("db-backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def db_backup(path):
    """Write a backup of the whole database to PATH (SQLite file or pg_dump archive)."""
    try:
        backup.backup_database(path)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Backup written to {path}.")


@click.command("db-restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.confirmation_option(prompt="This replaces every row in the database. Continue?")
def db_restore(path):
    """Replace the database's contents with the verify backup at PATH.

    Anything else (another database, a damaged or foreign file) is refused untouched.
    """
    try:
        revision = backup.restore_database(path)
    except backup.BackupError as exc:
        raise click.ClickException(f"{exc}\nNothing was changed.") from exc
    click.echo(f"Restored from {path}.")
    if revision != backup.newest_revision():
        click.echo("The backup's schema is older than this verify: run `flask db upgrade`.")


@click.command("db-grant-app-role")
@click.argument("role")
def db_grant_app_role(role):
    """Let PostgreSQL role ROLE serve the app without owning the tables.

    Run it as the tables' owner after each `flask db upgrade`; ROLE gets SELECT, INSERT,
    UPDATE and DELETE on verify's tables but only SELECT and INSERT on claim history.
    """
    try:
        commit_with_retry(lambda: app_role.grant_app_role(role))
    except app_role.AppRoleError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{role} may now serve verify; claim history stays append-only for it.")


@reports_cli.command("unverified")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
)
@click.option("--outlet", help="Only outlets whose name contains this.")
@click.option("--author", help="Only authors whose name contains this.")
@click.option("--source", help="Only sources whose name contains this.")
@click.option("--source-kind", type=click.Choice(SOURCE_KINDS))
@click.option(
    "--overdue/--not-overdue",
    default=None,
    help="Only claims past (or within) the overdue threshold, OVERDUE_AFTER_HOURS.",
)
@click.option("--older-than-days", type=click.IntRange(min=0))
def unverified_report(output_format, **filters):
    """Write every unverified claim to stdout as CSV or JSON Lines, streamed row by row."""
    filters = {name: value for name, value in filters.items() if value is not None}
    query = UnverifiedReport(filters, current_app.config["OVERDUE_AFTER_HOURS"]).rows()
    chunks = csv_chunks(query, REPORT_COLUMNS) if output_format == "csv" else jsonl_chunks(query)
    for chunk in chunks:
        click.echo(chunk, nl=False)


def register_commands(app) -> None:
    for command in (
        users_cli,
        tokens_cli,
        claims_cli,
        samples_cli,
        ingest,
        db_backup,
        db_restore,
        db_grant_app_role,
        reports_cli,
        sources_cli,
    ):
        app.cli.add_command(command)
