"""The pre-commit hook: run its entry the way pre-commit does, and through ``pre-commit
try-repo`` itself when pre-commit is installed (it builds the hook from this repository's
committed HEAD in a fresh virtual environment)."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.gitrepos import commit, git, init

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository holding the demo pair (four defects) and a text file."""
    root = init(tmp_path / "project")
    files = {
        "en/attention.md": (DEMO / "en" / "attention.md").read_text(encoding="utf-8"),
        "ko/attention.md": (DEMO / "ko" / "attention.md").read_text(encoding="utf-8"),
        "notes.txt": "not Markdown\n",
    }
    commit(root, files, "demo")
    return root


def hook(name: str = "transcheck") -> dict[str, object]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["transcheck", "transcheck-fix"]
    return dict(next(h for h in hooks if h["id"] == name))


def run_like_pre_commit(root: Path, spec: dict[str, object]) -> subprocess.CompletedProcess[str]:
    """What pre-commit runs: the entry split like a shell would, the hook's args, and the
    matching files unless pass_filenames is off; the console script comes from this venv."""
    files = [f for f in git(root, "ls-files").split() if re.search(str(spec["files"]), f)]
    assert files == ["en/attention.md", "ko/attention.md"]
    command = shlex.split(str(spec["entry"])) + [str(a) for a in spec["args"]]  # type: ignore[attr-defined]
    if spec.get("pass_filenames", True):
        command += files
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        command, cwd=root, capture_output=True, text=True, env={**os.environ, "PATH": path}
    )


def test_hook_entry_runs_as_pre_commit_would(project: Path) -> None:
    spec = hook()
    assert spec["language"] == "python"
    assert spec["pass_filenames"] is False
    result = run_like_pre_commit(project, spec)
    assert result.returncode == 1
    assert "ko/attention.md:8  error   TC203 link-changed" in result.stdout
    fixed = (DEMO / "en" / "attention.md").read_text(encoding="utf-8")
    (project / "ko" / "attention.md").write_text(fixed, encoding="utf-8")
    assert run_like_pre_commit(project, spec).returncode == 0


def test_fix_hook_applies_the_safe_fixes_and_fails_on_what_remains(project: Path) -> None:
    spec = hook("transcheck-fix")
    assert spec["entry"] == "transcheck check --fix"
    english = (project / "en" / "attention.md").read_bytes()
    result = run_like_pre_commit(project, spec)
    assert result.returncode == 1  # the section and the changed URL need a translator
    assert "fixed 2 findings in 1 file (TC204 1, TC206 1)" in result.stderr
    korean = (project / "ko" / "attention.md").read_text(encoding="utf-8")
    assert "(#코드로-계산하기)" in korean and 'path="assets/img/multi-head.png"' in korean
    assert (project / "en" / "attention.md").read_bytes() == english
    assert "ko/attention.md" in git(project, "status", "--porcelain")


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit not installed"
)
@pytest.mark.skipif(not (REPO / ".git").exists(), reason="not a git checkout")
def test_pre_commit_try_repo(project: Path, tmp_path: Path) -> None:
    clone = tmp_path / "transcheck"
    git(tmp_path, "clone", "-q", str(REPO), str(clone))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(clone), "transcheck"]
    failing = subprocess.run(
        [*command, "--all-files"], cwd=project, capture_output=True, text=True, env=env
    )
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "ko/attention.md:37  error   TC206 image-mismatch" in failing.stdout
    english = (DEMO / "en" / "attention.md").read_text(encoding="utf-8")
    (project / "ko" / "attention.md").write_text(english, encoding="utf-8")
    passing = subprocess.run(
        [*command, "--all-files"], cwd=project, capture_output=True, text=True, env=env
    )
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert re.search(r"transcheck\.+Passed", passing.stdout)
