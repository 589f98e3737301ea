"""Mutation tests: copy the corpus trees, damage one Korean chapter in one known way, and expect
exactly one new finding (or the pinned moves) at the exact lines on both sides, and nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.findings import Finding, Location

FAMILIES = ("TC0", "TC1", "TC2")
CHAPTER = "tpus.md"
# What the untouched chapter gives: the English source's own broken anchors, nothing else.
BASELINE = [
    ("TC207", "en/tpus.md:103", "ko/tpus.md:103"),
    ("TC207", "en/tpus.md:98", "ko/tpus.md:98"),
]

Row = tuple[str, str | None, str | None]


@pytest.fixture
def root(tmp_path: Path, corpus: Path) -> Path:
    """A writable copy of both corpus trees, so chapter links still resolve."""
    for side in ("en", "ko"):
        shutil.copytree(corpus / side, tmp_path / side)
    return tmp_path


def _where(location: Location, root: Path) -> str | None:
    if location.path is None:
        return None
    relative = Path(location.path).resolve().relative_to(root.resolve()).as_posix()
    return f"{relative}:{location.line}" if location.line else relative


def check(root: Path) -> tuple[list[Row], list[Finding]]:
    """The structure and link findings of the chapter pair, as sorted rows and as findings."""
    report = check_paths(root / "en" / CHAPTER, root / "ko" / CHAPTER, Config(select=FAMILIES))
    found = list(report.findings)
    rows = sorted((f.code, _where(f.source, root), _where(f.target, root)) for f in found)
    return rows, found


def mutate(root: Path, change: Callable[[list[str]], list[str]]) -> None:
    """Rewrite the Korean chapter's lines through ``change``."""
    path = root / "ko" / CHAPTER
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


def replace_on(line: int, old: str, new: str) -> Callable[[list[str]], list[str]]:
    """A change that replaces ``old`` by ``new`` on one 1-based line (which must contain it)."""

    def change(lines: list[str]) -> list[str]:
        assert old in lines[line - 1], lines[line - 1][:120]
        lines[line - 1] = lines[line - 1].replace(old, new)
        return lines

    return change


def block(lines: list[str], first: int, heading: str, end: int) -> list[str]:
    """Lines ``first``..``end - 1`` (1-based), checking that the block starts at ``heading``."""
    assert lines[first - 1] == heading
    return lines[first - 1 : end - 1]


def message(found: list[Finding], code: str) -> str:
    (only,) = [f.message for f in found if f.code == code]
    return only


def test_the_untouched_chapter_gives_only_the_source_defects(root: Path) -> None:
    assert check(root)[0] == BASELINE


def test_deleted_korean_section(root: Path) -> None:
    def drop_appendix_a(lines: list[str]) -> list[str]:
        block(lines, 306, "### 부록 A: GPU에 대한 모든 것", 336)
        return lines[:305] + lines[335:]

    mutate(root, drop_appendix_a)
    rows, found = check(root)
    assert rows == sorted([*BASELINE, ("TC101", "en/tpus.md:306", "ko/tpus.md:306")])
    text = message(found, "TC101")
    assert "'### Appendix A: All about GPUs'" in text
    assert "insert it before '### 부록 B: Systolic array는 어떻게 작동하는가?'" in text


def test_changed_url(root: Path) -> None:
    mutate(
        root,
        replace_on(143, "https://arxiv.org/pdf/2208.10041", "https://arxiv.org/pdf/2208.10014"),
    )
    rows, found = check(root)
    assert rows == sorted([*BASELINE, ("TC203", "en/tpus.md:143", "ko/tpus.md:143")])
    assert "should point to 'https://arxiv.org/pdf/2208.10041'" in message(found, "TC203")


