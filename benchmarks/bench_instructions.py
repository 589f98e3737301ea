"""Check speed against the parse floor in instructions, which a busy machine does not move.

Run by hand (not a test): ``python benchmarks/bench_instructions.py [CORPUS ...]`` (default: both
shared corpora). Needs ``valgrind``. Each figure is the instructions (Ir) one fresh process
executes under callgrind, with ``PYTHONHASHSEED=0`` and bytecode compiled beforehand:

- floor: markdown-it-py (``MarkdownIt("commonmark")``) parsing every file of the corpus, less a
  process that only imports markdown_it;
- check: ``check_paths(en, ko)`` and the text report, less a process that only makes the same
  imports.

Printed: each count in millions and the check work / floor ratio (issue 16's targets: 2.0 on
vue-docs, 1.5 on scaling-book). Wall-clock ratios are in ``bench_corpus.py``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.trees import BOOK, VUE

REPO = Path(__file__).resolve().parents[1]
_IMPORT_MD = "from markdown_it import MarkdownIt\n"
_IMPORT_CHECK = (
    "from transcheck.api import check_paths\n"
    "from transcheck.config import Config\n"
    "from transcheck.report import FORMATS, RenderOptions\n"
)
_FLOOR = (
    "import sys\nfrom pathlib import Path\nfrom benchmarks.trees import documents\n"
    "c = Path(sys.argv[1])\n"
    "files = [c / s / p for s in ('en', 'ko') for p in documents(c, s)]\n"
    "md = MarkdownIt('commonmark')\n"
    "for f in files:\n    md.parse(f.read_text(encoding='utf-8'))\n"
)
_CHECK = (
    "import sys\nfrom pathlib import Path\nc = Path(sys.argv[1])\n"
    "FORMATS['text'](check_paths(c / 'en', c / 'ko', Config()), RenderOptions())\n"
)
_COLLECTED = re.compile(r"Collected : (\d+)")
_CALLGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]


def instructions(code: str, corpus: Path) -> int:
    """Instructions one fresh interpreter executes running ``code`` with ``corpus`` as argv[1]."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [*_CALLGRIND, sys.executable, "-c", code, str(corpus)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def measure(corpus: Path) -> dict[str, float]:
    """The four counts (millions) of one corpus and the check work / floor ratio."""
    counts = {
        "floor": instructions(_IMPORT_MD + _FLOOR, corpus),
        "floor imports": instructions(_IMPORT_MD, corpus),
        "check": instructions(_IMPORT_CHECK + _CHECK, corpus),
        "check imports": instructions(_IMPORT_CHECK, corpus),
    }
    figures = {name: count / 1e6 for name, count in counts.items()}
    work = figures["check"] - figures["check imports"]
    floor = figures["floor"] - figures["floor imports"]
    return {**figures, "check work": work, "floor work": floor, "ratio": work / floor}


def main() -> None:
    """Measure each corpus given (default both shared corpora) and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[VUE, BOOK])
    args = parser.parse_args()
    compileall.compile_dir(REPO / "transcheck", quiet=1)
    compileall.compile_dir(REPO / "benchmarks", quiet=1)
    for corpus in args.corpus:
        figures = measure(corpus)
        shown = ", ".join(f"{name} {figures[name]:,.0f} M" for name in figures if name != "ratio")
        print(f"{corpus.name}: {shown}; check work / floor {figures['ratio']:.2f}")


if __name__ == "__main__":
    main()
