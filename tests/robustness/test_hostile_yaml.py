"""YAML from untrusted files: bombs and Python-object tags are refused with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.api import check_pair
from transcheck.cli import app
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
    # A tag that is not plain data is refused by name, never ignored or constructed.
    _, problems = parse_glossary("terms: !!python/object:os.system {}\n", "g.yaml")
    assert [(p.line, p.message) for p in problems] == [
        (1, "invalid YAML: the tag '!!python/object:os.system' is not plain YAML data; refused")
    ]


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


def test_a_cycle_of_aliases_is_refused_like_a_bomb() -> None:
    _, problems = parse_glossary("terms: &a [*a]\n", "g.yaml")
    assert [(p.line, "refer to themselves" in p.message) for p in problems] == [(1, True)]


def test_front_matter_python_tag_is_refused() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n\nText.\n"
    document = parse_markdown(text, "ko.md")
    assert document.front_matter is not None and document.front_matter.error is not None
    assert "python/object" in document.front_matter.error
    assert document.front_matter.error_line == 2


# Every way PyYAML fails (the error class it raises, if not caught) and the message transcheck
# gives instead, at the line of the YAML text given here (line 2: after a first "title:" line).
HOSTILE = [
    (
        "date: 2025-02-30",
        "'2025-02-30' is not a valid !!timestamp (day is out of range",
    ),  # ValueError
    ("n: !!int abc", "'abc' is not a valid !!int (invalid literal"),  # ValueError
    ("f: !!float abc", "'abc' is not a valid !!float"),  # ValueError
    ("b: !!bool maybe", "'maybe' is not a valid !!bool"),  # KeyError
    ("o: !!omap [1, 2]", "expected a mapping of length 1, but found scalar"),  # ConstructorError
    ("x: " + "[" * 1000, "nested more than 100 levels deep; refused"),  # RecursionError
    ('c: "a\x01b"', "special characters are not allowed (U+0001)"),  # ReaderError
    ("t: !custom value", "the tag '!custom' is not plain YAML data; refused"),  # ConstructorError
    ("p: !!python/name:os.system", "the tag '!!python/name:os.system' is not plain YAML data"),
    ("u: *nowhere", "found undefined alias 'nowhere'"),  # ComposerError
    ("q: a: b", "mapping values are not allowed here"),  # ScannerError
]


@pytest.mark.parametrize(("line", "message"), HOSTILE, ids=[h[0][:12] for h in HOSTILE])
def test_every_yaml_failure_is_an_error_at_its_line_in_every_file_kind(
    chdir_tmp: Path, line: str, message: str
) -> None:
    text = "title: ok\n" + line + "\n"
    # Front matter: a TC002 finding at the file line (the fence is line 1), the body still checked.
    korean = "---\n" + text + "---\n\n# 제목\n\n[링크](https://b.example)\n"
    english = "# Title\n\n[link](https://a.example)\n"
    findings = check_pair(english, korean)
    [invalid] = [f for f in findings if f.code == "TC002"]
    assert invalid.target.line == 3 and message in invalid.message and "\n" not in invalid.message
    assert "TC203" in {f.code for f in findings}
    # Config: exit 2 with file:line: message.
    (chdir_tmp / "transcheck.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config()
    assert "transcheck.yaml:2: invalid YAML: " in str(error.value)
    assert message in str(error.value) and "\n" not in str(error.value)
    result = CliRunner().invoke(app, ["rules"])  # rules reads no config: unaffected
    assert result.exit_code == 0
    (chdir_tmp / "transcheck.yaml").unlink()
    # Glossary: a problem at its line; validate and check exit with its file:line.
    (chdir_tmp / "g.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["glossary", "validate", "g.yaml"])
    assert result.exit_code == 1
    assert result.stdout.startswith("g.yaml:2: invalid YAML: ") and message in result.stdout
    (chdir_tmp / "en.md").write_text(english, encoding="utf-8")
    (chdir_tmp / "ko.md").write_text(korean, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "en.md", "ko.md", "--glossary", "g.yaml"])
    assert result.exit_code == 2
    assert "g.yaml:2: invalid YAML: " in result.stderr and "Traceback" not in result.stderr
