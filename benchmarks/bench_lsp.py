"""The language server's latency and memory: ``transcheck lsp`` started over stdio by pygls'
client, with both corpora open.

For the largest Korean chapter of each corpus (by bytes), with its tree already indexed: the time
from sending an unsaved change (``didChange``) to the diagnostics published for that version,
less the server's 300 ms debounce (what a translator waits once they pause). Then the server's
resident and peak memory (``/proc``) with both trees indexed and both chapters open.

    python benchmarks/bench_lsp.py                      # ../shared/corpus/{scaling-book,vue-docs}
    python benchmarks/bench_lsp.py CORPUS... --runs 9   # folders that hold en/ and ko/

Exits 1 when the median latency of a chapter is over the 200 ms target.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.lsp.session import Session, session
from transcheck.lsp.server import DEBOUNCE_SECONDS

HERE = Path(__file__).resolve().parents[1]
CORPORA = [HERE.parent / "shared" / "corpus" / name for name in ("scaling-book", "vue-docs")]
TARGET_MS = 200.0


def largest(corpus: Path) -> Path:
    """The largest Korean Markdown file of a corpus."""
    files = [p for p in (corpus / "ko").rglob("*") if p.suffix in (".md", ".mdx")]
    return max(files, key=lambda p: p.stat().st_size)


def memory(pid: int) -> tuple[int, int]:
    """Resident and peak resident memory of a process, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used (user and system), in seconds: unlike the latency, it
    hardly moves with the load other jobs put on the machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def latency(client: Session, chapter: Path, runs: int) -> tuple[list[float], float]:
    """Milliseconds from each change to its diagnostics, less the debounce; and the server's
    CPU milliseconds per change."""
    uri = chapter.as_uri()
    text = chapter.read_text(encoding="utf-8")
    times = []
    assert client.pid is not None
    used = cpu_seconds(client.pid)
    for run in range(runs):
        sent = time.perf_counter()
        # a new text each time (a numbered line added at the end), as typing makes
        version = client.change(uri, f"{text}\n새 줄 {run}\n")
        arrived, _ = await client.diagnostics(uri, lambda found: True, 120, version)
        times.append((arrived - sent - DEBOUNCE_SECONDS) * 1000)
    return times, (cpu_seconds(client.pid) - used) * 1000 / runs


async def main(corpora: list[Path], runs: int) -> int:
    root = Path(os.path.commonpath([str(c) for c in corpora]))
    failed = 0
    async with session(root) as client:
        chapters = [largest(c) for c in corpora]
        for chapter in chapters:  # open each once: its tree is paired and indexed
            client.open(chapter)
        started = time.perf_counter()
        for corpus in corpora:
            line = await client.logged_line(f"of {corpus / 'ko'} in", 600)
            print(line)
        print(f"both trees indexed {time.perf_counter() - started:.1f} s after opening")
        for chapter in chapters:
            times, cpu = await latency(client, chapter, runs)
            median = statistics.median(times)
            failed += median > TARGET_MS
            print(
                f"{chapter.relative_to(root)} ({chapter.stat().st_size // 1024} KB): change -> "
                f"diagnostics {median:.0f} ms median, {min(times):.0f}-{max(times):.0f} ms "
                f"over {runs} changes (debounce of {DEBOUNCE_SECONDS * 1000:.0f} ms left out); "
                f"server CPU {cpu:.0f} ms per change"
            )
        assert client.pid is not None
        rss, peak = memory(client.pid)
        print(f"server memory with both trees indexed and open: {rss} MB resident, peak {peak} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=CORPORA)
    parser.add_argument("--runs", type=int, default=9)
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.corpora, arguments.runs)))
