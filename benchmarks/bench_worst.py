"""Worst cases by hand, never as a test: pathological pairs, each timed against its parse floor.

``python benchmarks/bench_worst.py`` (``--quick``/``--largest`` for one size of each case,
``--case NAME`` for some cases only, ``--profile CASE`` for a cProfile of the largest size of one
case). Each case builds an English and a Korean file
of growing size; for each size it times the floor (markdown-it-py, ``MarkdownIt("commonmark")``,
parsing both texts and nothing else) and ``check_pair`` on them (parse, align, every default
rule), in the same process, best of --runs. The ratio check / floor is what to watch, and how it
grows with the size: a constant ratio means the check is as linear as the parser.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transcheck.api import check_pair


def headings(count: int, korean: bool) -> str:
    """``count`` headings, each with one short paragraph (no token shared across sides)."""
    word, text = ("제목", "본문입니다") if korean else ("Heading", "Some text")
    return "".join(f"## {word} {k}\n\n{text} {k}.\n\n" for k in range(count))


def bare_headings(count: int, korean: bool) -> str:
    """``count`` headings and nothing else."""
    word = "제목" if korean else "Heading"
    return "".join(f"## {word} {k}\n" for k in range(count))


def dense_line(size: int, korean: bool) -> str:
    """One line of ``size`` bytes of links, code spans, emphasis and inline HTML."""
    unit = (
        "[링크 {k}](https://e.com/{k}) `code{k}` *강조* <b>굵게</b> **x{k}** "
        if korean
        else "[link {k}](https://e.com/{k}) `code{k}` *em* <b>bold</b> **x{k}** "
    )
    parts, total, k = [], 0, 0
    while total < size:
        part = unit.format(k=k)
        parts.append(part)
        total += len(part.encode("utf-8"))
        k += 1
    return "# T\n\n" + "".join(parts) + "\n"


def unclosed_line(size: int, korean: bool) -> str:
    """One line of ``size`` bytes of delimiters that never close: ``*``, ``[``, backticks, ``<``."""
    unit = "*가 **나 [다 `라 <마 _바 " if korean else "*a **b [c `d <e _f "
    return "# T\n\n" + unit * (size // len(unit.encode("utf-8"))) + "\n"


CASES: dict[str, tuple[Callable[[int, bool], str], tuple[int, ...], str]] = {
    "headings": (headings, (10_000, 25_000, 100_000), "headings per side"),
    "bare-headings": (bare_headings, (10_000, 25_000, 100_000), "headings per side"),
    "dense-line": (dense_line, (500_000, 1_250_000, 5_000_000), "bytes per side"),
    "unclosed-line": (unclosed_line, (20_000, 80_000, 160_000), "bytes per side"),
}


def _floor(texts: tuple[str, str]) -> None:
    """What any checker pays at least: markdown-it-py parsing both texts."""
    for text in texts:
        MarkdownIt("commonmark").parse(text)


def best_of(runs: int, job: Callable[[], object]) -> float:
    """The best wall time of ``runs`` calls of ``job``."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """Print one table row per case and size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="only the smallest size of each")
    parser.add_argument("--largest", action="store_true", help="only the largest size of each")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument("--profile", choices=sorted(CASES), default=None)
    args = parser.parse_args()
    if args.profile:
        build, sizes, _ = CASES[args.profile]
        english, korean = build(sizes[-1], False), build(sizes[-1], True)
        profile = cProfile.Profile()
        profile.runcall(check_pair, english, korean)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return 0
    print("| case | size | MB per side | floor s | check s | check / floor |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (build, sizes, unit) in CASES.items():
        if args.case and name not in args.case:
            continue
        for size in sizes[:1] if args.quick else sizes[-1:] if args.largest else sizes:
            english, korean = build(size, False), build(size, True)
            texts = (english, korean)
            floor = best_of(args.runs, partial(_floor, texts))
            check = best_of(args.runs, partial(check_pair, english, korean))
            megabytes = len(english.encode("utf-8")) / 1e6
            print(
                f"| {name} | {size:,} {unit} | {megabytes:.2f} | {floor:.2f} | {check:.2f} | "
                f"{check / floor:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
