"""Git-aware modes on real repositories: --changed-since (merge-base semantics, source-changed),
--source-rev (in-place translations, the English from a revision), and the errors of both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import commit, git, init, write
from transcheck.cli import app

ENGLISH = """# Guide

Read [the paper](https://example.com/paper).

## Setup

Install it.

## Usage

Run [the tool](https://example.com/tool).
"""

KOREAN = """# 안내

[논문](https://example.com/paper)을 읽으세요.

## 설치

설치합니다.

## 사용법

[도구](https://example.com/tool)를 실행하세요.
"""


ONLY = "TC203,TC106,TC701,TC702"  # the rules these scenarios trigger; others are not the subject


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def findings(out: str) -> list[tuple[str, str | None, int | None, str | None, int | None]]:
    return [
        (
            f["code"],
            f["source"]["path"],
            f["source"]["line"],
            f["target"]["path"],
            f["target"]["line"],
        )
        for f in json.loads(out)["findings"]
    ]


# --- --changed-since ----------------------------------------------------------------------------


@pytest.fixture
def pr(chdir_tmp: Path) -> Path:
    """main: three translated chapters; feature (checked out): a Korean edit with a defect, an
    English edit without its Korean file, and a new untracked Korean file; main then moves on."""
    init(chdir_tmp)
    chapters = {
        f"{side}/{name}.md": text
        for name in "abc"
        for side, text in (("en", ENGLISH), ("ko", KOREAN))
    }
    commit(chdir_tmp, chapters, "three chapters")
    git(chdir_tmp, "checkout", "-q", "-b", "feature")
    commit(chdir_tmp, {"ko/a.md": KOREAN.replace("example.com/paper", "example.com/papr")}, "ko a")
    commit(
        chdir_tmp, {"en/b.md": ENGLISH.replace("Install it.", "Install it.\n\nThen test.")}, "en b"
    )
    git(chdir_tmp, "checkout", "-q", "main")
    commit(chdir_tmp, {"en/c.md": ENGLISH + "\nMore.\n"}, "main moves on")
    git(chdir_tmp, "checkout", "-q", "feature")
    write(chdir_tmp, {"ko/new.md": "# 새 글\n"})
    return chdir_tmp


def test_changed_since_checks_only_changed_pairs(pr: Path) -> None:
    code, out, err = run(
        "check", "en", "ko", "--changed-since", "main", "-f", "json", "--select", ONLY
    )
    assert (code, err) == (1, "")
    assert findings(out) == [
        ("TC203", "en/a.md", 3, "ko/a.md", 3),  # the Korean edit broke a link
        ("TC702", "en/b.md", 9, "ko/b.md", 5),  # English "Setup" gained line 9: Korean "설치"
        ("TC106", None, None, "ko/new.md", None),  # untracked files count as changed
    ]
    # en/c.md changed on main after the branch point: merge-base semantics leave it out.
    assert json.loads(out)["summary"]["pairs"] == 3
    stale = json.loads(out)["findings"][1]["message"]
    assert stale.startswith("the English file changed since main (merge-base ")
    assert stale.endswith("changed sections: '## Setup' → '## 설치' (line 5)")


def test_changed_since_with_nothing_changed_checks_nothing(pr: Path) -> None:
    code, out, _ = run(
        "check", "en", "ko", "--changed-since", "HEAD", "-f", "json", "--select", ONLY
    )
    assert code == 0
    assert findings(out) == [("TC106", None, None, "ko/new.md", None)]  # still untracked


def test_changed_since_unknown_revision_exits_2(pr: Path) -> None:
    code, out, err = run("check", "en", "ko", "--changed-since", "no-such-branch")
    assert (code, out) == (2, "")
    assert err.startswith("transcheck: error: git merge-base no-such-branch HEAD: ")


def test_changed_since_outside_a_repository_exits_2(chdir_tmp: Path) -> None:
    write(chdir_tmp, {"en/x.md": ENGLISH, "ko/x.md": KOREAN})
    code, out, err = run("check", "en", "ko", "--changed-since", "main")
    assert (code, out) == (2, "")
    assert "git rev-parse --show-toplevel: fatal: not a git repository" in err


# --- --source-rev -------------------------------------------------------------------------------


@pytest.fixture
def fork(chdir_tmp: Path) -> Path:
    """An in-place translation: 'upstream' holds the English x.md and y.md at the root; main
    replaced them with their Korean translations (x.md with a changed link at line 11)."""
    init(chdir_tmp)
    commit(chdir_tmp, {"x.md": ENGLISH, "y.md": ENGLISH, "README.md": "# Read me\n"}, "upstream")
    git(chdir_tmp, "branch", "upstream")
    broken = KOREAN.replace("example.com/tool", "example.com/tool2")
    commit(chdir_tmp, {"x.md": broken, "y.md": KOREAN}, "translate in place")
    return chdir_tmp


def test_source_rev_checks_an_in_place_translation(fork: Path) -> None:
    code, out, err = run(
        "check", "--source-rev", "upstream", ".", ".", "-f", "json", "--select", ONLY
    )
    assert (code, err) == (1, "")
    assert findings(out) == [
        ("TC701", "upstream:README.md", 1, "README.md", 1),  # README.md was never translated
        ("TC203", "upstream:x.md", 11, "x.md", 11),
    ]


def test_source_rev_with_changed_since_checks_the_changed_korean_files(fork: Path) -> None:
    (fork / "y.md").write_text(KOREAN.replace("example.com/paper", "example.com/p"), "utf-8")
    code, out, _ = run(
        "check", "--source-rev", "upstream", "--changed-since", "HEAD", ".", ".", "-f", "json"
    )
    assert code == 1
    assert json.loads(out)["summary"]["pairs"] == 1
    assert findings(out) == [("TC203", "upstream:y.md", 3, "y.md", 3)]


def test_source_rev_text_and_sarif_name_the_revision(fork: Path) -> None:
    _, text, _ = run("check", "--source-rev", "upstream", ".", ".", "--select", "TC203")
    assert "  upstream:x.md:11 ↔ x.md:11  error   TC203 link-changed: " in text
    _, out, _ = run("check", "--source-rev", "upstream", ".", ".", "--select", "TC2", "-f", "sarif")
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "x.md"
    # The English file is not in the work tree: the related location only names it.
    assert result["relatedLocations"] == [
        {"id": 1, "message": {"text": "English source: upstream:x.md:11"}}
    ]


def test_source_rev_with_separate_folders_and_files(chdir_tmp: Path) -> None:
    init(chdir_tmp)
    commit(chdir_tmp, {"docs/en/x.md": ENGLISH, "docs/ko/x.md": KOREAN}, "both")
    git(chdir_tmp, "tag", "v1")
    git(chdir_tmp, "rm", "-q", "-r", "docs/en")
    git(chdir_tmp, "commit", "-q", "-m", "English lives upstream only")
    changed = KOREAN.replace("example.com/paper", "example.com/p")
    write(chdir_tmp, {"docs/ko/x.md": changed})
    code, out, _ = run(
        "check", "--source-rev", "v1", "docs/en", "docs/ko", "-f", "json", "--select", ONLY
    )
    assert code == 1
    assert findings(out) == [("TC203", "v1:docs/en/x.md", 3, "docs/ko/x.md", 3)]
    code, out, _ = run(
        "check",
        "--source-rev",
        "v1",
        "docs/en/x.md",
        "docs/ko/x.md",
        "-f",
        "json",
        "--select",
        ONLY,
    )
    assert findings(out) == [("TC203", "v1:docs/en/x.md", 3, "docs/ko/x.md", 3)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--source-rev", "nope", ".", "."), "--source-rev nope: git rev-parse"),
        (("--source-rev", "upstream", "en", "."), "upstream:en: no such file or folder at"),
        (("--source-rev", "upstream", "x.md", "."), "give two files or two folders"),
    ],
)
def test_source_rev_errors_exit_2(fork: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("check", *args)
    assert (code, out) == (2, "")
    assert message in err


def test_source_rev_outside_a_repository_exits_2(chdir_tmp: Path) -> None:
    write(chdir_tmp, {"ko/x.md": KOREAN})
    code, _, err = run("check", "--source-rev", "main", "en", "ko")
    assert code == 2
    assert "--source-rev main: git rev-parse --show-toplevel: " in err
