"""Command-line tools: users, tokens, ingest, extraction and sample data."""

import json
import sys
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from marshmallow import ValidationError

from verify.extensions import db
from verify.extraction import claim_to_dict, extract_claims
from verify.schemas import ArticleInSchema
from verify.services import accounts, samples
from verify.services.files import UnreadableFile, article_text, read_article_file
from verify.services.ingest import ArticleTooLarge, ExtractionFailed, ingest_article

users_cli = AppGroup("users", help="Manage fact-checkers, editors and admins.")
tokens_cli = AppGroup("tokens", help="Issue API tokens.")
claims_cli = AppGroup("claims", help="Work with claims.")
samples_cli = AppGroup("samples", help="Sample data for a first look.")


@users_cli.command("create")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(accounts.ROLES))
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
def create_user(name, role, password_stdin):
    """Create a user with a role; prompts for the password unless --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        accounts.create_user(name, role, password)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {role} {name}.")


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
    type=click.IntRange(min=1),
    help="Expire after this many days (default: API_TOKEN_DAYS, 90).",
)
def create_token(name, days):
    """Issue an API token for user NAME; the token is printed once, on the last line."""
    user = accounts.find_user(name)
    if user is None:
        raise click.ClickException(
            f"No user {name!r}. Create one with `flask users create {name} --role ROLE`."
        )
    token = user.issue_token(timedelta(days=days or current_app.config["API_TOKEN_DAYS"]))
    db.session.commit()
    click.echo(f"Token for {name} ({user.role}); store it now, it is not shown again:", err=True)
    click.echo(token)


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
    result = ingest_article(fields, current_app.config["MAX_ARTICLE_BYTES"])
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
            line["claims"] = [claim_to_dict(c) for c in extract_claims(article_text(path))]
        except UnreadableFile as exc:
            click.echo(f"Skipped {path}: {exc}", err=True)
            line["error"] = str(exc)
            failed += 1
        click.echo(json.dumps(line, ensure_ascii=False))
    if failed:
        sys.exit(1)


@samples_cli.command("load")
def load_samples():
    """Load the bundled sample articles; running it again adds nothing."""
    added = samples.load_sample_articles(current_app.config["MAX_ARTICLE_BYTES"])
    db.session.commit()
    click.echo(f"Sample articles: {added} added.")


def register_commands(app) -> None:
    for command in (users_cli, tokens_cli, claims_cli, samples_cli, ingest):
        app.cli.add_command(command)
