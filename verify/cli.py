"""Command-line tools: users, tokens, ingest, extraction and sample data."""

import json
import sys
import time
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from marshmallow import ValidationError

from verify.extensions import db
from verify.extraction import ExtractionTimeout, claim_to_dict, extract_claims
from verify.models import SOURCE_KINDS, Article
from verify.schemas import ArticleInSchema
from verify.services import accounts, backup, corrections, samples
from verify.services.exports import csv_chunks, jsonl_chunks
from verify.services.files import UnreadableFile, article_text, read_article_file
from verify.services.ingest import ArticleTooLarge, ExtractionFailed, ingest_article, ingest_limits
from verify.services.reports import REPORT_COLUMNS, UnverifiedReport

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
        user = accounts.create_user(name, role, read_password(password_stdin))
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {role} {user.username}.")


@users_cli.command("set-password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
def set_password(name, password_stdin):
    """Give user NAME a new password; every session of NAME ends."""
    user = existing_user(name)
    try:
        accounts.set_password(user, read_password(password_stdin))
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"New password set for {user.username}; their sessions are signed out.")


@users_cli.command("sign-out")
@click.argument("name")
def sign_out_user(name):
    """End every session and remember cookie of user NAME."""
    user = existing_user(name)
    user.end_sessions()
    db.session.commit()
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
    result = accounts.create_demo_admin(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if result is None:
        click.echo("Demo admin not needed: users exist or the database is not the default.")
        return
    db.session.commit()
    click.echo(f"Demo admin created. Sign in as {result[0]} with password: {result[1]}")
    click.echo("This password is shown once; create your own users with `flask users create`.")


@tokens_cli.command("create")
@click.argument("name")
@click.option(
    "--days",
    type=click.IntRange(min=1, max=3650),
    help="Expire after this many days (default: API_TOKEN_DAYS, 90).",
)
def create_token(name, days):
    """Issue an API token for user NAME; the token is printed once, on the last line."""
    user = existing_user(name)
    token = user.issue_token(timedelta(days=days) if days else None)
    db.session.commit()
    click.echo(f"Token for {name} ({user.role}); store it now, it is not shown again:", err=True)
    click.echo(token)


@tokens_cli.command("revoke")
@click.argument("name")
def revoke_tokens(name):
    """Revoke every API token of user NAME."""
    user = existing_user(name)
    count = user.revoke_tokens()
    db.session.commit()
    click.echo(f"Revoked {count} API token(s) of {user.username}.")


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest(files):
    """Store articles from .txt (title on the first line), .json or .html files."""
    added = known = failed = 0
    with click.progressbar(files, label="Ingesting", file=sys.stderr) as progress:
        for path in progress:
            try:
                created = ingest_file(path)
            except (UnreadableFile, ArticleTooLarge, ExtractionFailed, ValidationError) as exc:
                db.session.rollback()
                click.echo(f"\nSkipped {path}: {exc}", err=True)
                failed += 1
                continue
            added, known = added + created, known + (not created)
    click.echo(f"{added} added, {known} already known, {failed} failed.")
    if failed:
        sys.exit(1)


def ingest_file(path: Path) -> bool:
    fields = ArticleInSchema().load(read_article_file(path))
    result = ingest_article(fields, **ingest_limits(current_app.config))
    db.session.commit()
    return result.created


@claims_cli.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract(files):
    """Print the claims of each file as one JSON line; nothing is stored."""
    failed = 0
    for path in files:
        line = {"file": str(path), "claims": []}
        try:
            claims = extract_claims(article_text(path), deadline=deadline())
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


def deadline() -> float:
    return time.monotonic() + current_app.config["EXTRACTION_TIMEOUT_SECONDS"]


@samples_cli.command("load")
def load_samples():
    """Load the bundled sample articles; running it again adds nothing."""
    added = samples.load_sample_articles(ingest_limits(current_app.config))
    db.session.commit()
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
    """Replace the database's contents with the backup at PATH."""
    try:
        backup.restore_database(path)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Restored from {path}.")


@reports_cli.command("unverified")
@click.option("--format", "output_format", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True)
@click.option("--outlet", help="Only outlets whose name contains this.")
@click.option("--author", help="Only authors whose name contains this.")
@click.option("--source", help="Only sources whose name contains this.")
@click.option("--source-kind", type=click.Choice(SOURCE_KINDS))
@click.option("--overdue/--not-overdue", default=None, help="Only claims past (or within) "
              "the overdue threshold, OVERDUE_AFTER_HOURS.")
@click.option("--older-than-days", type=click.IntRange(min=0))
def unverified_report(output_format, **filters):
    """Write every unverified claim to stdout as CSV or JSON Lines, streamed row by row."""
    filters = {name: value for name, value in filters.items() if value is not None}
    query = UnverifiedReport(filters, current_app.config["OVERDUE_AFTER_HOURS"]).rows()
    chunks = csv_chunks(query, REPORT_COLUMNS) if output_format == "csv" else jsonl_chunks(query)
    for chunk in chunks:
        click.echo(chunk, nl=False)


def register_commands(app) -> None:
    for command in (users_cli, tokens_cli, claims_cli, samples_cli, ingest, db_backup, db_restore,
                    reports_cli):
        app.cli.add_command(command)
