"""Print the real-world scorer's tables: claims, sources and page metadata on real news pages.

Usage: python bench/realworld_quality.py [DIR] [--json]

Runs ../shared/realworld/score.py (relative to the project root) on DIR, by default
../shared/realworld/dev: the pages go through `flask claims extract` and `flask ingest`
of this checkout, and the scorer prints precision, recall, source and kind accuracy, fully
right, not_claims hits and the title, outlet, author and date counts, per page, per language
and in all. Exits 2 with a message when the shared folder or the scorer is missing, else
with the scorer's status.
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"
SCORER = REALWORLD / "score.py"


def main() -> int:
    """Run the scorer on the pages and pass its tables through."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=REALWORLD / "dev")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON instead")
    args = parser.parse_args()
    missing = [path for path in (SCORER, args.directory) if not path.exists()]
    if missing:
        names = " and ".join(str(path) for path in missing)
        print(f"cannot score: {names} not found (shared/ sits beside the project)", file=sys.stderr)
        return 2
    command = [sys.executable, str(SCORER), str(args.directory.resolve())]
    # The scorer imports the app and runs flask from the current folder: the project root.
    return subprocess.run(command + ["--json"] * args.json, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
