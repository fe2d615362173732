"""Measure claim extraction speed (articles/s on one core) and peak memory.

Usage: python bench/extraction_speed.py [TEXT_DIR] [--rounds N]

TEXT_DIR defaults to ../shared/polnear/dev (its text/ subdirectory is used when
present). Exits 0 with a message when the directory is absent.
"""

import argparse
import importlib
import os
import resource
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def import_extraction():
    """Import verify.extraction alone: the benchmark must not need the web app to import."""
    if "verify" not in sys.modules:
        package = types.ModuleType("verify")
        package.__path__ = [str(ROOT / "verify")]
        sys.modules["verify"] = package
    return importlib.import_module("verify.extraction")


extraction = import_extraction()


DEFAULT_DIR = ROOT.parent / "shared" / "polnear" / "dev"


def load_texts(directory: Path) -> list[str]:
    """Read every .txt article of a directory (or of its text/ subdirectory)."""
    text_dir = directory / "text" if (directory / "text").is_dir() else directory
    texts = []
    for path in sorted(text_dir.glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as f:
            texts.append(f.read())
    return texts


def pin_to_one_core() -> str:
    """Restrict the process to a single CPU, where the platform allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to CPU {core}"


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> int:
    """Time extraction over the texts and print throughput and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
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
