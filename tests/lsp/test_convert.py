"""Findings as the protocol shows them: UTF-16 columns, the editor's lines, rule links."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls")

from transcheck.config import load_config
from transcheck.findings import Finding, Location, Severity
from transcheck.lsp import convert

FINDING = Finding(
    "TC204", "anchor-broken", Severity.ERROR, "m", Location("en/a.md", 3), Location("ko/a.md", 2)
)


def test_a_line_range_counts_utf16_units_of_the_editor_line() -> None:
    lines = convert.editor_lines("# 제목\r\n😀 이모지 줄\u2028그대로\rlast")
    assert lines == ["# 제목", "😀 이모지 줄\u2028그대로", "last"]
    found = convert.line_range(2, lines)  # the emoji counts 2 units
    assert (found.start.line, found.start.character) == (1, 0)
    assert (found.end.line, found.end.character) == (1, 2 + 1 + 3 + 1 + 1 + 1 + 3)
    assert convert.line_range(None, lines).start.line == 0


def test_rule_docs_follow_the_configured_template(tmp_path: Path) -> None:
    (tmp_path / ".transcheck.yaml").write_text(
        "editor:\n  rule_docs: 'https://docs.example.org/rules/{name}#{code}'\n", encoding="utf-8"
    )
    template = str(load_config(None, start=tmp_path).option("editor", "rule_docs"))
    assert convert.rule_docs(template, FINDING) == (
        "https://docs.example.org/rules/anchor-broken#TC204"
    )
    default = convert.rule_docs("", FINDING)
    assert default is None or default.endswith("README.md#rules")
