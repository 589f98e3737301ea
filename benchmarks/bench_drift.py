"""Drift benchmark, by hand: plant English changes (and silent Korean ones) into real chapter
pairs of the shared corpora and count how often transcheck calls the pair outdated.

``python benchmarks/bench_drift.py [--per-kind 3] [--show] [CORPUS ...]`` (from the repository
root; default corpora ``../shared/corpus/scaling-book`` and ``../shared/corpus/vue-docs``).

The kinds and the scoring live in ``tests/drift/plant.py`` (a smaller run is a test): a pair is
outdated when it has an error or warning finding whose fingerprint the unmodified pair lacks.
Reported per kind: trials, how many were called outdated, and the rules that said so; then
recall over the outdated kinds, false alarms over the silent kinds, precision and F1. Exits 1
when recall is under 95% or any silent kind alarms.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.drift.plant import KINDS, run

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT = [SHARED / "scaling-book", SHARED / "vue-docs"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--per-kind", type=int, default=3, help="trials per kind and corpus")
    parser.add_argument("--show", action="store_true", help="print the findings of each trial")
    args = parser.parse_args()
    trials = run(args.corpora, args.per_kind)
    print(f"{'kind':<26} {'expect':<9} {'trials':>6} {'flagged':>7}  rules")
    for kind in KINDS:
        mine = [t for t in trials if t.kind is kind]
        flagged = [t for t in mine if t.outdated]
        rules = Counter(f.code for t in flagged for f in {x.code: x for x in t.new}.values())
        expect = "outdated" if kind.outdated else "silent"
        names = ", ".join(f"{c}×{n}" for c, n in sorted(rules.items()))
        print(f"{kind.name:<26} {expect:<9} {len(mine):>6} {len(flagged):>7}  {names}")
        if args.show:
            for t in mine:
                print(f"    {t.page}: {'OUTDATED' if t.outdated else 'in sync'}")
                for f in t.new:
                    print(f"      {f.code} {f.source.line}↔{f.target.line} {f.message[:150]}")
    positives = [t for t in trials if t.kind.outdated]
    negatives = [t for t in trials if not t.kind.outdated]
    hits = sum(t.outdated for t in positives)
    alarms = sum(t.outdated for t in negatives)
    recall = hits / len(positives) if positives else 0.0
    precision = hits / (hits + alarms) if hits + alarms else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"\nrecall {hits}/{len(positives)} = {recall:.1%}; false alarms on silent kinds "
        f"{alarms}/{len(negatives)}; precision {precision:.2f}, F1 {f1:.2f}"
    )
    return 0 if recall >= 0.95 and alarms == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
