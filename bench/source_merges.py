"""Count sources that join different speakers, after ingesting real pages into one database.

Usage: python bench/source_merges.py [--realworld DIR] [--polnear DIR] [--list]

Ingests the realworld dev pages (`flask ingest` of each .html) and the PolNeAR dev texts
into an in-memory SQLite database, as one newsroom would, then reads the sources back:
- merged: a source whose claims, matched to the realworld gold with score.py's rule,
  have gold speakers that are not the same name, across articles and within one;
- split: a gold speaker named in two or more articles whose claims sit under more
  than one source;
- joined: every source with claims from two or more articles, with the words each
  article used (--list prints them).
Skips what is absent. Third-party data is read in place, never copied.
"""

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

from corpus import DEFAULT_SPLIT, ROOT, shared_dir, split_texts

sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from verify import create_app  # noqa: E402
from verify.cli import ingest_file  # noqa: E402
from verify.extensions import db  # noqa: E402
from verify.models import Article, Claim, Source  # noqa: E402

CONFIG = {
    "TESTING": True,
    "DATABASE_URL": "sqlite://",
    "SECRET_KEY": "bench",
    "EXTRACTION_TIMEOUT_SECONDS": 30,
}


def load_scorer(directory: Path):
    """Import the realworld score.py beside the dev set, for its matching rules."""
    spec = importlib.util.spec_from_file_location("realworld_score", directory.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ingest_all(paths: list[Path]) -> dict[int, str]:
    """Ingest each file; return {article id: file name}."""
    files = {}
    for path in paths:
        try:
            ingest_file(path)
        except Exception as exc:  # a page the service refuses is not counted
            db.session.rollback()
            print(f"skipped {path.name}: {type(exc).__name__}", file=sys.stderr)
            continue
        newest = db.session.scalar(select(Article.id).order_by(Article.id.desc()).limit(1))
        if newest is not None and newest not in files:
            files[newest] = path.name
    return files


def gold_speakers(scorer, expected: dict, files: dict[int, str]) -> dict[int, tuple[str, str]]:
    """{claim id: (file, gold source)} for the claims matching a realworld gold claim."""
    found = {}
    for article_id, name in files.items():
        gold = expected.get(name)
        if not gold:
            continue
        claims = db.session.scalars(select(Claim).where(Claim.article_id == article_id)).all()
        rows = [{"id": c.id, "words": scorer.words(c.text)} for c in claims]
        for item in gold["claims"]:
            best = scorer.best_claim(scorer.words(item["content_contains"]), rows)
            if best is not None and item.get("source"):
                found[best["id"]] = (name, item["source"])
    return found


def same_speaker(scorer, gold_a: str, gold_b: str) -> bool:
    """Whether two gold names name one speaker: one holds the other's name words."""
    a, b = set(scorer.name_words(gold_a)), set(scorer.name_words(gold_b))
    return a <= b or b <= a


def merged_sources(scorer, speakers: dict) -> tuple[list, list]:
    """Sources whose matched claims have different gold speakers: (across, within) articles."""
    by_source = defaultdict(list)
    for claim_id, (name, gold) in speakers.items():
        source_id = db.session.scalar(select(Claim.source_id).where(Claim.id == claim_id))
        if source_id is not None:
            by_source[source_id].append((name, gold))
    across, within = [], []
    for source_id, pairs in by_source.items():
        for i, (file_a, gold_a) in enumerate(pairs):
            for file_b, gold_b in pairs[i + 1 :]:
                if same_speaker(scorer, gold_a, gold_b):
                    continue
                key = db.session.get(Source, source_id).key
                (across if file_a != file_b else within).append((key, gold_a, gold_b))
    return across, within


def split_speakers(scorer, speakers: dict) -> list:
    """Gold speakers named in two or more articles whose claims sit under several sources."""
    groups: list[list] = []
    for claim_id, (name, gold) in speakers.items():
        source_id = db.session.scalar(select(Claim.source_id).where(Claim.id == claim_id))
        group = next(
            (g for g in groups if scorer.name_words(g[0][1]) == scorer.name_words(gold)), None
        )
        if group is None:
            groups.append(group := [])
        group.append((name, gold, source_id))
    split = [g for g in groups if len({f for f, _, _ in g}) > 1 and len({s for _, _, s in g}) > 1]
    return [
        sorted({(f, gold, db.session.get(Source, s).key if s else None) for f, gold, s in g})
        for g in split
    ]


def joined_sources() -> list[tuple[Source, dict]]:
    """Every source with claims from two or more articles, with each article's words."""
    rows = db.session.execute(
        select(Claim.source_id, Claim.article_id, Claim.source_text).where(
            Claim.source_id.is_not(None)
        )
    ).all()
    words = defaultdict(lambda: defaultdict(set))
    for source_id, article_id, text in rows:
        words[source_id][article_id].add(text or "")
    return [
        (db.session.get(Source, source_id), by_article)
        for source_id, by_article in words.items()
        if len(by_article) > 1
    ]


def describe(source: Source, source_names) -> str:
    return f"#{source.id} {source.key!r} ({source.name}): {source_names}"


def report(args) -> dict:
    """Ingest everything and count merged, split and joined sources."""
    pages = sorted((args.realworld / "pages").glob("*.html")) if args.realworld.is_dir() else []
    texts = split_texts(args.polnear) if args.polnear.is_dir() else []
    files = ingest_all(pages + texts)
    result = {
        "articles": len(files),
        "sources": db.session.query(Source).count(),
        "local": db.session.query(Source).filter(Source.article_id.is_not(None)).count(),
    }
    if pages:
        scorer = load_scorer(args.realworld)
        expected = json.loads((args.realworld / "expected.json").read_text(encoding="utf-8"))
        speakers = gold_speakers(scorer, expected, files)
        across, within = merged_sources(scorer, speakers)
        result.update(
            matched=len(speakers),
            merged_across=across,
            merged_within=within,
            split=split_speakers(scorer, speakers),
        )
    result["joined"] = [
        describe(source, {files.get(a, a): sorted(w) for a, w in by.items()})
        for source, by in joined_sources()
    ]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realworld", type=Path, default=shared_dir("realworld", "dev"))
    parser.add_argument("--polnear", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--list", action="store_true", help="print every joined source")
    args = parser.parse_args()
    app = create_app(dict(CONFIG))
    with app.app_context():
        db.create_all()
        result = report(args)
    print(
        f"{result['articles']} articles, {result['sources']} sources "
        f"({result['local']} local to one article)"
    )
    if "matched" in result:
        print(f"realworld claims matched to gold with a speaker: {result['matched']}")
        for label in ("merged_across", "merged_within", "split"):
            print(f"{label.replace('_', ' ')}: {len(result[label])}")
            for item in result[label]:
                print(f"    {item}")
    print(f"sources joining two or more articles: {len(result['joined'])}")
    for line in result["joined"] if args.list else []:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
