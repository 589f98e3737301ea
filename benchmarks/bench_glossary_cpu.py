"""CPU time of the glossary rules inside a whole check, against the markdown-it-py parse floor.

Run by hand (not a test): ``python benchmarks/bench_glossary_cpu.py [CORPUS ...] [--runs N]``
(default: both shared corpora, best of 3). CPU time (``time.process_time``) rather than wall
time, because the machine is shared. In one process, per corpus and round: the floor
(``MarkdownIt("commonmark")`` parsing the already-read files), then ``check_paths(en, ko,
Config())`` with the default glossary (shipped ``ko`` and learned terms), during which the
glossary rules (TC301-TC304) are timed as the runner calls them: the per-pair part (every pair
rule and TC303's collect) and the cross-chapter part (TC303's check). The first check of the
process, which loads the glossary, is not counted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from benchmarks.trees import BOOK, VUE, documents
from transcheck.api import check_paths
from transcheck.checks import REGISTRY
from transcheck.config import Config

GLOSSARY_CODES = ("TC301", "TC302", "TC303", "TC304")
SPENT = {"pair": 0.0, "set": 0.0}


def _timed(part: str, work: Callable[[Any], Any], generator: bool) -> Callable[[Any], Any]:
    """``work`` with its CPU time added to SPENT[part] (a generator is run out inside)."""

    def run(ctx: Any) -> Any:
        start = time.process_time()
        result = list(work(ctx)) if generator else work(ctx)
        SPENT[part] += time.process_time() - start
        return iter(result) if generator else result

    return run


def instrument() -> None:
    """Time the glossary rules where the runner calls them (the registry's rules, in place)."""
    for rule in REGISTRY:
        if rule.code not in GLOSSARY_CODES:
            continue
        changes: dict[str, Callable[[Any], Any]] = {}
        if rule.check is not None:
            changes["check"] = _timed("pair", rule.check, True)
        if rule.collect is not None:
            changes["collect"] = _timed("pair", rule.collect, False)
        if rule.set_check is not None:
            changes["set_check"] = _timed("set", rule.set_check, True)
        for name, value in changes.items():
            object.__setattr__(rule, name, value)  # Rule is frozen; this is a benchmark


def cpu(work: Callable[[], object]) -> float:
    """CPU seconds ``work`` takes."""
    start = time.process_time()
    work()
    return time.process_time() - start


def measure(corpus: Path, runs: int) -> Iterator[str]:
    """Lines of the best-of-``runs`` figures for one corpus."""
    english, korean = corpus / "en", corpus / "ko"
    texts = [(english / p).read_text(encoding="utf-8") for p in documents(corpus, "en")]
    texts += [(korean / p).read_text(encoding="utf-8") for p in documents(corpus, "ko")]
    parser = MarkdownIt("commonmark")
    config = Config()
    check_paths(english, korean, config)  # loads the glossary once, as a process does
    best: dict[str, float] = {}
    for _ in range(runs):
        floor = cpu(lambda: [parser.parse(text) for text in texts])
        SPENT.update(pair=0.0, set=0.0)
        check = cpu(lambda: check_paths(english, korean, config))
        figures = {"floor": floor, "check": check, **SPENT, "glossary": sum(SPENT.values())}
        best = {k: min(v, best.get(k, v)) for k, v in figures.items()}
    floor = best["floor"]
    yield f"{corpus.name}: {len(texts)} files, CPU s best of {runs}, load {os.getloadavg()[0]:.1f}"
    for key in ("floor", "check", "glossary", "pair", "set"):
        yield f"  {key:9} {best[key]:7.3f} s  {best[key] / floor:5.2f}x floor"


def main() -> int:
    """Print the figures of each corpus."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="*", type=Path, default=[VUE, BOOK])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    instrument()
    for corpus in args.corpus:
        for line in measure(corpus, args.runs):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
