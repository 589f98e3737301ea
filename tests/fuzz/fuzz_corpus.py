"""Fuzz run by hand: mutate real chapters of the shared corpora and count the crashes.

``python tests/fuzz/fuzz_corpus.py --count 2000 --seed 1`` (from the repository root). A crash is
an exception out of the pipeline or an internal-error finding (TC005) from its guard; each is
printed with its rule and exception, and the inputs of the first few are saved under --save.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz.mutations import corpus_chapters, mutated_pairs
from transcheck.api import check_pair


def main() -> int:
    """Check mutated pairs; print the crash count by cause."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", action="append", default=None)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args()
    chapters = [
        c for name in args.corpus or ["scaling-book", "vue-docs"] for c in corpus_chapters(name)
    ]
    causes: Counter[str] = Counter()
    crashed = 0
    start = time.perf_counter()
    for n, (rel, english, korean) in enumerate(mutated_pairs(chapters, args.count, args.seed)):
        try:
            findings = check_pair(english, korean, source_path="en/" + rel, target_path="ko/" + rel)
            internal = [f.message for f in findings if f.code == "TC005"]
        except Exception as error:  # a crash is what we count; never let one stop the run
            frame = traceback.extract_tb(error.__traceback__)[-1]
            internal = [f"{type(error).__name__}: {error} at {frame.filename}:{frame.lineno}"]
        if internal:
            crashed += 1
            for message in internal:
                causes[message[:200]] += 1
            if args.save is not None and crashed <= 20:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{n}.en.md").write_text(english, encoding="utf-8")
                (args.save / f"{n}.ko.md").write_text(korean, encoding="utf-8")
    elapsed = time.perf_counter() - start
    for cause, count in causes.most_common():
        print(f"{count:5d}  {cause}")
    print(f"{args.count} pairs, seed {args.seed}: {crashed} crashed ({elapsed:.1f} s)")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
