"""The reading policy, through the real CLI on real files: only regular files inside the tree
roots are read; symlinks out of the tree, devices, FIFOs and oversized files are refused with a
clear TC001 finding and never opened; a pair that runs past its time budget is reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.gitrepos import commit, init
from transcheck.budget import OverBudget, time_budget
from transcheck.parse import InputError, read_markdown

ENGLISH = "# Title\n\nHello, and welcome to the [docs](https://example.com).\n"
KOREAN = "# 제목\n\n[문서](https://example.com)에 오신 것을 환영합니다.\n"
SECRET = "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu\n"


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m transcheck ARGS`` in ``root``, with a timeout: a FIFO that was opened would
    fail the test instead of hanging it."""
    return subprocess.run(
        [sys.executable, "-m", "transcheck", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )


def _run(root: Path, *args: str) -> tuple[int, dict[str, dict[str, object]], str]:
    """``transcheck check ARGS --format json`` in ``root``: exit code, findings by Korean path,
    stdout + stderr."""
    result = _cli(root, "check", *args, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    by_path = {f["target"]["path"] or f["source"]["path"]: f for f in findings}
    return result.returncode, by_path, result.stdout + result.stderr


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """en/ and ko/ with a clean pair, a .git/config holding a secret, and English files for the
    hostile Korean ones each test adds."""
    for name in ("good", "odd", "other"):
        (tmp_path / "en").mkdir(exist_ok=True)
        (tmp_path / "en" / f"{name}.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ko").mkdir()
    (tmp_path / "ko" / "good.md").write_text(KOREAN, encoding="utf-8")
    (tmp_path / "ko" / "other.md").write_text(KOREAN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(SECRET, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("target", ["../.git/config", "/etc/passwd", "/dev/zero", "/dev/urandom"])
def test_symlink_out_of_the_tree_is_refused_and_never_read(book: Path, target: str) -> None:
    (book / "ko" / "odd.md").symlink_to(target)
    code, findings, output = _run(book, "en", "ko")
    refused = findings["ko/odd.md"]
    assert (code, refused["code"]) == (2, "TC001")
    assert f"symlink to {target}: resolves outside its tree ko" in str(refused["message"])
    assert "c2VjcmV0" not in output and "root:" not in output
    assert "ko/good.md" not in findings  # the other pairs are still checked


def test_symlink_given_as_a_file_argument_is_refused_too(book: Path) -> None:
    (book / "ko" / "odd.md").symlink_to("../.git/config")
    code, findings, output = _run(book, "en/odd.md", "ko/odd.md")
    assert code == 2 and "outside its tree" in str(findings["ko/odd.md"]["message"])
    assert "c2VjcmV0" not in output


def test_fifo_and_socket_are_refused_without_opening(book: Path) -> None:
    os.mkfifo(book / "ko" / "odd.md")  # opening it for reading would block: the run would hang
    code, findings, _ = _run(book, "en", "ko")
    assert code == 2
    assert findings["ko/odd.md"]["message"] == "a FIFO (named pipe), not a regular file; not read"


def test_dangling_symlink_is_named(book: Path) -> None:
    (book / "ko" / "odd.md").symlink_to("gone.md")
    code, findings, _ = _run(book, "en", "ko")
    assert code == 2
    assert findings["ko/odd.md"]["message"] == "dangling symlink (to gone.md); not read"


@pytest.mark.parametrize("form", ["json", "sarif", "github", "rdjson", "markdown"])
def test_symlink_loop_is_named_and_every_format_still_renders(book: Path, form: str) -> None:
    (book / "ko" / "odd.md").symlink_to("loop.md")
    (book / "ko" / "loop.md").symlink_to("odd.md")
    result = _cli(book, "check", "en", "ko", "--format", form)
    assert result.returncode == 2, result.stderr
    assert "ko/odd.md: symlink loop (to loop.md); not read" in result.stderr
    assert "internal error" not in result.stderr and result.stdout  # the report was written


def test_symlink_loop_given_as_an_argument_is_named(book: Path) -> None:
    (book / "ko" / "odd.md").symlink_to("odd.md")
    result = _cli(book, "check", "en/odd.md", "ko/odd.md", "--output", "report.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == "transcheck: error: ko/odd.md: symlink loop (to odd.md)"


def test_symlink_inside_the_tree_is_followed(book: Path) -> None:
    (book / "ko" / "shared").mkdir()
    (book / "ko" / "shared" / "text.md").write_text(KOREAN, encoding="utf-8")
    (book / "ko" / "odd.md").symlink_to("shared/text.md")
    (book / "en" / "shared").mkdir()
    (book / "en" / "shared" / "text.md").write_text(ENGLISH, encoding="utf-8")
    code, findings, _ = _run(book, "en", "ko")
    assert (code, findings) == (0, {})


def test_file_over_the_size_limit_is_refused_and_names_the_key(book: Path) -> None:
    (book / ".transcheck.yaml").write_text("limits:\n  file_bytes: 1000\n", encoding="utf-8")
    (book / "ko" / "odd.md").write_text(KOREAN + "가나다 " * 400, encoding="utf-8")
    code, findings, _ = _run(book, "en", "ko")
    assert code == 2
    assert findings["ko/odd.md"]["message"] == (
        "file is 4,074 bytes, over the limit of 1,000 bytes per file; not read (raise the config "
        "key limits.file_bytes to check it)"
    )


def test_read_markdown_stops_at_the_limit_on_a_growing_file(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"# a\n" * 300)
    with pytest.raises(InputError) as caught:
        read_markdown(path, "big.md", limit=1000)
    assert "over the limit" in caught.value.message and "limits.file_bytes" in caught.value.message
    assert read_markdown(path, "big.md", limit=1200).count("# a") == 300


def test_a_pair_over_its_time_budget_is_reported_and_the_run_goes_on(book: Path) -> None:
    (book / ".transcheck.yaml").write_text("limits:\n  pair_seconds: 0.000001\n", "utf-8")
    (book / "ko" / "odd.md").write_text(KOREAN, encoding="utf-8")
    code, findings, _ = _run(book, "en", "ko")
    assert code == 2
    assert all("limits.pair_seconds" in str(f["message"]) for f in findings.values())
    assert set(findings) == {"ko/good.md", "ko/odd.md", "ko/other.md"}


def test_time_budget_interrupts_python_code_and_restores_the_alarm() -> None:
    started = time.monotonic()
    with pytest.raises(OverBudget), time_budget(0.05):
        while True:
            pass
    assert time.monotonic() - started < 5
    with time_budget(5):
        pass  # a finished body leaves no alarm armed
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_source_rev_symlink_out_of_the_tree_is_refused(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    commit(repo, {"en/a.md": ENGLISH, "ko/a.md": KOREAN, "ko/b.md": KOREAN}, "start")
    (repo / "en" / "b.md").symlink_to(tmp_path / "secret.md")
    (tmp_path / "secret.md").write_text(SECRET, encoding="utf-8")
    commit(repo, {}, "link")
    code, findings, output = _run(repo, "--source-rev", "HEAD", "en", "ko")
    assert code == 2 and "c2VjcmV0" not in output
    refused = findings["ko/b.md"]
    assert refused["source"] == {"path": "HEAD:en/b.md", "line": None}
    assert "outside its tree" in str(refused["message"])


def test_named_files_must_be_regular_files_within_the_limit(book: Path) -> None:
    """A config may name a glossary anywhere, but /dev/zero or a FIFO is refused, not read."""
    (book / ".transcheck.yaml").write_text("glossary:\n  files: [/dev/zero]\n", "utf-8")
    done = _cli(book, "check", "en", "ko")
    assert done.returncode == 2
    assert "/dev/zero: cannot read: a character device, not a regular file" in done.stderr
    (book / ".transcheck.yaml").unlink()
    os.mkfifo(book / "pipe")
    done = _cli(book, "check", "en", "ko", "--baseline", "pipe")
    assert done.returncode == 2 and "pipe: cannot read baseline: a FIFO" in done.stderr
    done = _cli(book, "glossary", "import", "pipe")
    assert done.returncode == 2 and "a FIFO (named pipe), not a regular file" in done.stderr


def test_align_and_glossary_stats_follow_the_same_policy(book: Path) -> None:
    (book / "ko" / "odd.md").symlink_to("../.git/config")
    done = _cli(book, "align", "en/odd.md", "ko/odd.md")
    assert done.returncode == 2 and "outside its tree" in done.stderr
    done = _cli(book, "glossary", "stats", "en", "ko")
    assert "ko/odd.md: symlink to ../.git/config: resolves outside its tree" in done.stderr
    assert "c2VjcmV0" not in done.stdout + done.stderr
