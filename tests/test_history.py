"""``check`` reports section-stale (TC703) from git history, on real repositories: an English
section changed after the Korean commit (at both headings), up-to-date pairs silent, a Korean
file committed after the English change, ``source_commit``, uncommitted files, the in-place
layout with --source-rev, --changed-since (source-changed instead), and no git at all."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.gitrepos import commit, git, in_place_fork, init, write
from transcheck.cli import app

ENGLISH = """# Guide

Intro.

## Setup

Install it.

## Usage

Run it.
"""

KOREAN = """# 안내

소개.

## 설치

설치합니다.

## 사용법

실행합니다.
"""

CHANGED = ENGLISH.replace("Run it.", "Run it twice.")  # 'Usage' (line 9) changes


def stale(*args: str) -> list[tuple[str | None, int | None, str | None, int | None]]:
    """The section-stale findings of ``check ARGS`` (only that rule): English and Korean
    (path, line) pairs."""
    result = CliRunner().invoke(app, ["check", *args, "-f", "json", "--select", "TC703"])
    assert result.exit_code in (0, 1), result.output
    return [
        (f["source"]["path"], f["source"]["line"], f["target"]["path"], f["target"]["line"])
        for f in json.loads(result.stdout)["findings"]
    ]


def test_an_english_section_changed_after_the_korean_commit_is_stale_at_both_headings(
    chdir_tmp: Path,
) -> None:
    init(chdir_tmp)
    pairs = {
        f"{side}/{n}.md": text for n in "ab" for side, text in (("en", ENGLISH), ("ko", KOREAN))
    }
    commit(chdir_tmp, pairs, "translate a and b")
    commit(chdir_tmp, {"en/a.md": CHANGED}, "English a changes upstream")
    assert stale("en", "ko") == [("en/a.md", 9, "ko/a.md", 9)]  # b is up to date
    result = CliRunner().invoke(app, ["check", "en", "ko", "--select", "TC703"])
    assert "changed upstream since" in result.stdout and "update '## 사용법'" in result.stdout
    # The translator brings ko/a.md up to date and commits: not stale any more.
    commit(chdir_tmp, {"ko/a.md": KOREAN.replace("실행합니다.", "두 번 실행합니다.")}, "update")
    assert stale("en", "ko") == []
    # An uncommitted English edit counts (the work tree is what is checked).
    write(chdir_tmp, {"en/b.md": ENGLISH.replace("Install it.", "Install it now.")})
    assert stale("en", "ko") == [("en/b.md", 5, "ko/b.md", 5)]


def test_a_korean_file_not_committed_yet_translates_the_english_as_it_is(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH}, "English")
    commit(chdir_tmp, {"en/a.md": CHANGED}, "English changes")
    write(chdir_tmp, {"ko/a.md": KOREAN})
    assert stale("en", "ko") == []


def test_source_commit_in_the_front_matter_is_the_base(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    first = commit(chdir_tmp, {"en/a.md": ENGLISH, "en/b.md": ENGLISH}, "English")
    commit(chdir_tmp, {"en/a.md": CHANGED, "en/b.md": CHANGED}, "English changes")
    # Both Korean files are committed after the change; only b says it translates the first.
    front = f"---\nsource_commit: {first}\n---\n"
    commit(chdir_tmp, {"ko/a.md": KOREAN, "ko/b.md": front + KOREAN}, "translate")
    assert stale("en", "ko") == [("en/b.md", 9, "ko/b.md", 12)]


def test_in_place_translation_with_source_rev(chdir_tmp: Path) -> None:
    """The fork translated upstream's first commit in place; upstream then changed 'Setup'."""
    in_place_fork(chdir_tmp, ENGLISH, KOREAN, ENGLISH.replace("Install it.", "Install it now."))
    assert stale("--source-rev", "upstream", ".", ".") == [("upstream:x.md", 5, "x.md", 5)]


def test_a_range_check_says_it_once_as_source_changed(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH, "ko/a.md": KOREAN}, "translate")
    git(chdir_tmp, "checkout", "-q", "-b", "topic")
    commit(chdir_tmp, {"en/a.md": CHANGED}, "English changes")
    result = CliRunner().invoke(
        app, ["check", "en", "ko", "--changed-since", "main", "-f", "json", "--select", "TC7"]
    )
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes == ["TC702"]


def test_outside_git_there_is_no_history_and_no_error(chdir_tmp: Path) -> None:
    write(chdir_tmp, {"en/a.md": CHANGED, "ko/a.md": KOREAN})
    assert stale("en", "ko") == []


def test_an_accepted_stale_section_stays_accepted_when_its_base_moves(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"en/a.md": ENGLISH, "ko/a.md": KOREAN}, "translate")
    write(chdir_tmp, {"en/a.md": CHANGED})  # an English edit not committed yet
    args = ["check", "en", "ko", "-f", "json", "--select", "TC703", "--baseline", "b.json"]
    CliRunner().invoke(app, [*args, "--update-baseline"])
    # A Korean typo fix is committed: the base moves, 'Usage' is still stale, still accepted.
    write(chdir_tmp, {"ko/a.md": KOREAN.replace("소개.", "소개합니다.")})
    git(chdir_tmp, "commit", "-q", "-m", "typo", "ko/a.md")
    assert stale("en", "ko") == [("en/a.md", 9, "ko/a.md", 9)]
    report = json.loads(CliRunner().invoke(app, args).stdout)
    assert (report["findings"], report["summary"]["baseline"]["unchanged"]) == ([], 1)
