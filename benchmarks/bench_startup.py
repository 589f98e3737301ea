"""Start-up cost: import time of the CLI and of a one-chapter check, over the bare interpreter.

Run by hand (not a test): ``python benchmarks/bench_startup.py [--runs 7] [--top 25]``. Each of
four commands runs ``--runs`` times with ``python -X importtime`` in a fresh process:

- bare: ``python -c pass`` (the interpreter and site alone);
- version: ``python -m transcheck --version``;
- cli: ``python -c "import transcheck.cli"``;
- check: ``python -m transcheck check`` of the demo's one-chapter pair (data/demo), which also
  imports what building and running the command needs (typer's parameter machinery included).

Bytecode is cached as in an installed package (pip writes .pyc files): the runs use a temporary
``PYTHONPYCACHEPREFIX`` with ``PYTHONDONTWRITEBYTECODE`` unset, after one warm-up run; without
that every run compiles every module of transcheck from source again (about half the time).
For each the best (smallest) total import time is kept, and the best CPU time (user + system) of
the whole process, which a busy machine inflates less than wall time; then each command's cost
over bare, and the modules with the largest own (self) import time in the check, best of the
runs, grouped by top-level package (transcheck by module). Target: version and check - bare
< 150 ms each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAIR = [str(REPO / "data" / "demo" / side / "attention.md") for side in ("en", "ko")]
COMMANDS = {
    "bare": ["-c", "pass"],
    "version": ["-m", "transcheck", "--version"],
    "cli": ["-c", "import transcheck.cli"],
    "check": ["-m", "transcheck", "check", *PAIR, "--format", "json"],
}
TARGET_MS = 150.0


def importtime(args: list[str], cache: str) -> tuple[dict[str, tuple[int, int, int]], float]:
    """Each imported module's (self us, cumulative us, depth) from one ``-X importtime`` run,
    and the run's CPU time in ms; bytecode cached under ``cache``."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        ["/usr/bin/time", "-f", "cpu %U %S", sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    modules = {}
    cpu = 0.0
    for line in done.stderr.splitlines():
        if line.startswith("cpu "):
            cpu = sum(float(part) for part in line.split()[1:]) * 1000
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, total, name = line.split(":", 1)[1].split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        modules[name.strip()] = (int(own), int(total), depth)
    return modules, cpu


def total_ms(modules: dict[str, tuple[int, int, int]]) -> float:
    """The whole import time of a run: the cumulative times of its top-level imports."""
    return sum(total for _, total, depth in modules.values() if depth == 0) / 1000


def group(name: str) -> str:
    """The row a module's own time counts under: its package, or itself within transcheck."""
    top = name.split(".")[0]
    return name if top == "transcheck" else top


def main() -> int:
    """Run the three commands, print best totals, the cost over bare, and the top modules."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    best: dict[str, float] = {}
    cpus: dict[str, float] = {}
    own: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as cache:
        for command in COMMANDS.values():
            importtime(command, cache)  # warm-up: writes the bytecode
        runs = [
            (label, *importtime(command, cache))
            for _ in range(args.runs)
            for label, command in COMMANDS.items()
        ]
    for label, modules, cpu in runs:
        best[label] = min(best.get(label, float("inf")), total_ms(modules))
        cpus[label] = min(cpus.get(label, float("inf")), cpu)
        if label == "check":
            for name, (self_us, _, _) in modules.items():
                own[name] = min(own.get(name, self_us), self_us)
    print(f"best of {args.runs}: import time (ms), CPU time of the process (ms)")
    for label, ms in best.items():
        over = "" if label == "bare" else f"  ({ms - best['bare']:.0f} over bare)"
        cpu_over = "" if label == "bare" else f"  ({cpus[label] - cpus['bare']:.0f} over bare)"
        print(f"  {label:7} imports {ms:7.1f}{over:18} cpu {cpus[label]:7.1f}{cpu_over}")
    grouped: Counter[str] = Counter()
    for name, self_us in own.items():
        grouped[group(name)] += self_us
    print(f"check: own import time by package, best of {args.runs} (ms):")
    for name, self_us in grouped.most_common(args.top):
        print(f"  {self_us / 1000:6.1f} {name}")
    met = all(best[label] - best["bare"] < TARGET_MS for label in ("version", "check"))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
