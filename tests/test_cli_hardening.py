"""Command-line behaviour under misuse: --version, one-line usage errors, NO_COLOR and
FORCE_COLOR, swapped arguments, folders with no common file, shallow clones, --jobs capped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import commit, git, init
from transcheck.cli import app

REPO = Path(__file__).resolve().parents[1]
ENGLISH = "# Guide\n\nRead [the docs](https://example.com/a) before you start the install.\n"
KOREAN = "# 안내\n\n설치를 시작하기 전에 [문서](https://example.com/b)를 읽으세요.\n"


def _tool(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m transcheck ARGS`` as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "transcheck", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def trees(chdir_tmp: Path) -> Path:
    for side, text in (("en", ENGLISH), ("ko", KOREAN)):
        (chdir_tmp / side).mkdir()
        for name in ("a", "b", "c"):
            (chdir_tmp / side / f"{name}.md").write_text(text, encoding="utf-8")
    return chdir_tmp


def test_version_prints_the_installed_version() -> None:
    done = _tool("--version")
    assert (done.returncode, done.stdout) == (0, f"transcheck {version('transcheck')}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--badopt", "en", "ko"), "No such option: --badopt"),
        (("chek", "en", "ko"), "No such command 'chek'."),
        (("check", "en"), "Missing argument 'target'."),
        (("check", "--jobs", "0", "en", "ko"), "Invalid value for '--jobs'"),
    ],
)
def test_usage_errors_are_two_plain_lines(args: tuple[str, ...], message: str) -> None:
    done = _tool(*args)
    lines = done.stderr.splitlines()
    assert done.returncode == 2 and len(lines) == 2, done.stderr
    assert lines[0].startswith(f"transcheck: error: {message}")
    assert re.fullmatch(r"\(see `.*transcheck( \w+)? --help`\)", lines[1])
    assert not set("╭│╰") & set(done.stderr)


@pytest.mark.parametrize(
    ("environ", "flag", "colored"),
    [
        ({}, None, False),  # not a terminal
        ({"FORCE_COLOR": "1"}, None, True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, None, False),
        ({"NO_COLOR": ""}, None, False),  # empty: not set, per no-color.org
        ({"NO_COLOR": "1"}, "--color", True),  # the command line wins
        ({"FORCE_COLOR": "1"}, "--no-color", False),
    ],
)
def test_no_color_and_force_color(
    trees: Path, environ: dict[str, str], flag: str | None, colored: bool
) -> None:
    clean = {"NO_COLOR": None, "FORCE_COLOR": None, **environ}
    args = ["check", "en", "ko", *([flag] if flag else [])]
    result = CliRunner().invoke(app, args, env=clean)
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) is colored


def test_swapped_arguments_stop_with_a_hint(trees: Path) -> None:
    result = CliRunner().invoke(app, ["check", "ko", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the arguments look swapped: the English side ko is " in result.stderr
    assert "give the English source first" in result.stderr
    assert CliRunner().invoke(app, ["check", "ko/a.md", "en/a.md"]).exit_code == 2
    assert CliRunner().invoke(app, ["check", "en", "ko"]).exit_code == 1


def test_folders_without_a_common_file_stop_but_partial_overlap_is_findings(trees: Path) -> None:
    (trees / "other").mkdir()
    (trees / "other" / "x.md").write_text(KOREAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "en", "other"])
    assert result.exit_code == 2
    assert "no file of en has a Korean file in other (such as a.md and x.md)" in result.stderr
    (trees / "other" / "a.md").write_text(KOREAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "en", "other", "--format", "json"])
    assert result.exit_code == 1
    codes = sorted(f["code"] for f in json.loads(result.stdout)["findings"])
    assert codes == ["TC105", "TC105", "TC106", "TC203"]


def test_changed_since_in_a_shallow_clone_says_fetch_depth_0(tmp_path: Path) -> None:
    upstream = init(tmp_path / "upstream")
    for n in range(3):
        commit(upstream, {"en/a.md": ENGLISH + "x" * n, "ko/a.md": KOREAN}, f"c{n}")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", upstream.as_uri(), str(clone))
    done = _tool("check", "en", "ko", "--changed-since", "HEAD~1", cwd=clone)
    assert done.returncode == 2
    assert "shallow clone" in done.stderr and "fetch-depth: 0" in done.stderr


def _children(pid: int) -> int:
    """How many child processes ``pid`` has now."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return len(path.read_text().split())
    except OSError:
        return 0


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_jobs_is_capped_at_cpus_and_pairs(trees: Path) -> None:
    for n in range(12):
        for side, text in (("en", ENGLISH), ("ko", KOREAN)):
            (trees / side / f"p{n}.md").write_text(text * 200, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "transcheck", "check", "en", "ko", "--jobs", "1000"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    most = 0
    while process.poll() is None:
        most = max(most, _children(process.pid))
        time.sleep(0.005)
    assert process.returncode == 1
    assert most <= (os.cpu_count() or 1)


def test_help_reads_docstrings_as_markdown_not_rich_tags() -> None:
    """Help text is Markdown: brackets are text (`pip install 'transcheck[lsp]'` lost its
    `[lsp]` as a rich style tag), and a docstring's wrapped lines are one paragraph."""
    lsp = _tool("lsp", "--help")
    assert lsp.returncode == 0
    assert "transcheck[lsp]" in lsp.stdout
