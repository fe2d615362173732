"""Find the slowest pathological body or page for extraction, in ms per KB and at the size limit.

Usage: python bench/extraction_worst.py [--probe-kb N] [--top N] [--max-bytes N]

Every generator of bench/pathological.py (the ones tests/test_extraction_linear_time.py uses)
is timed at --probe-kb; the --top slowest are then timed at --max-bytes (MAX_ARTICLE_BYTES,
2 MB). Times are CPU seconds on one core, so other processes' load does not count. A page
over the HTML budget counts as refused, which is an answer too.
"""

import argparse
import importlib
import sys
import time

from corpus import import_extraction, pin_to_one_core
from extraction_speed import peak_rss_mb
from pathological import html_cases, text_cases

extraction = import_extraction()
clock = importlib.import_module("verify.extraction.deadline").clock
config = importlib.import_module("verify.config")
MAX_ARTICLE_BYTES = config.DEFAULT_MAX_ARTICLE_BYTES
DEFAULT_TIMEOUT = config.DEFAULT_EXTRACTION_TIMEOUT_SECONDS


def text_or_refusal(page: str) -> str:
    """Return the main text of a page, or the reason it was refused."""
    try:
        return extraction.html_to_text(page)
    except extraction.PageTooComplex as exc:
        return str(exc)


def cases() -> dict:
    """Return {name: (function timed, input maker)} for every text and HTML generator."""
    extract = extraction.extract_claims
    found = {f"text: {name}": (extract, make) for name, make in text_cases().items()}
    found.update({f"html: {name}": (text_or_refusal, make) for name, make in html_cases().items()})
    return found


def cpu_ms(call, argument) -> float:
    """Return the CPU milliseconds of call(argument)."""
    started = time.process_time()
    call(argument)
    return (time.process_time() - started) * 1000


def measure(found: dict, size: int) -> list[tuple[float, float, str]]:
    """Return (ms per KB, ms, name) of every case at `size` bytes, slowest first."""
    rows = []
    for name, (call, make) in found.items():
        argument = make(size)
        elapsed = cpu_ms(call, argument)
        rows.append((elapsed / (len(argument.encode()) / 1024), elapsed, name))
    return sorted(rows, reverse=True)


def print_rows(title: str, rows: list) -> None:
    print(title)
    for per_kb, elapsed, name in rows:
        print(f"  {per_kb:7.3f} ms/KB  {elapsed:9.1f} ms  {name}")


def main() -> int:
    """Time every generator, then the slowest at the size limit, and print the worst."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe-kb", type=int, default=64)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--max-bytes", type=int, default=MAX_ARTICLE_BYTES)
    args = parser.parse_args()
    pinning = pin_to_one_core()
    text_or_refusal("<p>Imported before timing.</p>")
    found = cases()
    probe = measure(found, args.probe_kb * 1024)
    print(f"{len(found)} generators, {pinning}")
    print_rows(f"slowest at {args.probe_kb} KB:", probe[: args.top])
    slowest = {name: found[name] for _, _, name in probe[: args.top]}
    full = measure(slowest, args.max_bytes)
    print_rows(f"the same at {args.max_bytes / 1024 / 1024:g} MB:", full)
    worst_per_kb = max(probe + full)
    worst = max(full, key=lambda row: row[1])
    print(
        f"worst: {worst_per_kb[0]:.3f} ms per KB ({worst_per_kb[2]}); "
        f"{worst[1] / 1000:.2f} s at {args.max_bytes / 1024 / 1024:g} MB ({worst[2]}); "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )
    print_limited(found[worst[2]], worst[2], args.max_bytes)
    return 0


def print_limited(case: tuple, name: str, size: int) -> None:
    """Run the worst case under the default time limit, as an ingest does, and print the answer."""
    call, make = case
    argument = make(size)
    started = clock()
    try:
        if call is extraction.extract_claims:
            call(argument, deadline=started + DEFAULT_TIMEOUT)
        else:
            call(argument)
        answer = "extracted"
    except extraction.ExtractionTimeout:
        answer = "refused"
    print(
        f"under the default limit (EXTRACTION_TIMEOUT_SECONDS={DEFAULT_TIMEOUT:g}): {name} "
        f"{answer} after {clock() - started:.2f} s of CPU"
    )


if __name__ == "__main__":
    sys.exit(main())
