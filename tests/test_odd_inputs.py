"""Odd but real inputs: an empty English file (no finding at line 0 in any format), a file
name holding a newline (checked and shown escaped), a Korean folder that cannot be listed
(exit 2 naming it, never skipped)."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.report import FORMATS

ENGLISH = "# Guide\n\nRead [the docs](https://example.com/a).\n"
KOREAN = "# 안내\n\n[문서](https://example.com/b)를 읽으세요.\n"


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def _lines_of(name: str, text: str) -> list[int]:
    """Every line number a format writes, by the format's own field names."""
    if name in ("json", "sarif", "rdjson"):
        found: list[int] = []

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("line", "startLine") and value is not None:
                        found.append(value)
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(json.loads(text))
        return found
    patterns = {
        "github": [r"line=(\d+)"],
        "markdown": [r"#L(\d+)", r"\.md:(\d+)"],
        "text": [r"\.md:(\d+)"],
        "html": [r'id="c\d+[ek](\d+)"'],
    }
    return [int(n) for pattern in patterns[name] for n in re.findall(pattern, text)]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_empty_english_file_gives_no_line_0_in_any_format(chdir_tmp: Path, name: str) -> None:
    (chdir_tmp / "en.md").write_text("", encoding="utf-8")
    (chdir_tmp / "ko.md").write_text(KOREAN, encoding="utf-8")
    args = ["en.md", "ko.md", "--format", f"{name}=out", "--link-base", "https://x.example"]
    code, _, err = _check(*args)
    assert code in (0, 1), err
    text = (chdir_tmp / "out").read_text(encoding="utf-8")
    assert all(line >= 1 for line in _lines_of(name, text)), text
    if name == "json":
        extra = [f for f in json.loads(text)["findings"] if f["code"] == "TC102"]
        assert [(f["source"], f["target"]["line"]) for f in extra] == [
            ({"path": "en.md", "line": None}, 1)
        ]


def test_file_name_with_a_newline_is_checked_and_shown_escaped(chdir_tmp: Path) -> None:
    for side, text in (("en", ENGLISH), ("ko", KOREAN)):
        (chdir_tmp / side).mkdir()
        (chdir_tmp / side / "two\nlines.md").write_text(text, encoding="utf-8")
        (chdir_tmp / side / "plain.md").write_text(text, encoding="utf-8")
    code, out, _ = _check("en", "ko", "--format", "json")
    paths = sorted(f["target"]["path"] for f in json.loads(out)["findings"])
    assert (code, paths) == (1, ["ko/plain.md", "ko/two\nlines.md"])
    code, out, _ = _check("en", "ko")
    assert "  en/two\\nlines.md:3 ↔ ko/two\\nlines.md:3  error   TC203 link-changed: " in out
    code, out, _ = _check("en", "ko", "--format", "github")
    assert "::error file=ko/two%0Alines.md,line=3," in out


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder every user can enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="transcheck-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def _as_unprivileged(folder: Path, args: list[str]) -> tuple[int, str]:
    """Run the CLI in a forked child in ``folder``: as ``nobody`` when we are root (root reads
    any folder), else as ourselves. Exit code and stderr, through a pipe."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            os.chdir(folder)
            result = CliRunner().invoke(app, args)
            os.write(write_end, json.dumps([result.exit_code, result.stderr]).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    code, err = json.loads(data)
    return code, err


def test_unreadable_korean_folder_stops_the_run_naming_it(shared_tmp: Path) -> None:
    for side, text in (("en", ENGLISH), ("ko", KOREAN)):
        (shared_tmp / side / "part").mkdir(parents=True)
        (shared_tmp / side / "part" / "a.md").write_text(text, encoding="utf-8")
        (shared_tmp / side / "b.md").write_text(text, encoding="utf-8")
    (shared_tmp / "ko" / "part").chmod(0)
    code, err = _as_unprivileged(shared_tmp, ["check", "en", "ko"])
    assert code == 2
    assert "transcheck: error: ko/part: cannot read this folder: Permission denied" in err
