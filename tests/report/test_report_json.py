"""The JSON format: version 1, findings with both locations (null where absent), the summary."""

from __future__ import annotations

import json

from transcheck.api import PairResult, Report
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity
from transcheck.report import FORMATS, RenderOptions
from transcheck.report.json_format import render
from transcheck.runner import active_rules


def test_json_document() -> None:
    findings = (
        Finding(
            "TC204",
            "anchor-broken",
            Severity.ERROR,
            "use '#부록'",
            Location("en/a.md", 7),
            Location("ko/a.md", 8),
        ),
        Finding(
            "TC106",
            "source-missing",
            Severity.WARNING,
            "no source",
            Location(),
            Location("ko/b.md"),
        ),
    )
    report = Report(
        (PairResult("en/a.md", "ko/a.md", findings[:1]), PairResult(None, "ko/b.md", findings[1:])),
        active_rules(Config()),
    )
    text = render(report)
    assert text.endswith("}\n")
    assert "'#부록'" in text  # Korean kept as written, not \\u-escaped
    assert json.loads(text) == {
        "version": 1,
        "findings": [
            {
                "code": "TC204",
                "rule": "anchor-broken",
                "severity": "error",
                "message": "use '#부록'",
                "source": {"path": "en/a.md", "line": 7},
                "target": {"path": "ko/a.md", "line": 8},
            },
            {
                "code": "TC106",
                "rule": "source-missing",
                "severity": "warning",
                "message": "no source",
                "source": {"path": None, "line": None},
                "target": {"path": "ko/b.md", "line": None},
            },
        ],
        "summary": {
            "pairs": 2,
            "findings": 2,
            "by_severity": {"error": 1, "warning": 1, "info": 0},
            "by_rule": {"TC106": 1, "TC204": 1},
            "unreadable_files": 0,
            "translated": {},
            "suppressed": 0,
            "baseline": None,
        },
    }


def test_json_and_text_are_registered_and_json_ignores_color() -> None:
    report = Report((), active_rules(Config()))
    assert {"text", "json"} <= set(FORMATS)
    colored = FORMATS["json"](report, RenderOptions(color=True))
    assert colored == FORMATS["json"](report, RenderOptions())
    assert "\x1b[" not in colored
