"""Command-line tools for sources: key stored claims' sources again after an upgrade."""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from verify.extensions import db
from verify.models import Article
from verify.services.rekey import RekeyCount, rekey_article
from verify.services.transactions import commit_with_retry

sources_cli = AppGroup("sources", help="Work with sources.")


@sources_cli.command("rekey")
@click.option("--dry-run", is_flag=True, help="Count what would change and change nothing.")
def rekey_sources(dry_run):
    """Key every extracted claim's source again with the current keying rules.

    After an upgrade that changed how sources are keyed, each claim moves to the source its
    words key to now, the move recorded in its history. What people decided stays: claims
    whose source a person set or moved (corrections, merges, splits), all claims of an article
    where a person did so, and claims of a source others were merged into. Each article is
    its own transaction; running it again moves nothing more.
    """
    total = RekeyCount()
    article_ids = list(db.session.scalars(select(Article.id).order_by(Article.id)))
    with click.progressbar(article_ids, label="Re-keying sources", file=sys.stderr) as progress:
        for article_id in progress:
            if dry_run:
                total.add(rekey_article(article_id))
                db.session.rollback()
            else:
                total.add(
                    commit_with_retry(lambda article_id=article_id: rekey_article(article_id))
                )
    click.echo(summary(total, len(article_ids), dry_run))


def summary(total: RekeyCount, articles: int, dry_run: bool) -> str:
    """One line per count, and whether anything was changed."""
    verb = "would move" if dry_run else "moved"
    lines = [
        f"{articles} articles: {verb} {total.claims['moved']} claims to another source"
        f" ({len(total.new_keys)} new sources);",
        f"{total.claims['unchanged']} claims keyed as before;",
        f"{total.claims['kept as people set them']} claims kept as people set them;",
        f"{total.claims['kept: no longer extracted with a source']} claims kept: the current"
        " rules no longer extract them with a source.",
    ]
    if dry_run:
        lines.append("Dry run: nothing was changed.")
    return "\n".join(lines)
