"""Score claim extraction on a PolNeAR split with the corpus's own scorer.

Usage: python bench/extraction_quality.py [SPLIT_DIR] [--pred OUT.jsonl] [--json]

SPLIT_DIR defaults to ../shared/polnear/dev (relative to the repository root). The
predictions are written as JSON Lines in the scorer's format, then score.py (next to
the split) prints its table. Exits 0 with a message when the corpus is absent.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import DEFAULT_SPLIT, import_extraction, split_texts

extraction = import_extraction()


def write_predictions(paths: list[Path], out: Path) -> None:
    """Extract claims from every article and write one JSON line per article."""
    with out.open("w", encoding="utf-8") as f:
        for path in paths:
            with path.open(encoding="utf-8", newline="") as article:
                claims = extraction.extract_claims(article.read())
            record = {"file": path.name, "claims": [extraction.claim_to_dict(c) for c in claims]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> int:
    """Write predictions for a split and print the scorer's table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--pred", type=Path, help="keep the predictions in this file")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON")
    args = parser.parse_args()
    scorer = args.split_dir.parent / "score.py"
    paths = split_texts(args.split_dir) if args.split_dir.is_dir() else []
    if not paths or not scorer.exists():
        print(f"skipped: no PolNeAR split at {args.split_dir} (or no score.py beside it)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.pred or Path(tmp) / "pred.jsonl"
        write_predictions(paths, out)
        command = [sys.executable, str(scorer), str(args.split_dir), "--pred", str(out)]
        return subprocess.run(command + (["--json"] if args.json else []), check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
