"""Fuzz run by hand: check N generated chapter pairs and count the crashes (the goal is 0).

``python tests/fuzz/fuzz_pairs.py --count 10000 --seed 20261129`` (from the repository root).
Every crash is printed with its input, to become a regular test. Not collected by pytest (the
file name does not start with ``test_``); the same generators drive tests/robustness.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.robustness.generators import Chapter, chapters
from transcheck.api import check_pair


def main() -> int:
    """Generate and check pairs; print the crash count and each crashing input."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args()
    crashes: list[tuple[str, str, str]] = []
    checked = [0]

    @seed(args.seed)
    @settings(
        max_examples=args.count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(chapters(), chapters(), st.booleans())
    def run(english: Chapter, korean: Chapter, same: bool) -> None:
        source = english.text()
        target = source if same else korean.text()
        checked[0] += 1
        try:
            check_pair(source, target, source_path="en.md", target_path="ko.md")
        except Exception:  # a crash is what we count; never let one stop the run
            crashes.append((source, target, traceback.format_exc()))

    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    for source, target, trace in crashes:
        print("=" * 70, f"\nEN:\n{source}\nKO:\n{target}\n{trace}")
    print(
        f"{checked[0]} pairs checked in {elapsed:.1f} s, seed {args.seed}: {len(crashes)} crashes"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
