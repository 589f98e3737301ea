"""The command line: check on files and trees, the JSON shape, exit codes, rule selection, atomic
--output, align, rules and explain; through typer's runner and as a real ``python -m`` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from transcheck.checks import REGISTRY
from transcheck.cli import app
from transcheck.config import load_config
from transcheck.runner import ActiveRule, active_rules

RUNNER = CliRunner()
REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo"

ENGLISH = """---
title: Guide
---
# Guide

Intro with [a link](https://example.com/a).

## Setup

Install it. See [the setup notes](#usage).

## Usage

Run it.
"""

KOREAN = """---
title: 안내서
---
# 안내서

[링크](https://example.com/b)가 있는 소개.

## 설치

설치합니다. [설치 참고](#사용법)를 보세요.

## 사용법

실행합니다.
"""

LOCATION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["path", "line"],
    "properties": {
        "path": {"type": ["string", "null"]},
        "line": {"type": ["integer", "null"], "minimum": 1},
    },
}
POSITION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["line", "column"],
    "properties": {
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
    },
}
FIX = {  # optional: only findings with a fix carry it
    "type": "object",
    "additionalProperties": False,
    "required": ["description", "safety", "edits"],
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "safety": {"enum": ["safe", "unsafe"]},
        "edits": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["start", "end", "old", "new"],
                "properties": {
                    "start": POSITION,
                    "end": POSITION,
                    "old": {"type": "string"},
                    "new": {"type": "string"},
                },
            },
        },
    },
}
JSON_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "findings", "summary"],
    "properties": {
        "version": {"const": 1},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["code", "rule", "severity", "message", "source", "target"],
                "properties": {
                    "code": {"type": "string", "pattern": "^TC[0-9]{3}$"},
                    "rule": {"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string", "minLength": 1},
                    "source": LOCATION,
                    "target": LOCATION,
                    "fix": FIX,
                },
            },
        },
        "summary": {
            "type": "object",
            "additionalProperties": False,
            "required": [
                "pairs",
                "findings",
                "by_severity",
                "by_rule",
                "unreadable_files",
                "suppressed",
                "baseline",
            ],
            "properties": {
                "pairs": {"type": "integer"},
                "findings": {"type": "integer"},
                "by_severity": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["error", "warning", "info"],
                    "properties": {s: {"type": "integer"} for s in ("error", "warning", "info")},
                },
                "by_rule": {"type": "object", "additionalProperties": {"type": "integer"}},
                "unreadable_files": {"type": "integer"},
                "translated": {"type": "object", "additionalProperties": {"type": "number"}},
                "suppressed": {"type": "integer"},
                "baseline": {
                    "type": ["object", "null"],
                    "additionalProperties": False,
                    "required": ["unchanged", "no_longer_present"],
                    "properties": {
                        "unchanged": {"type": "integer"},
                        "no_longer_present": {"type": "integer"},
                    },
                },
            },
        },
    },
}


@pytest.fixture
def trees(chdir_tmp: Path) -> Path:
    """en/ and ko/ with a changed link in guide.md, an untranslated file and a Korean orphan."""
    for side, text in (("en", ENGLISH), ("ko", KOREAN)):
        (chdir_tmp / side).mkdir()
        (chdir_tmp / side / "guide.md").write_text(text, encoding="utf-8")
    (chdir_tmp / "en/new.md").write_text("# New\n", encoding="utf-8")
    (chdir_tmp / "ko/old.md").write_text("# 옛 글\n", encoding="utf-8")
    return chdir_tmp


def codes_of(rules: tuple[ActiveRule, ...]) -> list[str]:
    return [active.rule.code for active in rules]


def run(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- check --------------------------------------------------------------------------------------


def test_check_two_files_text(trees: Path) -> None:
    code, out, err = run("check", "en/guide.md", "ko/guide.md")
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "en/guide.md ↔ ko/guide.md"
    prefix = "  en/guide.md:6 ↔ ko/guide.md:6  error   TC203 link-changed: "
    assert lines[1].startswith(prefix)
    assert "https://example.com/b" in lines[1].removeprefix(prefix)
    assert "Summary" in lines
    assert "  1 file pair checked, 1 with findings: 1 error." in lines


def test_check_two_trees_json_has_the_documented_shape(trees: Path) -> None:
    code, out, _ = run("check", "en", "ko", "--format", "json")
    assert code == 1
    document = json.loads(out)
    jsonschema.validate(document, JSON_SCHEMA)
    changed = document["findings"][0].pop("message")
    assert "https://example.com/a" in changed
    assert "https://example.com/b" in changed
    assert document["findings"] == [
        {
            "code": "TC203",
            "rule": "link-changed",
            "severity": "error",
            "source": {"path": "en/guide.md", "line": 6},
            "target": {"path": "ko/guide.md", "line": 6},
            "fix": {
                "description": "write 'https://example.com/a'",
                "safety": "unsafe",
                "edits": [
                    {
                        "start": {"line": 6, "column": 6},
                        "end": {"line": 6, "column": 27},
                        "old": "https://example.com/b",
                        "new": "https://example.com/a",
                    }
                ],
            },
        },
        {
            "code": "TC105",
            "rule": "translation-missing",
            "severity": "info",
            "message": "no Korean translation of this file",
            "source": {"path": "en/new.md", "line": None},
            "target": {"path": None, "line": None},
        },
        {
            "code": "TC106",
            "rule": "source-missing",
            "severity": "warning",
            "message": "no English source file for this Korean file",
            "source": {"path": None, "line": None},
            "target": {"path": "ko/old.md", "line": None},
        },
    ]
    assert document["summary"] == {
        "pairs": 3,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1},
        "by_rule": {"TC105": 1, "TC106": 1, "TC203": 1},
        "unreadable_files": 0,
        "translated": {"ko/guide.md": 1.0},
        "suppressed": 0,
        "baseline": None,
    }


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), 1),
        (("--fail-on", "never"), 0),
        (("--ignore", "TC203"), 0),  # left: a warning and an info; fail-on error
        (("--ignore", "link-changed", "--fail-on", "warning"), 1),
        (("--ignore", "TC2,source-missing", "--fail-on", "warning"), 0),
        (("--ignore", "TC2", "--fail-on", "info"), 1),
        (("--select", "TC105"), 0),
        (("--select", "translation-missing", "--fail-on", "info"), 1),
    ],
)
def test_exit_codes_follow_fail_on_select_and_ignore(
    trees: Path, options: tuple[str, ...], expected: int
) -> None:
    code, _, _ = run("check", "en", "ko", *options)
    assert code == expected


def test_select_and_ignore_filter_the_findings(trees: Path) -> None:
    _, out, _ = run("check", "en", "ko", "--format", "json", "--select", "TC1", "--ignore", "TC106")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["TC105"]


def test_config_file_is_discovered_and_cli_overrides_it(trees: Path) -> None:
    (trees / "transcheck.yaml").write_text("ignore: [link-changed]\nfail_on: info\n")
    code, out, _ = run("check", "en", "ko", "--format", "json")
    assert code == 1  # fail_on info from the config: the info finding fails
    assert "TC203" not in out
    code, _, _ = run("check", "en", "ko", "--fail-on", "error")
    assert code == 0


def test_named_config_and_link_rewrite(trees: Path) -> None:
    config = trees / "ci.yaml"
    config.write_text(
        "links:\n  rewrite:\n    - pattern: 'example\\.com/a'\n      replace: 'example.com/b'\n"
    )
    code, out, _ = run("check", "en/guide.md", "ko/guide.md", "--config", str(config))
    assert code == 0
    assert "  1 file pair checked, 0 with findings: no findings." in out.splitlines()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "en", "missing"), "transcheck: error: missing: no such file or folder\n"),
        (("check", "en", "ko/guide.md"), "give two files or two folders"),
        (("check", "en", "ko", "--format", "yaml"), "unknown format 'yaml'"),
        (("check", "en", "ko", "--fail-on", "fatal"), "--fail-on must be one of"),
        (("check", "en", "ko", "--select", "TC9"), "--select: unknown rule 'TC9'"),
        (("check", "en", "ko", "--ignore", "link-chnaged"), "--ignore: unknown rule"),
        (("check", "en", "ko", "--config", "none.yaml"), "none.yaml: config file not found"),
        (("explain", "TC999"), "unknown rule 'TC999'"),
        (("align", "en/guide.md", "ko/guide.md", "--format", "csv"), "--format must be one of"),
        (("rules", "--format", "csv"), "--format must be one of"),
    ],
)
def test_usage_errors_exit_2_with_a_message(
    trees: Path, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert message in err


def test_folder_without_markdown_exits_2_naming_it(trees: Path) -> None:
    (trees / "drafts").mkdir()
    (trees / "drafts" / "notes.txt").write_text("not markdown")
    code, out, err = run("check", "en", "drafts")
    assert code == 2
    assert out == ""
    assert err == (
        "transcheck: error: drafts: no Markdown files (.md, .markdown, .mdx) in this folder\n"
    )


def test_bad_config_exits_2_naming_file_key_and_line(trees: Path) -> None:
    (trees / "transcheck.yaml").write_text("fail_on: error\nseverity:\n  TC201: loud\n")
    code, _, err = run("check", "en", "ko")
    assert code == 2
    assert err == (
        f"transcheck: error: {trees / 'transcheck.yaml'}:3: severity.TC201: "
        "must be one of info, warning, error (got 'loud')\n"
    )


def test_unknown_rule_in_config_exits_2(trees: Path) -> None:
    (trees / "transcheck.yaml").write_text("select:\n  - TC2\n  - TC99\n")
    code, _, err = run("check", "en", "ko")
    assert code == 2
    assert f"{trees / 'transcheck.yaml'}:3: select.1: unknown rule 'TC99'" in err


def test_unreadable_input_exits_2_and_other_pairs_are_reported(trees: Path) -> None:
    (trees / "ko/new.md").write_bytes("# 새 글\n".encode("cp949"))
    code, out, err = run("check", "en", "ko", "--format", "json")
    assert code == 2
    assert err.startswith("transcheck: ko/new.md:1: ")
    assert "CP949" in err
    assert err.count("\n") == 1
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["target"]["path"]) for f in findings] == [
        ("TC203", "ko/guide.md"),
        ("TC001", "ko/new.md"),
        ("TC106", "ko/old.md"),
    ]


def test_output_is_written_atomically_and_stdout_stays_empty(trees: Path) -> None:
    target = trees / "reports" / "out.json"
    target.parent.mkdir()
    target.write_text("old report")
    code, out, _ = run("check", "en", "ko", "--format", "json", "--output", str(target))
    assert code == 1
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 3
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.json"]  # no temp file left


def test_several_formats_in_one_run(trees: Path) -> None:
    code, out, err = run(
        "check", "en", "ko", "-f", "text", "-f", "json=out/r.json", "--format", "sarif=r.sarif"
    )
    assert (code, err) == (1, "")
    assert out.startswith("en/guide.md ↔ ko/guide.md\n")
    assert json.loads((trees / "out" / "r.json").read_text())["summary"]["findings"] == 3
    assert json.loads((trees / "r.sarif").read_text())["version"] == "2.1.0"
    assert (trees / "r.sarif").stat().st_mode & 0o644 == 0o644  # readable like any report


def test_output_names_the_file_of_the_format_without_one(trees: Path) -> None:
    code, out, _ = run("check", "en", "ko", "-f", "json", "-f", "github=gh.txt", "-o", "r.json")
    assert (code, out) == (1, "")
    assert json.loads((trees / "r.json").read_text())["version"] == 1
    assert (trees / "gh.txt").read_text().startswith("::error file=ko/guide.md,line=6,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "text", "-f", "json"), "only one --format can go to standard output"),
        (("-f", "sarif=a.out", "-o", "b.out"), "--output names the file of a --format given"),
        (("-f", "json=a.out", "-f", "sarif=a.out"), "two formats would write the same file"),
        (("-f", "json="), "--format json=: give a file after '='"),
        (("-f", "yaml=a.out"), "unknown format 'yaml'; valid: text, json, sarif"),
        (("-f", "sarif=ko/x.md"), "ko/x.md would overwrite an input file"),
        (("-f", "sarif=en/guide.md/x"), "en/guide.md/x: cannot write: "),
    ],
)
def test_format_and_output_errors_exit_2(trees: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("check", "en", "ko", *args)
    assert (code, out) == (2, "")
    assert message in err
    assert not (trees / "a.out").exists()


def test_output_never_overwrites_an_input(trees: Path) -> None:
    before = (trees / "ko/guide.md").read_bytes()
    for path in ("ko/guide.md", "en/report.md"):
        code, _, err = run("check", "en", "ko", "--output", path)
        assert code == 2
        assert "would overwrite an input file" in err
    assert (trees / "ko/guide.md").read_bytes() == before
    assert not (trees / "en/report.md").exists()


def test_color_only_when_asked(trees: Path) -> None:
    _, plain, _ = run("check", "en", "ko")
    _, colored, _ = run("check", "en", "ko", "--color")
    assert "\x1b[" not in plain
    assert "\x1b[31merror  \x1b[0m" in colored


# --- align, rules, explain ----------------------------------------------------------------------


def test_align_table(trees: Path) -> None:
    code, out, _ = run("align", "en/guide.md", "ko/guide.md")
    assert code == 0
    lines = out.splitlines()
    header = ["EN", "English", "heading", "KO", "Korean", "heading", "conf", "status"]
    assert lines[0].split() == header
    assert lines[1].split()[:5] == ["4", "#", "Guide", "4", "#"]
    assert lines[2].split()[:4] == ["8", "##", "Setup", "8"]
    assert lines[3].split()[:4] == ["12", "##", "Usage", "12"]
    assert all(line.endswith("ok") for line in lines[1:])
    # Korean headings are padded by display width, so the confidence column lines up.
    assert len({_columns(line[: line.rindex(" ok") - 5]) for line in lines[1:]}) == 1


def _columns(text: str) -> int:
    """Terminal width of ``text`` (Hangul is two columns)."""
    return sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in text)


def test_align_json(trees: Path) -> None:
    code, out, _ = run("align", "en/guide.md", "ko/guide.md", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1
    assert [
        (r["source_line"], r["source_heading"], r["target_line"], r["target_heading"], r["status"])
        for r in document["sections"]
    ] == [
        (4, "# Guide", 4, "# 안내서", "ok"),
        (8, "## Setup", 8, "## 설치", "ok"),
        (12, "## Usage", 12, "## 사용법", "ok"),
    ]
    assert all(0 <= r["confidence"] <= 1 for r in document["sections"])


def test_align_unreadable_file_exits_2(trees: Path) -> None:
    (trees / "ko/guide.md").write_bytes("# 안내서\n".encode("cp949"))
    code, _, err = run("align", "en/guide.md", "ko/guide.md")
    assert code == 2
    assert "ko/guide.md:1: not valid UTF-8" in err


def test_rules_lists_every_rule() -> None:
    code, out, _ = run("rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(REGISTRY)
    assert lines[0].split()[:3] == [REGISTRY[0].code, REGISTRY[0].name, REGISTRY[0].severity]
    listing = json.loads(run("rules", "--format", "json")[1])
    assert [r["code"] for r in listing] == [r.code for r in REGISTRY]
    assert {"code", "name", "severity", "summary", "enabled"} == set(listing[0])


def test_rules_markdown_table_is_the_one_in_the_readme() -> None:
    code, table, _ = run("rules", "--format", "markdown")
    assert code == 0
    assert table.startswith("| Code | Name | Severity | What it reports |\n|---|---|---|---|\n")
    assert table in (REPO / "README.md").read_text(encoding="utf-8")


def test_explain_prints_the_docstring_example() -> None:
    code, out, _ = run("explain", "link-missing")
    assert code == 0
    assert out.startswith("TC201 link-missing (error)\n\n")
    assert "Bad:" in out
    assert "Good:" in out
    assert run("explain", "tc201")[1] == out


# --- a real process -----------------------------------------------------------------------------


def test_python_dash_m_on_the_demo() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "en", "ko", "--format", "json"],
        cwd=DEMO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["source"]["line"], f["target"]["line"]) for f in findings] == [
        ("TC203", 8, 8),
        ("TC206", 38, 37),
        ("TC101", 40, 39),
        ("TC204", 49, 42),
        ("TC303", 9, 8),
    ]


def test_python_dash_m_usage_error_exit_code(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "nowhere-en", "nowhere-ko"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "transcheck: error: nowhere-en: no such file or folder\n"


# --- the README tells the truth -----------------------------------------------------------------


def test_readme_shows_the_demo_output_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out, _ = run("check", "data/demo/en", "data/demo/ko")
    assert code == 1
    assert f"```text\n{out}```" in (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_config_example_is_valid(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "transcheck.yaml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.rewrite_link("../roofline") == "../roofline-kr"
    assert [p.target for p in config.pairing] == ["{stem}-kr.md", "ko/docs/{path}"]
    assert codes_of(active_rules(config))[:1] == ["TC101"]


def test_readme_quick_start_matches_ci() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "pip install '.[test]' && python -m pytest"
    assert f"```sh\n{test_command}\n```" in readme
    assert ci.rstrip().endswith(test_command)
    assert "```sh\npip install . && transcheck check data/demo/en data/demo/ko\n```" in readme
