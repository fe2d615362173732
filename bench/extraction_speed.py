"""Measure claim extraction speed (articles/s on one core) and peak memory.

Usage: python bench/extraction_speed.py [TEXT_DIR] [--rounds N]

TEXT_DIR defaults to ../shared/polnear/dev (its text/ subdirectory is used when
present). Exits 0 with a message when the directory is absent.
"""

import argparse
import resource
import sys
import time
from pathlib import Path

from corpus import DEFAULT_SPLIT, import_extraction, pin_to_one_core, split_texts

extraction = import_extraction()


def load_texts(directory: Path) -> list[str]:
    """Read every .txt article of a directory (or of its text/ subdirectory)."""
    texts = []
    for path in split_texts(directory):
        with path.open(encoding="utf-8", newline="") as f:
            texts.append(f.read())
    return texts


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> int:
    """Time extraction over the texts and print throughput and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = load_texts(args.text_dir) if args.text_dir.is_dir() else []
    if not texts:
        print(f"skipped: no .txt articles under {args.text_dir}")
        return 0
    pinning = pin_to_one_core()
    extraction.extract_claims(texts[0])
    started = time.perf_counter()
    claims = sum(len(extraction.extract_claims(t)) for _ in range(args.rounds) for t in texts)
    elapsed = time.perf_counter() - started
    articles = len(texts) * args.rounds
    size_mb = sum(len(t) for t in texts) * args.rounds / 1e6
    print(f"{articles} articles ({size_mb:.1f} MB of text, {claims} claims), {pinning}")
    print(
        f"{articles / elapsed:.0f} articles/s, {size_mb / elapsed:.2f} MB/s, "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
