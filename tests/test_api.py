"""The public API end to end: the demo's exact findings, bad input that must not stop the run,
and the promise that input files are never written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transcheck import Config, Severity, check_pair, check_paths
from transcheck.api import Report

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"


def located(report: Report) -> list[tuple[str, str | None, int | None, str | None, int | None]]:
    """Findings as (code, English path, line, Korean path, line)."""
    return [
        (f.code, f.source.path, f.source.line, f.target.path, f.target.line)
        for f in report.findings
    ]


def snapshot(root: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry under ``root``: its bytes (or link target) and modification time."""
    state: dict[str, tuple[bytes | str, int]] = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            state[str(path)] = (os.readlink(path), info.st_mtime_ns)
        elif path.is_file():
            state[str(path)] = (path.read_bytes(), info.st_mtime_ns)
    return state


# --- the demo the README runs -------------------------------------------------------------------


def test_demo_findings_are_exactly_its_deliberate_defects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DEMO)
    report = check_paths(Path("en"), Path("ko"), Config())
    en, ko = "en/attention.md", "ko/attention.md"
    assert located(report) == [
        ("TC203", en, 8, ko, 8),  # the arXiv link was changed
        ("TC206", en, 38, ko, 37),  # the figure path lost its hyphen
        ("TC101", en, 40, ko, 39),  # "## Cost" was dropped
        ("TC204", en, 49, ko, 42),  # kept the English anchor of a translated heading
        # kv-cache.md keeps "cache" in English twice where the rest of the tree writes 캐시
        ("TC303", "en/kv-cache.md", 9, "ko/kv-cache.md", 8),
    ]
    messages = [f.message for f in report.findings]
    assert "https://arxiv.org/abs/1706.03763" in messages[0]
    assert "assets/img/multihead.png" in messages[1]
    assert "## Cost" in messages[2]
    assert "#코드로-계산하기" in messages[3]  # the fix: the translated heading's id
    assert messages[4].startswith("'cache' is kept in English here (2× in this file; also line 18)")
    assert report.summary() == {
        "pairs": 2,
        "findings": 5,
        "by_severity": {"error": 4, "warning": 1, "info": 0},
        "by_rule": {"TC101": 1, "TC203": 1, "TC204": 1, "TC206": 1, "TC303": 1},
        "unreadable_files": 0,
        # 6 of 7 paragraphs: "## Cost" is missing
        "translated": {"ko/attention.md": 0.8571, "ko/kv-cache.md": 1.0},
        "suppressed": 0,
        "baseline": None,
    }


def test_demo_translated_anchor_is_accepted() -> None:
    """ko/attention.md:35 links to '#쿼리-키-값', the translated heading's id: no finding there."""
    text = (DEMO / "ko" / "attention.md").read_text(encoding="utf-8")
    assert "(#쿼리-키-값)" in text.splitlines()[34]
    report = check_paths(DEMO / "en", DEMO / "ko", Config(select=("anchor-broken",)))
    assert [f.target.line for f in report.findings] == [42]


# --- bad input ----------------------------------------------------------------------------------


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def bad_trees(chdir_tmp: Path) -> Path:
    """en/ and ko/ with one good pair and one pair for each kind of bad Korean input."""
    write(chdir_tmp / "en/good.md", "# Intro\n\nSee [docs](https://example.com/docs).\n")
    write(chdir_tmp / "ko/good.md", "# 소개\n\n문서를 보세요.\n")
    write(chdir_tmp / "en/legacy.md", "# Legacy\n\nText.\n")
    (chdir_tmp / "ko/legacy.md").write_bytes("# 레거시\n\n한국어 본문입니다.\n".encode("cp949"))
    write(chdir_tmp / "en/front.md", "---\ntitle: Front\n---\n# Front\n")
    write(chdir_tmp / "ko/front.md", '---\ntitle: "앞\nlayout: post\n---\n# 앞\n')
    write(chdir_tmp / "en/empty.md", "# Empty\n\nText.\n")
    write(chdir_tmp / "ko/empty.md", "")
    write(chdir_tmp / "en/gone.md", "# Gone\n")
    (chdir_tmp / "ko/gone.md").symlink_to("nowhere.md")
    return chdir_tmp


def test_bad_input_is_reported_per_file_and_the_rest_is_checked(bad_trees: Path) -> None:
    before = snapshot(bad_trees)
    report = check_paths(Path("en"), Path("ko"), Config())
    assert located(report) == [
        ("TC003", "en/empty.md", 1, "ko/empty.md", 1),
        ("TC002", "en/front.md", None, "ko/front.md", 3),
        ("TC001", "en/gone.md", None, "ko/gone.md", None),
        ("TC201", "en/good.md", 3, "ko/good.md", 3),  # the paragraph translating it
        ("TC001", "en/legacy.md", None, "ko/legacy.md", 1),
    ]
    by_code = {f.code + (f.target.path or ""): f for f in report.findings}
    assert "dangling symlink (to " in by_code["TC001ko/gone.md"].message
    assert "CP949" in by_code["TC001ko/legacy.md"].message
    assert "invalid YAML" in by_code["TC002ko/front.md"].message
    assert report.unreadable == 2
    assert [(error.path, error.line) for error in report.input_errors] == [
        ("ko/gone.md", None),
        ("ko/legacy.md", 1),
    ]
    assert str(report.input_errors[1]).startswith("ko/legacy.md:1: ")
    assert report.summary()["unreadable_files"] == 2
    assert snapshot(bad_trees) == before


def test_unreadable_english_file_is_located_on_the_english_side(chdir_tmp: Path) -> None:
    (chdir_tmp / "en").mkdir()
    (chdir_tmp / "en/a.md").write_bytes(b"# A\n\x00\x00binary\n")
    write(chdir_tmp / "ko/a.md", "# 가\n")
    report = check_paths(Path("en"), Path("ko"), Config())
    assert located(report) == [("TC001", "en/a.md", 2, "ko/a.md", None)]
    assert report.unreadable == 1


def test_ignored_tc001_still_counts_as_unreadable(bad_trees: Path) -> None:
    report = check_paths(Path("en"), Path("ko"), Config(ignore=("TC001",)))
    assert "TC001" not in {f.code for f in report.findings}
    assert report.unreadable == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission(chdir_tmp: Path) -> None:
    write(chdir_tmp / "en/a.md", "# A\n")
    write(chdir_tmp / "ko/a.md", "# 가\n")
    (chdir_tmp / "ko/a.md").chmod(0)
    try:
        report = check_paths(Path("en"), Path("ko"), Config())
    finally:
        (chdir_tmp / "ko/a.md").chmod(0o644)
    assert located(report) == [("TC001", "en/a.md", None, "ko/a.md", None)]
    assert "Permission denied" in report.findings[0].message


# --- check_pair: two strings, no files ----------------------------------------------------------


def test_check_pair_on_strings() -> None:
    english = "# Title\n\n## Setup\n\nRun [the tool](https://example.com).\n\n## Usage\n\nText.\n"
    korean = "# 제목\n\n## 설정\n\n[도구](https://example.org)를 실행합니다.\n"
    findings = check_pair(english, korean, source_path="en/x.md", target_path="ko/x.md")
    assert [(f.code, f.source.line, f.target.line) for f in findings] == [
        ("TC203", 5, 5),
        ("TC101", 7, 5),
    ]
    assert findings[0].source.path == "en/x.md"
    assert findings[0].target.path == "ko/x.md"
    assert findings[0].severity is Severity.ERROR
