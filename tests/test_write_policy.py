"""The writing policy: reports and baselines go to regular files atomically, and to pipes,
FIFOs, /dev/stdout, /dev/fd/N (process substitution) and character devices as streams, in
place; a symlink, folder or special file is never replaced by a regular file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app

REPO = Path(__file__).resolve().parents[1]
ENGLISH = "# Guide\n\nRead [the docs](https://example.com/a).\n"
KOREAN = "# 안내\n\n[문서](https://example.com/b)를 읽으세요.\n"  # one link-changed finding


@pytest.fixture
def trees(chdir_tmp: Path) -> Path:
    for side, text in (("en", ENGLISH), ("ko", KOREAN)):
        (chdir_tmp / side).mkdir()
        (chdir_tmp / side / "guide.md").write_text(text, encoding="utf-8")
    return chdir_tmp


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "en", "ko", *args])
    return result.exit_code, result.stderr


def _findings(text: str) -> list[str]:
    return [finding["code"] for finding in json.loads(text)["findings"]]


def test_regular_file_is_replaced_atomically(trees: Path) -> None:
    target = trees / "out.json"
    target.write_text("old report")
    before = target.stat().st_ino
    assert _check("--format", "json", "--output", "out.json")[0] == 1
    assert _findings(target.read_text()) == ["TC203"]
    assert target.stat().st_ino != before  # a new file renamed over the old one
    assert sorted(p.name for p in trees.iterdir()) == ["en", "ko", "out.json"]


def test_fifo_is_written_as_a_stream_and_stays_a_fifo(trees: Path) -> None:
    fifo = trees / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _ = _check("--format", f"json={fifo}")
    reader.join(timeout=30)
    assert code == 1 and _findings(received[0].decode()) == ["TC203"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("template", ["/dev/fd/{fd}", "/proc/self/fd/{fd}"])
def test_open_descriptor_is_written_in_place(trees: Path, template: str) -> None:
    read_end, write_end = os.pipe()
    try:
        code, _ = _check("--format", "json=" + template.format(fd=write_end))
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        assert code == 1 and _findings(stream.read().decode()) == ["TC203"]


def _shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_process_substitution_and_dev_stdout(trees: Path) -> None:
    tool = f"{sys.executable} -m transcheck check en ko"
    done = _shell(f"{tool} --format json=>(cat > sub.json); code=$?; wait $!; exit $code", trees)
    assert done.returncode == 1, done.stderr
    assert _findings((trees / "sub.json").read_text()) == ["TC203"]
    (trees / "log.txt").write_text("earlier line\n")
    done = _shell(f"{tool} --format json -o /dev/stdout >> log.txt", trees)
    assert done.returncode == 1, done.stderr
    log = (trees / "log.txt").read_text()
    assert log.startswith("earlier line\n{")  # appended as `>>` asked, not replaced
    assert _findings(log.partition("\n")[2]) == ["TC203"]


def test_character_device_is_not_replaced(trees: Path) -> None:
    assert _check("--format", "sarif=/dev/null")[0] == 1
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_symlink_is_refused_and_its_target_untouched(trees: Path) -> None:
    (trees / "elsewhere.txt").write_text("precious\n")
    (trees / "out.json").symlink_to("elsewhere.txt")
    code, err = _check("--format", "json=out.json")
    assert code == 2
    assert "out.json: cannot write: is a symlink (to elsewhere.txt)" in err
    assert (trees / "out.json").is_symlink()
    assert (trees / "elsewhere.txt").read_text() == "precious\n"


def test_baseline_symlink_and_folder_are_refused(trees: Path) -> None:
    (trees / "target.json").write_text("{}")
    (trees / "baseline.json").symlink_to("target.json")
    code, err = _check("--baseline", "baseline.json", "--update-baseline")
    assert code == 2 and "is a symlink" in err
    assert (trees / "target.json").read_text() == "{}"
    (trees / "folder").mkdir()
    code, err = _check("--format", "json=folder")
    assert code == 2 and "folder: cannot write: is a folder; not written" in err
