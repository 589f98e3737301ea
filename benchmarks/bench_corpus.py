"""Speed of a whole-corpus check against its floor: markdown-it-py parsing the same files.

Run by hand (not a test):
``python benchmarks/bench_corpus.py [CORPUS] [--runs N] [--code K] [--profile]``.
Both timings are in-process and best of N, so interpreter start-up and imports count for neither.
The floor parses the already-read texts with plain ``MarkdownIt("commonmark")`` and does nothing
else; the check is ``check_paths`` on the two trees plus rendering the text report. ``--code K``
checks a code-heavy site instead: the corpus copied to a temp dir with the body of every fenced
code block repeated K times (benchmarks/trees.py). ``--profile`` prints a cProfile of one
one-process check, by own time and by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from benchmarks.trees import BOOK, documents, replicate
from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.report import FORMATS, RenderOptions

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
    parser.add_argument("corpus", nargs="?", type=Path, default=BOOK)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--code", type=int, default=1, help="repeat code blocks' bodies K times")
    parser.add_argument("--profile", action="store_true", help="cProfile one check run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if args.code > 1:
            corpus = Path(scratch)
            replicate(args.corpus, corpus, 1, args.code)
        return measure(corpus, args)


def measure(corpus: Path, args: argparse.Namespace) -> int:
    """Time the floor and the check on ``corpus``, print them (and the profile when asked)."""
    english, korean = corpus / "en", corpus / "ko"
    files = [english / p for p in documents(corpus, "en")]
    files += [korean / p for p in documents(corpus, "ko")]
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
    code = f", code blocks x{args.code}" if args.code > 1 else ""
    print(f"corpus: {args.corpus}{code} ({len(files)} files, {lines} lines), best of {args.runs}")
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
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(40)
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
