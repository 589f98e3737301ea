"""``transcheck status`` on real repositories: up-to-date, untranslated, orphan, outdated
through ``source_commit``, through history and through what the check finds (in git or not),
the section-stale mapping to Korean headings, --diff, JSON, --fail-on, and the in-place layout
with --source-rev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import commit, in_place_fork, init
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
    assert (code, err) == (1, "")  # outdated and untranslated chapters
    c1 = history["c1"][:7]
    assert out.splitlines() == [
        f"ko/a.md  outdated      based on {c1} (last Korean commit)",
        f"    1 English section changed since {c1}",
        "    en/a.md | 2 +-",
        "    1 file changed, 1 insertion(+), 1 deletion(-)",
        '  ko/a.md:12 "## 사용법" ← en/a.md:12 "## Usage" changed upstream',
        # ko/b.md was committed after the English change, but declares it translates c1.
        f"ko/b.md  outdated      based on {c1} (source_commit)",
        f"    1 English section changed since {c1}",
        "    en/b.md | 1 +",
        "    1 file changed, 1 insertion(+)",
        '  ko/b.md:9 "## 설치" ← en/b.md:8 "## Setup" changed upstream',
        "en/c.md  untranslated",
        "    no Korean file",
        "ko/e.md  up-to-date    based on " + c1 + " (last Korean commit)",
        # No history to go by: the content decides.
        "ko/f.md  up-to-date    source_commit '0123456' is not a known commit",
        "ko/d.md  orphan",
        "    no English source file",
        "",
        "6 chapters: 2 up-to-date, 2 outdated, 1 untranslated, 1 orphan.",
    ]


def test_status_json_has_section_stale_findings_at_korean_headings(
    history: dict[str, str],
) -> None:
    code, out, _ = run("status", "en", "ko", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["summary"] == {
        "up-to-date": 2,
        "outdated": 2,
        "untranslated": 1,
        "orphan": 1,
        "unknown": 0,
    }
    assert [
        (f["code"], f["rule"], f["source"]["path"], f["source"]["line"], f["target"]["line"])
        for f in document["findings"]
    ] == [
        ("TC703", "section-stale", "en/a.md", 12, 12),
        ("TC703", "section-stale", "en/b.md", 8, 9),
    ]
    assert document["findings"][0]["message"] == (
        f"'## Usage' changed upstream since {history['c1'][:7]} (last Korean commit): "
        "update '## 사용법'"
    )
    stale_b = document["chapters"][1]
    assert stale_b["state"] == "outdated"
    assert stale_b["reasons"] == [f"1 English section changed since {history['c1'][:7]}"]
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
    assert out.splitlines()[5:7] == [
        '  ko/a.md:1 "the front matter" ← en/a.md:1 "the front matter" changed upstream',
        '  ko/a.md (no Korean section) ← en/a.md:16 "## New part" changed upstream',
    ]


def test_uncommitted_translation_counts_as_translated(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH}, "c1")
    (chdir_tmp / "ko").mkdir()
    (chdir_tmp / "ko" / "a.md").write_text(KOREAN, encoding="utf-8")
    code, out, _ = run("status")
    assert out.splitlines()[0] == "ko/a.md  up-to-date    not committed yet"
    assert code == 0  # every chapter up to date


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [
        ("outdated", 1),
        ("untranslated", 1),
        ("orphan", 1),
        ("never", 0),
        ("outdated,never", 1),
    ],
)
def test_status_exit_code_follows_fail_on(
    history: dict[str, str], fail_on: str, expected: int
) -> None:
    assert run("status", "--fail-on", fail_on)[0] == expected


def test_status_fail_on_only_outdated_passes_a_tree_that_is_only_untranslated(
    chdir_tmp: Path,
) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH, "ko/a.md": KOREAN, "en/b.md": ENGLISH}, "c1")
    assert run("status", "--fail-on", "outdated")[0] == 0
    assert run("status")[0] == 1  # default: outdated,untranslated
    code, _, err = run("status", "--fail-on", "late")
    assert code == 2 and "--fail-on: unknown state 'late'" in err


def test_status_of_an_in_place_translation(chdir_tmp: Path) -> None:
    """The fork merged upstream's first commit; upstream then changed 'Setup'."""
    in_place_fork(chdir_tmp, ENGLISH, KOREAN, ENGLISH.replace("Install it.", "Install it now."))
    code, out, _ = run("status", "--source-rev", "upstream", ".", ".")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("x.md  outdated      based on ")
    assert lines[0].endswith("(merge-base of the last Korean commit and upstream)")
    assert lines[4] == '  x.md:8 "## 설치" ← upstream:x.md:8 "## Setup" changed upstream'
    assert lines[5].startswith("y.md  up-to-date    based on ")
    assert lines[-1] == "2 chapters: 1 up-to-date, 1 outdated, 0 untranslated, 0 orphan."


DRIFTED = ENGLISH.replace("Install it.", "Install it. Then restart the server before you go on.")


def test_outside_a_repository_the_content_decides_and_fail_on_outdated_exits_1(
    chdir_tmp: Path,
) -> None:
    files = {"en/a.md": DRIFTED, "ko/a.md": KOREAN, "en/b.md": ENGLISH, "ko/b.md": KOREAN}
    english = ENGLISH.replace(
        "Install it.", "Install the package with the installer of your system."
    )
    english = english.replace("Run it.", "Run the program once to check that it starts.")
    files["en/c.md"] = english
    files["ko/c.md"] = (
        KOREAN.replace("설치합니다.", "Install the package with the installer of your system.")
        .replace("실행합니다.", "Run the program once to check that it starts.")
        .replace("소개.", "Intro.")
    )
    for rel, text in files.items():
        (chdir_tmp / rel).parent.mkdir(exist_ok=True)
        (chdir_tmp / rel).write_text(text, encoding="utf-8")
    config = "block_length: {min_paragraphs: 1, min_chars: 5}\n"
    (chdir_tmp / "transcheck.yaml").write_text(config, encoding="utf-8")
    code, out, err = run("status")
    assert (code, err) == (1, "")  # default --fail-on: outdated,untranslated
    lines = out.splitlines()
    assert lines[0] == "ko/a.md  outdated"
    assert lines[1].startswith("    the check finds what an English change leaves: ")
    assert "ko/b.md  up-to-date" in lines
    assert lines[-1] == "3 chapters: 1 up-to-date, 1 outdated, 1 untranslated, 0 orphan."
    code, out, _ = run("status", "--fail-on", "outdated", "--format", "json")
    assert code == 1
    states = {c["target"]: (c["state"], c["reasons"]) for c in json.loads(out)["chapters"]}
    assert states["ko/c.md"] == ("untranslated", ["0% of the English paragraphs are translated"])
    assert run("status", "--fail-on", "orphan")[0] == 0
    assert run("status", "--fail-on", "stale")[0] == 2  # not a state (any more)
