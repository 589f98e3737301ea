"""YAML from untrusted files: bombs and Python-object tags are refused with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.api import check_pair
from transcheck.config import ConfigError, load_config
from transcheck.glossary.load import parse_glossary
from transcheck.parse import parse_markdown

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + BOMB
PYTHON_TAG = "select: !!python/object/apply:os.system ['echo pwned']\n"


def test_config_bomb_is_refused(chdir_tmp: Path) -> None:
    (chdir_tmp / "transcheck.yaml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"transcheck\.yaml:1: .*YAML bomb"):
        load_config()


def test_config_python_tag_is_refused(chdir_tmp: Path) -> None:
    (chdir_tmp / "transcheck.yaml").write_text(PYTHON_TAG, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"transcheck\.yaml:1: .*python/object"):
        load_config()


def test_glossary_bomb_and_tag_are_problems_with_lines() -> None:
    _, problems = parse_glossary(BOMB, "g.yaml")
    assert [(p.line, "YAML bomb" in p.message) for p in problems] == [(1, True)]
    # The glossary reader walks nodes and never constructs objects: the tagged node is refused
    # as the wrong shape, at its line.
    _, problems = parse_glossary("terms: !!python/object:os.system {}\n", "g.yaml")
    assert [(p.line, p.message) for p in problems] == [(1, "terms must be a list of term entries")]


def test_front_matter_bomb_is_a_finding_not_a_hang() -> None:
    text = "---\n" + BOMB + "---\n\n# Title\n\nText.\n"
    document = parse_markdown(text, "ko.md")
    assert document.front_matter is not None
    assert document.front_matter.error is not None and "bomb" in document.front_matter.error
    assert document.front_matter.error_line == 2
    english = "# Title\n\nText.\n"
    korean = "---\n" + BOMB + "---\n\n# 제목\n\n본문.\n"
    findings = check_pair(english, korean, source_path="en.md", target_path="ko.md")
    assert [(f.code, f.target.line) for f in findings if f.code == "TC002"] == [("TC002", 2)]


def test_front_matter_python_tag_is_refused() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n\nText.\n"
    document = parse_markdown(text, "ko.md")
    assert document.front_matter is not None and document.front_matter.error is not None
    assert "python/object" in document.front_matter.error
    assert document.front_matter.error_line == 2
