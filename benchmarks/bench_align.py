"""Alignment alone in instructions: parse a corpus once, then count only the aligner's work.

Run by hand (not a test): ``python benchmarks/bench_align.py [CORPUS ...]`` (default: both
shared corpora). Needs ``valgrind``. Each corpus runs once under callgrind per stage, with
``PYTHONHASHSEED=0`` and bytecode compiled beforehand; the stage runs inside an iterator
transcheck never uses, and ``--toggle-collect`` on that iterator counts it alone:

- sections: ``align_sections`` of every file pair, inside ``itertools.filterfalse``;
- blocks: ``block_alignment`` of every aligned pair (the sections aligned before), inside
  ``itertools.takewhile``.

Printed: each stage's instructions in millions.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.trees import BOOK, VUE

REPO = Path(__file__).resolve().parents[1]
STAGES = {"sections": "filterfalse_next", "blocks": "takewhile_next"}


def run_stages(corpus: Path) -> None:
    """Parse every file pair of ``corpus`` once, then align the sections inside filterfalse
    and the blocks inside takewhile (the child process callgrind counts)."""
    import gc
    import itertools

    from transcheck.align import Alignment, align_sections
    from transcheck.align.blocks import block_alignment
    from transcheck.config import Config
    from transcheck.model import Document
    from transcheck.pairing import pair_sides
    from transcheck.run import Run

    config = Config()
    with tempfile.TemporaryDirectory() as scratch:
        pairing = pair_sides(corpus / "en", corpus / "ko", config, None, Path(scratch))
        run = Run(pairing, config)
        documents: list[tuple[Document, Document]] = []
        for pair in pairing.pairs:
            if pair.source is None or pair.target is None:
                continue
            english, korean = run.english.load(pair.source), run.korean.load(pair.target)
            if english is not None and korean is not None:
                documents.append((english, korean))
    gc.disable()
    alignments: list[Alignment] = []

    def sections(pair: tuple[Document, Document]) -> bool:
        """Align one file pair's sections (filterfalse keeps nothing)."""
        alignments.append(align_sections(pair[0], pair[1], config.rewrite_link))
        return True

    def blocks(alignment: Alignment) -> bool:
        """Align one file pair's blocks (takewhile goes on)."""
        return block_alignment(alignment, config.rewrite_link) is not None

    list(itertools.filterfalse(sections, documents))
    list(itertools.takewhile(blocks, alignments))


def measure(corpus: Path, stage: str) -> float:
    """The instructions, in millions, of one stage over ``corpus``."""
    out = Path(tempfile.mkdtemp()) / "callgrind.out"
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        f"--toggle-collect={STAGES[stage]}",
        sys.executable,
        __file__,
        "--child",
        str(corpus),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    assert found, result.stderr
    return int(found.group(1)) / 1e6


def main() -> None:
    """Print each stage's instructions for each corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[VUE, BOOK])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_stages(args.corpora[0])
        return
    compileall.compile_dir(REPO / "transcheck", quiet=1)
    for corpus in args.corpora:
        figures = ", ".join(f"{stage} {measure(corpus, stage):,.1f} M" for stage in STAGES)
        print(f"{corpus.name}: {figures}")


if __name__ == "__main__":
    main()
