"""Speed of a whole-corpus check against its floor: markdown-it-py parsing the same files.

Run by hand (not a test): ``python benchmarks/bench_corpus.py [CORPUS] [--runs N] [--profile]``.
Both timings are in-process and best of N, so interpreter start-up and imports count for neither.
The floor parses the already-read texts with plain ``MarkdownIt("commonmark")`` and does nothing
else; the check is ``check_paths`` on the two trees plus rendering the text report.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.report import FORMATS, RenderOptions

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "scaling-book"
TARGET_RATIO = 2.0


def best_of(runs: int, *works: Callable[[], object]) -> list[float]:
    """The shortest wall time of each of ``works`` over ``runs`` rounds, in seconds.

    The works alternate within each round, so a busy moment of the machine hits all of them
    alike instead of skewing the ratio.
    """
    best = [float("inf")] * len(works)
    for _ in range(runs):
        for index, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def main() -> int:
    """Time the floor and the check; print both and the ratio (exit 1 above the target)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile one check run")
    args = parser.parse_args()
    english, korean = args.corpus / "en", args.corpus / "ko"
    files = sorted(english.glob("*.md")) + sorted(korean.glob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    floor_parser = MarkdownIt("commonmark")
    config = Config()

    def floor() -> None:
        for text in texts:
            floor_parser.parse(text)

    cpus = os.cpu_count() or 1

    def check() -> None:
        FORMATS["text"](check_paths(english, korean, config), RenderOptions())

    def check_parallel() -> None:
        FORMATS["text"](check_paths(english, korean, config, jobs=cpus), RenderOptions())

    floor_time, check_time, parallel_time = best_of(args.runs, floor, check, check_parallel)
    ratio = parallel_time / floor_time
    lines = sum(text.count("\n") for text in texts)
    print(f"corpus: {args.corpus} ({len(files)} files, {lines} lines), best of {args.runs}")
    for label, seconds in (
        ("floor  markdown-it-py parse only", floor_time),
        ("check  check_paths + text report, 1 process", check_time),
        (f"check  the same with --jobs {cpus} (the CLI default)", parallel_time),
    ):
        print(f"{label}: {seconds * 1000:8.1f} ms")
    print(f"ratio  1 process / floor: {check_time / floor_time:.2f}")
    print(f"ratio  --jobs {cpus} / floor: {ratio:.2f} (target <= {TARGET_RATIO})")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(check)
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
