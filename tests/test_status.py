"""``transcheck status`` on real repositories: translated, missing, orphan, stale through
``source_commit`` and through history, the section-stale mapping to Korean headings, --diff,
JSON, and the in-place layout with --source-rev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import commit, git, init
from transcheck.cli import app

ENGLISH = """---
title: Guide
---
# Guide

Intro.

## Setup

Install it.

## Usage

Run it.
"""

KOREAN = """---
title: 안내
---
# 안내

소개.

## 설치

설치합니다.

## 사용법

실행합니다.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def history(chdir_tmp: Path) -> dict[str, str]:
    """Commits: c1 translates a, b, e (and has c without Korean, d without English); c2 changes
    English a ('Usage') and b ('Setup'); c3 touches Korean b, which declares source_commit c1;
    Korean f names an unknown source_commit."""
    init(chdir_tmp)
    files = {
        f"{side}/{n}.md": text for n in "abe" for side, text in (("en", ENGLISH), ("ko", KOREAN))
    }
    files.update({"en/c.md": ENGLISH, "ko/d.md": KOREAN, "en/f.md": ENGLISH})
    files["ko/f.md"] = KOREAN.replace("title: 안내", "title: 안내\nsource_commit: 0123456")
    c1 = commit(chdir_tmp, files, "c1")
    c2 = commit(
        chdir_tmp,
        {
            "en/a.md": ENGLISH.replace("Run it.", "Run it twice."),
            "en/b.md": ENGLISH.replace("Install it.", "Install it.\nThen check it."),
        },
        "c2",
    )
    korean_b = KOREAN.replace("title: 안내", f"title: 안내\nsource_commit: {c1}")
    c3 = commit(chdir_tmp, {"ko/b.md": korean_b}, "c3")
    return {"c1": c1, "c2": c2, "c3": c3}


def test_status_text(history: dict[str, str]) -> None:
    code, out, err = run("status")
    assert (code, err) == (1, "")  # stale and missing chapters
    c1 = history["c1"][:7]
    assert out.splitlines() == [
        f"ko/a.md  stale       based on {c1} (last Korean commit)",
        "    en/a.md | 2 +-",
        "    1 file changed, 1 insertion(+), 1 deletion(-)",
        '  ko/a.md:12 "## 사용법" ← en/a.md:12 "## Usage" changed upstream',
        # ko/b.md was committed after the English change, but declares it translates c1.
        f"ko/b.md  stale       based on {c1} (source_commit)",
        "    en/b.md | 1 +",
        "    1 file changed, 1 insertion(+)",
        '  ko/b.md:9 "## 설치" ← en/b.md:8 "## Setup" changed upstream',
        "en/c.md  missing     no Korean file",
        "ko/e.md  translated  based on " + c1 + " (last Korean commit)",
        "ko/f.md  unknown     source_commit '0123456' is not a known commit",
        "ko/d.md  orphan      no English source file",
        "",
        "6 chapters: 1 translated, 2 stale, 1 missing, 1 orphan, 1 unknown.",
    ]


