"""Fixes in the machine formats: JSON, SARIF (schema-valid), rdjson, markdown and html."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.report.conftest import sarif_schema
from transcheck.api import PairResult, Report
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity
from transcheck.fixes import Replacement, Safety, SourceText
from transcheck.report import FORMATS, RenderOptions
from transcheck.runner import active_rules

KOREAN = "# 제목\n\n한글 [앞](#old) 끝 ```x```\n[링크](../p-kr) <b>\n"


def report(root: Path) -> Report:
    """Two findings on ko/x.md under ``root``: a safe anchor fix and an unsafe link fix."""
    path = root / "ko" / "x.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(KOREAN, encoding="utf-8")
    text = SourceText.of(path.read_bytes(), KOREAN)
    anchor = text.fix("write '#제목'", Safety.SAFE, [Replacement(3, "#old", "#제목")])
    link = text.fix("write '../p'", Safety.UNSAFE, [Replacement(4, "../p-kr", "../p")])
    english, korean = str(root / "en" / "x.md"), str(path)
    findings = (
        Finding(
            "TC204",
            "anchor-broken",
            Severity.ERROR,
            "broken",
            Location(english, 3),
            Location(korean, 3),
            fix=anchor,
        ),
        Finding(
            "TC205",
            "link-target-missing",
            Severity.ERROR,
            "missing",
            Location(english, 4),
            Location(korean, 4),
            fix=link,
        ),
    )
    return Report((PairResult(english, korean, findings),), active_rules(Config()))


def render(name: str, root: Path) -> str:
    return FORMATS[name](report(root), RenderOptions(repo_root=root))


def test_json_carries_each_fix(tmp_path: Path) -> None:
    first = json.loads(render("json", tmp_path))["findings"][0]
    assert first["fix"] == {
        "description": "write '#제목'",
        "safety": "safe",
        "edits": [
            {
                "start": {"line": 3, "column": 8},
                "end": {"line": 3, "column": 12},
                "old": "#old",
                "new": "#제목",
            }
        ],
    }


def test_sarif_fixes_are_schema_valid_replacements(tmp_path: Path) -> None:
    log = json.loads(render("sarif", tmp_path))
    jsonschema.validate(log, sarif_schema())
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    [fix] = run["results"][0]["fixes"]
    assert fix["properties"] == {"safety": "safe"}
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "ko/x.md", "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 12},
            "insertedContent": {"text": "#제목"},
        }
    ]
    # the region holds exactly the text the fix replaces
    line = KOREAN.split("\n")[2]
    assert line[8 - 1 : 12 - 1] == "#old"


def test_rdjson_suggestions_count_columns_in_utf8_bytes(tmp_path: Path) -> None:
    diagnostic = json.loads(render("rdjson", tmp_path))["diagnostics"][0]
    assert diagnostic["suggestions"] == [
        {
            "range": {"start": {"line": 3, "column": 14}, "end": {"line": 3, "column": 18}},
            "text": "#제목",
        }
    ]
    line = KOREAN.split("\n")[2].encode("utf-8")
    assert line[14 - 1 : 18 - 1] == b"#old"


def test_markdown_suggests_the_fixed_line(tmp_path: Path) -> None:
    text = render("markdown", tmp_path)
    assert "````suggestion\n한글 [앞](#제목) 끝 ```x```\n````" in text  # a longer fence
    assert "```suggestion\n[링크](../p) <b>\n```" in text
    assert "(unsafe: check it first)" in text


def test_html_shows_each_fix_before_and_after_escaped(tmp_path: Path) -> None:
    rep = report(tmp_path)
    page = FORMATS["html"](rep, RenderOptions(repo_root=tmp_path))
    assert "3 − 한글 [앞](<del>#old</del>) 끝 ```x```" in page
    assert "3 + 한글 [앞](<ins>#제목</ins>) 끝 ```x```" in page
    assert "4 + [링크](<ins>../p</ins>) &lt;b&gt;" in page
    assert "fix (unsafe): write &#x27;../p&#x27;" in page
