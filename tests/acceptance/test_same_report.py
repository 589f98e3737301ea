"""The speed work changes no finding: on both shared corpora, the JSON report is the same from a
fresh ``python -m transcheck check`` process with ``--jobs 1`` and with ``--jobs 2`` and from the
library API in this process.

Why these three, and no recorded fixture: a fixture of today's findings would go stale as rules
change. What speed work can break is different: a lazily imported module that registers rules
or dialects (the registry fills as modules are imported) would make a fresh CLI process, which
imports only what the command needs, see other rules than this test process, which has
imported everything; ``--jobs 2`` checks the pairs in worker processes and merges their
findings, cross-chapter rules included; the API is the path the HTML report and the benchmarks
use. Any difference between the three is a finding that the speed work added or lost.
The API also runs keeping only three parsed documents per side (run.DOCUMENTS_KEPT): documents
and alignments dropped and parsed again when a link needs them give the same findings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck import run
from transcheck.api import check_paths
from transcheck.report import FORMATS, RenderOptions

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpus"


def _cli(corpus: Path, jobs: int) -> str:
    """The JSON report of ``check en ko --jobs N`` run in a fresh process inside ``corpus``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "transcheck", "check", "en", "ko", "--format", "json"]
    done = subprocess.run(
        [*command, "--jobs", str(jobs)],
        cwd=corpus,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: an error found (vue-docs has none)
    return done.stdout


@pytest.mark.parametrize("name", ["scaling-book", "vue-docs"])
def test_cli_one_job_two_jobs_and_the_api_give_the_same_json(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = SHARED / name
    if not (corpus / "en").is_dir():
        pytest.skip(f"corpus not found at {corpus}")
    one, two = _cli(corpus, 1), _cli(corpus, 2)
    monkeypatch.chdir(corpus)
    library = FORMATS["json"](check_paths(Path("en"), Path("ko"), jobs=1), RenderOptions())
    monkeypatch.setattr(run, "DOCUMENTS_KEPT", 3)
    dropping = FORMATS["json"](check_paths(Path("en"), Path("ko"), jobs=1), RenderOptions())
    assert one == two == library == dropping
    assert one.count('"code": "TC') > 100  # the corpora have real defects