def test_broken_anchor(root: Path) -> None:
    translated = "#부록-b-systolic-array는-어떻게-작동하는가"
    mutate(root, replace_on(94, translated, "#appendix-b-how-does-a-systolic-array-work"))
    rows, found = check(root)
    assert rows == sorted([*BASELINE, ("TC204", "en/tpus.md:94", "ko/tpus.md:94")])
    text = message(found, "TC204")
    assert "#appendix-b-how-does-a-systolic-array-work" in text
    assert f"write '{translated}'" in text


def test_changed_figure_path(root: Path) -> None:
    mutate(root, replace_on(123, "assets/img/tpu-bandwidth.png", "assets/img/tpu-bandwidth-ko.png"))
    rows, found = check(root)
    assert rows == sorted([*BASELINE, ("TC206", "en/tpus.md:123", "ko/tpus.md:123")])
    assert "should be 'assets/img/tpu-bandwidth.png'" in message(found, "TC206")


def test_two_adjacent_sections_swapped(root: Path) -> None:
    def swap(lines: list[str]) -> list[str]:
        takeaways = block(lines, 167, "## 핵심 내용", 209)
        problems = block(lines, 209, "## 연습 문제", 304)
        return lines[:166] + problems + takeaways + lines[303:]

    mutate(root, swap)
    rows, _ = check(root)
    moved = [row for row in rows if row[0] == "TC104"]
    assert [row for row in rows if row[0] != "TC104"] == BASELINE
    # "## 연습 문제" now starts at 167, "## 핵심 내용" at 167 + 95; moving either one restores order
    assert len(moved) == 1
    assert moved[0] in {
        ("TC104", "en/tpus.md:209", "ko/tpus.md:167"),
        ("TC104", "en/tpus.md:167", "ko/tpus.md:262"),
    }


def test_section_moved_far_is_the_one_reported(root: Path) -> None:
    def move_networking_down(lines: list[str]) -> list[str]:
        networking = block(lines, 135, "## TPU Networking", 167)
        return lines[:134] + lines[166:303] + networking + lines[303:]

    mutate(root, move_networking_down)
    rows, found = check(root)
    # the 137 lines of "## 핵심 내용" and "## 연습 문제" move up by 32: networking starts at 272
    assert rows == sorted([*BASELINE, ("TC104", "en/tpus.md:135", "ko/tpus.md:272")])
    assert "move it after '## TPU란 무엇인가?'" in message(found, "TC104")


def test_formula_left_open_is_reported_at_its_line(root: Path) -> None:
    mutate(root, replace_on(243, r"\simeq 61,000$$", r"\simeq 61,000"))
    report = check_paths(root / "en" / CHAPTER, root / "ko" / CHAPTER, Config(select=("TC605",)))
    rows = [(f.code, _where(f.source, root), _where(f.target, root)) for f in report.findings]
    assert rows == [("TC605", "en/tpus.md:209", "ko/tpus.md:243")]


def test_a_term_kept_in_english_twice_is_one_glossary_finding(root: Path) -> None:
    # tpus.md writes 대역폭 for "bandwidth" throughout; two lines now keep the English word
    def glossary_rows() -> list[Row]:
        report = check_paths(root / "en" / CHAPTER, root / "ko" / CHAPTER, Config(select=("TC3",)))
        return sorted(
            (f.code, _where(f.source, root), _where(f.target, root)) for f in report.findings
        )

    before = glossary_rows()
    mutate(root, replace_on(109, "대역폭", "bandwidth"))
    mutate(root, replace_on(121, "대역폭이", "bandwidth가"))
    rows = glossary_rows()
    assert sorted(set(rows) - set(before)) == [("TC303", "en/tpus.md:109", "ko/tpus.md:109")]
    assert len(rows) == len(before) + 1
    report = check_paths(root / "en" / CHAPTER, root / "ko" / CHAPTER, Config(select=("TC3",)))
    (new,) = [f for f in report.findings if f.target.line == 109]
    assert new.message.startswith(
        "'bandwidth' is kept in English here (3× in this file; also lines 121)"
    )
    assert "most uses write 대역폭" in new.message
