"""The fixes rules declare, on real trees: what they write, whether it is safe, and when a
finding stays without one (ambiguous)."""

from __future__ import annotations

from pathlib import Path

from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.findings import Finding
from transcheck.fixes import Safety


def tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def findings(root: Path, code: str, config: Config | None = None) -> list[Finding]:
    report = check_paths(root / "en", root / "ko", config or Config(select=(code,)))
    return [f for f in report.findings if f.code == code]


def edits(finding: Finding) -> list[tuple[int, str, str]]:
    """Each edit as (line, old, new), once its columns are checked against the file."""
    assert finding.fix is not None and finding.target.path is not None
    lines = Path(finding.target.path).read_text(encoding="utf-8").split("\n")
    for edit in finding.fix.edits:
        assert lines[edit.line - 1][edit.column - 1 : edit.end_column - 1] == edit.old
    return [(e.line, e.old, e.text) for e in finding.fix.edits]


ENGLISH_GUIDE = """# Guide

See [setup](#setup-and-install) and [the usage](../usage#running-it).

## Setup and Install

Install it.
"""
ENGLISH_USAGE = "# Usage\n\n## Running it\n\nRun it.\n"
KOREAN_USAGE = "# 사용법\n\n## 실행하기\n\n실행합니다.\n"


def test_anchor_broken_writes_the_translated_heading_id(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "en/guide.md": ENGLISH_GUIDE,
            "en/usage.md": ENGLISH_USAGE,
            "ko/guide.md": "# 안내\n\n[설치](#setup-and-install)와 [사용법](../usage#running-it)을 "
            "보세요.\n\n## 설정과 설치\n\n설치합니다.\n",
            "ko/usage.md": KOREAN_USAGE,
        },
    )
    in_page, other_page = findings(tmp_path, "TC204")
    assert in_page.fix is not None and in_page.fix.safety is Safety.SAFE
    assert edits(in_page) == [(3, "#setup-and-install", "#설정과-설치")]
    assert in_page.fix.edits[0].column == 6  # code points: [설치]( is five
    assert edits(other_page) == [(3, "../usage#running-it", "../usage#실행하기")]


def test_a_renamed_chapter_link_gets_the_english_path_when_that_page_exists(
    tmp_path: Path,
) -> None:
    tree(
        tmp_path,
        {
            "en/guide.md": "# Guide\n\nRead [usage](../usage) and [more](../usage#running-it).\n",
            "en/usage.md": ENGLISH_USAGE,
            "ko/guide.md": "# 안내\n\n[사용법](../usage-kr)과 [더](../usage-kr#실행하기).\n",
            "ko/usage.md": KOREAN_USAGE,
        },
    )
    found = findings(tmp_path, "TC205")
    assert all(f.fix is not None and f.fix.safe for f in found)
    assert sorted(edit for f in found for edit in edits(f)) == [
        (3, "../usage-kr", "../usage"),
        (3, "../usage-kr#실행하기", "../usage#실행하기"),
    ]


def test_a_link_written_twice_on_its_line_is_ambiguous(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "en/guide.md": "# Guide\n\n[a](../usage) or [b](../usage)\n",
            "en/usage.md": ENGLISH_USAGE,
            "ko/guide.md": "# 안내\n\n[가](../usage-kr) 또는 [나](../usage-kr)\n",
            "ko/usage.md": KOREAN_USAGE,
        },
    )
    found = findings(tmp_path, "TC205")
    assert len(found) == 2 and all(f.fix is None for f in found)


def figure(path: str) -> str:
    return f'{{% include figure.liquid path="{path}" caption="x" %}}'


def test_an_image_path_that_lost_a_character_is_safe_to_restore(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "en/a.md": f"# A\n\n{figure('img/multi-head.png')}\n\n## B\n\n{figure('img/b.png')}\n"
            f"\n## C\n\n{figure('img/c.png')}\n",
            "ko/a.md": f"# 가\n\n{figure('img/multihead.png')}\n\n## 나\n\n{figure('img/b-ko.png')}"
            f"\n\n## 다\n\n{figure('img/c-ko.png')}\n",
            "ko/img/c-ko.png": "a localized figure, on purpose",
        },
    )
    # img/c-ko.png exists: a localized copy of img/c.png, no finding
    lost, renamed = findings(tmp_path, "TC206")
    assert lost.fix is not None and lost.fix.safe
    assert edits(lost) == [(3, "img/multihead.png", "img/multi-head.png")]
    assert renamed.fix is not None and renamed.fix.safety is Safety.UNSAFE


def test_a_lost_dollar_is_given_back(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "en/a.md": "# A\n\nA total of $$2 \\cdot 8 = 16$$ FLOPs.\n",
            "ko/a.md": "# 가\n\n총 $2 \\cdot 8 = 16$이 FLOP입니다.\n",
        },
    )
    [lost] = findings(tmp_path, "TC602")
    assert lost.fix is not None and lost.fix.safe
    assert edits(lost) == [(3, "$2 \\cdot 8 = 16$", "$$2 \\cdot 8 = 16$$")]


def test_a_changed_url_that_works_is_an_unsafe_fix(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "en/a.md": "# A\n\nWe use [JAX](https://jax.readthedocs.io).\n",
            "ko/a.md": "# 가\n\n[JAX](https://jax.readthedocs.org)를 씁니다.\n",
        },
    )
    [changed] = findings(tmp_path, "TC203")
    assert changed.fix is not None and changed.fix.safety is Safety.UNSAFE
    assert edits(changed) == [(3, "https://jax.readthedocs.org", "https://jax.readthedocs.io")]
