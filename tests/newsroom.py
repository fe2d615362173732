"""Build articles, sources and claims directly, for reader, badge and report tests."""

import uuid
from datetime import datetime

from sqlalchemy import select

from verify.dates import now_utc
from verify.extensions import db
from verify.models import Article, Claim, ClaimEvent, Source


def source_named(name: str | None, kind: str = "person") -> Source | None:
    if name is None:
        return None
    source = db.session.scalar(select(Source).where(Source.key == name.lower()))
    if source is None:
        source = Source(key=name.lower(), name=name, kind=kind)
        db.session.add(source)
    return source


def add_claim(article: Article, text: str, start: int, **fields) -> Claim:
    """Add a claim at an offset, with its "created" event dated like the claim."""
    source = source_named(fields.pop("source", None), fields.pop("source_kind", "person"))
    created_at = fields.pop("created_at", None) or now_utc()
    claim = Claim(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        cue="said",
        kind=fields.pop("kind", "direct_quote"),
        source=source,
        evidence=fields.pop("evidence", []),
        created_at=created_at,
        **fields,
    )
    db.session.add(claim)
    db.session.add(
        ClaimEvent(claim=claim, action="created", to_status="unverified", created_at=created_at)
    )
    return claim


def add_article(
    claims: list[dict] = (),
    title: str = "Harbour plan",
    outlet="Gazette",
    published_at: datetime | None = None,
    **fields,
) -> Article:
    """Store an article whose body is one sentence per claim: '<text>, <source> said.'."""
    body, spans = "", []
    for spec in claims:
        spans.append(len(body))
        body += f"{spec['text']}, {spec.get('source') or 'it was'} said. "
    article = Article(
        title=title,
        body=body,
        outlet=outlet,
        published_at=published_at,
        content_hash=uuid.uuid4().hex,
        **fields,
    )
    db.session.add(article)
    for start, spec in zip(spans, claims, strict=True):
        add_claim(article, spec["text"], start, **{k: v for k, v in spec.items() if k != "text"})
    db.session.commit()
    return article


def claim_specs(count: int, **fields) -> list[dict]:
    return [{"text": f"Claim number {n} is true", **fields} for n in range(count)]
