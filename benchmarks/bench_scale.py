"""Scale run, by hand: a corpus replicated 1x, 5x and 20x, against the parse floor at each size.

``python benchmarks/bench_scale.py [CORPUS] [--sizes 1 5 20] [--jobs N] [--code K]`` (from the
repository root; CORPUS is a folder with en/ and ko/, scaling-book by default; ``--code K``
repeats the body of every fenced code block K times: a code-heavy site built from the corpus).

For each size the corpus's files are copied that many times under distinct names into a temp
tree (benchmarks/trees.py); then, each in a fresh process so memory is measured alone:
- floor: markdown-it-py parsing every file of the tree and nothing else;
- check: ``python -m transcheck check en ko --format json`` (start-up and imports included).
Reported: wall time, peak memory (max RSS of the child), and check/floor. Targets: ratio <= 2.0
at every size, 20x time <= 22x the 1x time, 20x peak memory < 200 MB (issue 16). Last, PR mode:
a git repo of the 20x tree with one chapter changed, checked with ``--changed-since HEAD``
(target < 1 s).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.trees import BOOK, documents, replicate

FLOOR = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark")
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.suffix in (".md", ".mdx", ".markdown"):
        md.parse(path.read_text(encoding="utf-8"))
"""


# Runs a Python command line and prints its own peak RSS (KB) as the last stderr line, so each
# child's memory is measured alone (RUSAGE_CHILDREN keeps the largest child ever seen).
PEAK = """
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    if sys.argv[0] == "-m":
        sys.argv = sys.argv[1:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        code = sys.argv[1]
        sys.argv = [sys.argv[0], *sys.argv[2:]]
        exec(code, {"__name__": "__main__"})
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


# Children cache bytecode as an installed package does (benchmarks/bench_startup.py says why).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one Python child (``command`` starts with python)."""
    start = time.perf_counter()
    done = subprocess.run(
        [command[0], "-c", PEAK, *command[1:]],
        cwd=cwd,
        env=CHILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    return wall, int(done.stderr.strip().splitlines()[-1]) / 1024


def best(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    """The best wall time and the largest peak memory over ``runs`` runs."""
    results = [measure(command, cwd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def pr_mode(tree: Path, extra: list[str]) -> float | None:
    """Wall time of ``--changed-since HEAD`` with one chapter changed in a git repo of ``tree``."""

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=b", "-c", "user.email=b@example.com", *args],
            cwd=tree,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "corpus")
    chapter = tree / "ko" / documents(tree, "ko")[0]
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n추가 문단.\n", encoding="utf-8")
    command = [sys.executable, "-m", "transcheck", "check", "en", "ko", "--changed-since", "HEAD"]
    probe = subprocess.run([*command, "--help"], cwd=tree, capture_output=True, text=True)
    if "--changed-since" not in probe.stdout:
        return None
    return best(command + extra + ["--format", "json"], tree, 3)[0]


def main() -> int:
    """Run every size and print the table (markdown, for benchmarks/README.md)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=BOOK)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--code", type=int, default=1, help="repeat code blocks' bodies K times")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs N to the check")
    args = parser.parse_args()
    extra = ["--jobs", str(args.jobs)] if args.jobs else []
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, best of {args.runs}; {args.corpus.name}, "
        f"code blocks x{args.code}, check {' '.join(extra) or 'with the default --jobs'}"
    )
    print("| size | MB | floor s | check s | ratio | check peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    first: float | None = None
    last_tree: Path | None = None
    with tempfile.TemporaryDirectory() as scratch:
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        for size in args.sizes:
            tree = Path(scratch) / f"x{size}"
            written = replicate(args.corpus, tree, size, args.code)
            floor, _ = best([sys.executable, "-c", FLOOR, str(tree)], tree, args.runs)
            check_command = [sys.executable, "-m", "transcheck", "check", "en", "ko"]
            check, peak = best(check_command + extra + ["--format", "json"], tree, args.runs)
            first = first or check
            print(
                f"| {size}x | {written / 1e6:.1f} | {floor:.2f} | {check:.2f} | "
                f"{check / floor:.2f} | {peak:.0f} |"
            )
            last_tree = tree
        if first is not None and len(args.sizes) > 1:
            print(f"\ntime growth {args.sizes[-1]}x / {args.sizes[0]}x: {check / first:.1f}")
        if last_tree is not None:
            seconds = pr_mode(last_tree, extra)
            shown = "not available (no --changed-since)" if seconds is None else f"{seconds:.2f} s"
            print(f"PR mode, one changed chapter of the {args.sizes[-1]}x tree: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