def test_status_json_has_section_stale_findings_at_korean_headings(
    history: dict[str, str],
) -> None:
    code, out, _ = run("status", "en", "ko", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["summary"] == {
        "translated": 1,
        "stale": 2,
        "missing": 1,
        "orphan": 1,
        "unknown": 1,
    }
    assert [
        (f["code"], f["rule"], f["source"]["path"], f["source"]["line"], f["target"]["line"])
        for f in document["findings"]
    ] == [
        ("TC703", "section-stale", "en/a.md", 12, 12),
        ("TC703", "section-stale", "en/b.md", 8, 9),
    ]
    assert document["findings"][0]["message"] == (
        f"'## Usage' changed upstream since {history['c1'][:7]}: update '## 사용법'"
    )
    stale_b = document["chapters"][1]
    assert stale_b["base"] == history["c1"]
    assert stale_b["based_on"] == "source_commit"
    assert stale_b["sections"] == [
        {"source": {"line": 8, "heading": "## Setup"}, "target": {"line": 9, "heading": "## 설치"}}
    ]


def test_status_diff_shows_the_whole_english_diff(history: dict[str, str]) -> None:
    _, out, _ = run("status", "en", "ko", "--diff")
    assert "    -Run it." in out.splitlines()
    assert "    +Run it twice." in out.splitlines()
    assert "    +Then check it." in out.splitlines()


def test_front_matter_and_new_sections_map_to_the_korean_file(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH, "ko/a.md": KOREAN}, "c1")
    changed = ENGLISH.replace("title: Guide", "title: The Guide") + "\n## New part\n\nNew.\n"
    commit(chdir_tmp, {"en/a.md": changed}, "c2")
    _, out, _ = run("status")
    assert out.splitlines()[3:5] == [
        '  ko/a.md:1 "the front matter" ← en/a.md:1 "the front matter" changed upstream',
        '  ko/a.md (no Korean section) ← en/a.md:16 "## New part" changed upstream',
    ]


def test_uncommitted_translation_counts_as_translated(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH}, "c1")
    (chdir_tmp / "ko").mkdir()
    (chdir_tmp / "ko" / "a.md").write_text(KOREAN, encoding="utf-8")
    code, out, _ = run("status")
    assert out.splitlines()[0] == "ko/a.md  translated  not committed yet"
    assert code == 0  # every chapter up to date


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("stale", 1), ("missing", 1), ("orphan", 1), ("unknown", 1), ("never", 0), ("stale,never", 1)],
)
def test_status_exit_code_follows_fail_on(
    history: dict[str, str], fail_on: str, expected: int
) -> None:
    assert run("status", "--fail-on", fail_on)[0] == expected


def test_status_fail_on_only_stale_passes_a_tree_that_is_only_missing(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH, "ko/a.md": KOREAN, "en/b.md": ENGLISH}, "c1")
    assert run("status", "--fail-on", "stale")[0] == 0
    assert run("status")[0] == 1  # default: stale,missing
    code, _, err = run("status", "--fail-on", "late")
    assert code == 2 and "--fail-on takes states among stale, missing, orphan, unknown" in err


def test_status_of_an_in_place_translation(chdir_tmp: Path) -> None:
    """The fork merged upstream's first commit; upstream then changed 'Setup'."""
    init(chdir_tmp)
    commit(chdir_tmp, {"x.md": ENGLISH, "y.md": ENGLISH}, "upstream 1")
    git(chdir_tmp, "branch", "upstream")
    commit(chdir_tmp, {"x.md": KOREAN, "y.md": KOREAN}, "translate in place")
    git(chdir_tmp, "checkout", "-q", "upstream")
    commit(chdir_tmp, {"x.md": ENGLISH.replace("Install it.", "Install it now.")}, "upstream 2")
    git(chdir_tmp, "checkout", "-q", "main")
    code, out, _ = run("status", "--source-rev", "upstream", ".", ".")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("x.md  stale       based on ")
    assert lines[0].endswith("(merge-base of the last Korean commit and upstream)")
    assert lines[3] == '  x.md:8 "## 설치" ← upstream:x.md:8 "## Setup" changed upstream'
    assert lines[4].startswith("y.md  translated  based on ")
    assert lines[-1] == "2 chapters: 1 translated, 1 stale, 0 missing, 0 orphan."


def test_status_outside_a_repository_exits_2(chdir_tmp: Path) -> None:
    (chdir_tmp / "en").mkdir()
    (chdir_tmp / "ko").mkdir()
    (chdir_tmp / "en" / "a.md").write_text(ENGLISH, encoding="utf-8")
    (chdir_tmp / "ko" / "a.md").write_text(KOREAN, encoding="utf-8")
    code, out, err = run("status")
    assert (code, out) == (2, "")
    assert "not a git repository" in err
