"""The PolNeAR texts the extraction benchmarks read, and the extraction package alone."""

import importlib
import os
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir(*parts: str) -> Path:
    """The project's shared data beside the checkout, or beside any folder above it."""
    for folder in ROOT.parents:
        candidate = folder.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return ROOT.parent.joinpath("shared", *parts)


DEFAULT_SPLIT = shared_dir("polnear", "dev")


def import_extraction():
    """Import verify.extraction alone: the benchmark must not need the web app to import."""
    if "verify" not in sys.modules:
        package = types.ModuleType("verify")
        package.__path__ = [str(ROOT / "verify")]
        sys.modules["verify"] = package
    return importlib.import_module("verify.extraction")


def split_texts(split_dir: Path) -> list[Path]:
    """Return the article files of a split (text/ or the directory itself)."""
    text_dir = split_dir / "text" if (split_dir / "text").is_dir() else split_dir
    return sorted(text_dir.glob("*.txt"))


def pin_to_one_core() -> str:
    """Restrict the process to a single CPU, where the platform allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to CPU {core}"
