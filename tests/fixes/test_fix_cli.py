"""``check --fix``, ``--unsafe-fixes`` and ``--diff`` through the command line, on real trees:
what is written (only the fixed spans of Korean files, line ends and BOM kept), what is
reported, exit codes, and a second run that changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import write
from transcheck.cli import app

RUNNER = CliRunner()

ENGLISH = """# Guide

See [setup](#setup-and-install), [usage](../usage) and [JAX](https://jax.readthedocs.io).

## Setup and Install

A total of $$2 \\cdot 8 = 16$$ FLOPs.
"""
# CRLF line ends and a BOM; three safe fixes (anchor, chapter link, $$) and one unsafe (URL).
KOREAN = (
    "\ufeff# 안내\r\n\r\n[설치](#setup-and-install), [사용법](../usage-kr), "
    "[JAX](https://jax.readthedocs.org)를 보세요.\r\n\r\n## 설정과 설치\r\n\r\n"
    "총 $2 \\cdot 8 = 16$ FLOP입니다.\r\n"
)
FIXED = (
    "\ufeff# 안내\r\n\r\n[설치](#설정과-설치), [사용법](../usage), "
    "[JAX](https://jax.readthedocs.org)를 보세요.\r\n\r\n## 설정과 설치\r\n\r\n"
    "총 $$2 \\cdot 8 = 16$$ FLOP입니다.\r\n"
)


@pytest.fixture
def project(chdir_tmp: Path) -> Path:
    files = {
        "en/guide.md": ENGLISH,
        "en/usage.md": "# Usage\n\nRun it.\n",
        "ko/guide.md": KOREAN,
        "ko/usage.md": "# 사용법\n\n실행합니다.\n",
    }
    for rel, text in files.items():
        path = chdir_tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return chdir_tmp


def check(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, ["check", "en", "ko", "--select", "TC2,TC6", *args])
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def test_fix_applies_safe_fixes_keeps_crlf_and_bom_and_a_second_run_is_a_no_op(
    project: Path,
) -> None:
    english = snapshot(project / "en")
    code, out, err = check("--fix")
    assert (project / "ko" / "guide.md").read_bytes() == FIXED.encode("utf-8")
    assert snapshot(project / "en") == english
    assert "fixed 3 findings in 1 file (TC204 1, TC205 1, TC602 1)" in err
    assert "1 remain, 1 of them fixable with --unsafe-fixes" in err
    assert "TC203 link-changed" in out and "TC204" not in out  # what remains is reported
    assert code == 1
    again = snapshot(project)
    code, _, err = check("--fix")
    assert "fixed 0 findings; 1 remain" in err
    assert snapshot(project) == again


def test_unsafe_fixes_apply_the_rest(project: Path) -> None:
    code, out, err = check("--fix", "--unsafe-fixes")
    assert code == 0, out + err
    text = (project / "ko" / "guide.md").read_bytes().decode("utf-8")
    assert text == FIXED.replace("readthedocs.org", "readthedocs.io")


def test_diff_prints_the_fixes_and_writes_nothing(project: Path) -> None:
    before = snapshot(project)
    code, out, err = check("--diff")
    assert code == 1
    assert snapshot(project) == before
    assert out.startswith("--- a/ko/guide.md\n+++ b/ko/guide.md\n")
    assert "-[설치](#setup-and-install), [사용법](../usage-kr)," in out
    assert "+[설치](#설정과-설치), [사용법](../usage)," in out
    assert "would fix 3 findings in 1 file" in err
    check("--fix")
    code, out, err = check("--diff")
    assert (code, out) == (0, "")
    assert "nothing to fix" in err


def test_a_read_only_korean_file_is_an_error_and_the_others_are_fixed(project: Path) -> None:
    (project / "en" / "other.md").write_text("# Other\n\n[setup](#setup)\n\n## Setup\n", "utf-8")
    (project / "ko" / "other.md").write_text(
        "# 기타\n\n[설치](#setup)\n\n## 설정\n", encoding="utf-8"
    )
    os.chmod(project / "ko" / "guide.md", 0o444)
    code, _, err = check("--fix")
    assert code == 2
    assert "ko/guide.md: read-only file; not fixed" in err
    assert (project / "ko" / "guide.md").read_bytes() == KOREAN.encode("utf-8")
    assert (project / "ko" / "other.md").read_text(
        encoding="utf-8"
    ) == "# 기타\n\n[설치](#설정)\n\n## 설정\n"


def test_fix_and_diff_together_are_a_usage_error(project: Path) -> None:
    code, _, err = check("--fix", "--diff")
    assert code == 2
    assert "give one of them" in err


def test_the_text_report_marks_fixable_findings(project: Path) -> None:
    _, out, _ = check()
    assert "TC204 anchor-broken [*]:" in out
    assert "TC203 link-changed:" in out  # unsafe: no mark
    assert "[*] 3 fixable with --fix (1 more with --fix --unsafe-fixes)" in out


def test_fixes_are_the_same_from_worker_processes(project: Path) -> None:
    for n in range(4):
        (project / "en" / f"p{n}.md").write_text(f"# P\n\n[x](#p)\n\n## P {n}\n", "utf-8")
        (project / "ko" / f"p{n}.md").write_text(f"# 피\n\n[x](#p)\n\n## 피 {n}\n", "utf-8")
    serial = check("--format", "json", "--jobs", "1")[1]
    parallel = check("--format", "json", "--jobs", "2")[1]
    assert '"fix": {' in serial
    assert parallel == serial


# An English chapter whose Korean keeps the ids of two headings and loses the third's.
PREVIOUS_VALUE = "# Computed\n\n## Basic Example\n\nCached.\n\n## Previous Value\n\nThe old one.\n"


@pytest.mark.parametrize(
    ("written", "lost"),
    [
        ("{#basic-example}", "{#previous-value}"),  # VitePress, Docusaurus, Hugo, kramdown
        ("{ #basic-example }", "{ #previous-value }"),  # MkDocs attr_list
        ("{/*basic-example*/}", "{/*previous-value*/}"),  # react.dev MDX
    ],
)
def test_a_lost_heading_id_is_written_back_in_the_files_own_form(
    chdir_tmp: Path, written: str, lost: str
) -> None:
    korean = (
        f"# 계산된 속성 {written.replace('basic-example', 'computed')}\n\n"
        f"## 기본 예제 {written}\n\n캐시됩니다.\n\n## 이전 값\n\n이전 값입니다.\n"
    )
    write(chdir_tmp, {"en/a.md": PREVIOUS_VALUE, "ko/a.md": korean})
    result = RUNNER.invoke(app, ["check", "en", "ko", "--select", "TC208", "--fix"])
    assert result.exit_code == 0, result.stdout
    assert "fixed 1 finding in 1 file (TC208 1)" in result.stderr
    fixed = (chdir_tmp / "ko/a.md").read_text(encoding="utf-8")
    assert fixed == korean.replace("## 이전 값\n", f"## 이전 값 {lost}\n")


def test_a_lost_heading_id_after_closing_hashes_is_reported_without_a_fix(chdir_tmp: Path) -> None:
    # '## 이전 값 ##' with '{#id}' appended would show its closing '##' as text: no fix.
    korean = (
        "# 계산 {#computed}\n\n## 기본 예제 {#basic-example}\n\n캐시.\n\n"
        "## 이전 값 ##\n\n이전 값.\n"
    )
    write(chdir_tmp, {"en/a.md": PREVIOUS_VALUE, "ko/a.md": korean})
    result = RUNNER.invoke(app, ["check", "en", "ko", "--select", "TC208", "--fix"])
    assert result.exit_code == 0, result.stdout  # a warning: below the default --fail-on
    assert "TC208 heading-id-missing:" in result.stdout and "[*]" not in result.stdout
    assert (chdir_tmp / "ko/a.md").read_text(encoding="utf-8") == korean
