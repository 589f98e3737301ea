"""Baselines survive harmless edits: accepted findings stay accepted when a Korean heading is
reworded or recased, when Korean text a message quotes is reworded, when the lengths a
block-length-outlier message measures change, and when the same trees are checked from another
folder outside git; and a finding is never counted both as new and as no longer present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.gitrepos import commit, init, write
from transcheck.checks import BY_CODE
from transcheck.checks.registry import Example
from transcheck.cli import app

_EXAMPLE = BY_CODE["TC111"].example  # a real chapter with a block-length outlier
assert isinstance(_EXAMPLE, Example) and _EXAMPLE.en and _EXAMPLE.ko

ENGLISH = (
    _EXAMPLE.en
    + """
## Questions about the API

Write to [the team](mailto:team@example.com) when `createApp` fails.

See [the guide](https://example.com/guide) for details.
"""
)
KOREAN = (
    _EXAMPLE.ko
    + """
## API 질문

`createApp`이 실패하면 팀에 문의하세요.

자세한 내용은 [안내서](https://example.com/gide)를 보세요.

이 문단은 번역자가 덧붙인 설명입니다. 영어에는 없습니다.
"""
)
CONFIG = "block_length: {min_paragraphs: 5, min_chars: 60}\n"
ACCEPTED = ["TC108", "TC111", "TC201", "TC203"]

EDITS = {
    "a reworded and recased Korean heading": ("## API 질문", "## api 관련 질문과 답"),
    "reworded Korean text a message quotes": ("덧붙인 설명입니다", "보탠 설명이에요"),
    "reworded Korean link text": ("[안내서]", "[안내 문서]"),
    "a one-character edit of a measured paragraph": ("강도라고 부릅니다", "강도라 부릅니다"),
}


def run(*args: str) -> dict[str, object]:
    """``transcheck check ... -f json``, parsed."""
    result = CliRunner().invoke(app, ["check", *args, "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def codes(report: dict[str, object]) -> list[str]:
    return sorted(f["code"] for f in report["findings"])  # type: ignore[attr-defined]


@pytest.fixture
def project(chdir_tmp: Path) -> Path:
    """A repository whose Korean chapter has the four accepted findings."""
    init(chdir_tmp)
    commit(chdir_tmp, {"en/g.md": ENGLISH, "ko/g.md": KOREAN, ".transcheck.yaml": CONFIG}, "a")
    assert codes(run("en", "ko", "--baseline", "b.json", "--update-baseline")) == []
    assert codes(run("en", "ko")) == ACCEPTED
    return chdir_tmp


@pytest.mark.parametrize("edit", EDITS.values(), ids=list(EDITS))
def test_harmless_korean_edits_keep_findings_accepted(project: Path, edit: tuple[str, str]) -> None:
    korean = project / "ko" / "g.md"
    before, after = edit
    assert before in korean.read_text(encoding="utf-8")
    korean.write_text(KOREAN.replace(before, after), encoding="utf-8")
    assert codes(run("en", "ko")) == ACCEPTED  # the findings are all still there
    report = run("en", "ko", "--baseline", "b.json")
    assert codes(report) == []
    assert report["summary"]["baseline"] == {"unchanged": 4, "no_longer_present": 0}  # type: ignore[index]


def test_all_edits_at_once_revive_nothing_and_count_each_finding_once(project: Path) -> None:
    text = KOREAN
    for before, after in EDITS.values():
        text = text.replace(before, after)
    (project / "ko" / "g.md").write_text(text, encoding="utf-8")
    report = run("en", "ko", "--baseline", "b.json")
    assert report["summary"]["findings"] == 0  # type: ignore[index]
    assert report["summary"]["baseline"] == {"unchanged": 4, "no_longer_present": 0}  # type: ignore[index]


def test_a_real_new_defect_is_still_new(project: Path) -> None:
    text = KOREAN.replace("mailto", "https").replace("`createApp`이", "createApp이")
    (project / "ko" / "g.md").write_text(text, encoding="utf-8")
    report = run("en", "ko", "--baseline", "b.json")
    assert "TC504" in codes(report)


def test_outside_git_the_keys_do_not_depend_on_the_working_directory(
    chdir_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trees = chdir_tmp / "book"
    write(trees, {"en/g.md": ENGLISH, "ko/g.md": KOREAN, ".transcheck.yaml": CONFIG})
    monkeypatch.chdir(trees)
    run("en", "ko", "--baseline", "b.json", "--update-baseline")
    recorded = json.loads((trees / "b.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in recorded["findings"]} == {"ko/g.md"}
    monkeypatch.chdir(chdir_tmp)
    (chdir_tmp / ".transcheck.yaml").write_text(CONFIG, encoding="utf-8")
    report = run("book/en", "book/ko", "--baseline", "book/b.json")
    assert codes(report) == []
    assert report["summary"]["baseline"] == {"unchanged": 4, "no_longer_present": 0}  # type: ignore[index]
    # Two files given instead of two folders: the same keys.
    report = run("book/en/g.md", "book/ko/g.md", "--baseline", "book/b.json")
    assert report["summary"]["baseline"] == {"unchanged": 4, "no_longer_present": 0}  # type: ignore[index]


def test_a_version_1_baseline_asks_to_be_written_again(chdir_tmp: Path) -> None:
    write(chdir_tmp, {"en/g.md": ENGLISH, "ko/g.md": KOREAN})
    (chdir_tmp / "b.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "en", "ko", "--baseline", "b.json"])
    assert result.exit_code == 2
    assert "write it again with --update-baseline" in result.stderr
