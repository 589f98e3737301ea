"""Inline suppression directives: spans, rule names, and unused directives."""

from __future__ import annotations

from transcheck.findings import Finding, Location, Severity
from transcheck.suppress import Suppressions, parse_directive, partition


def finding(line: int, code: str = "TC201", rule: str = "link-missing") -> Finding:
    """A finding at a Korean line of ko/x.md."""
    return Finding(
        code, rule, Severity.ERROR, "m", Location("en/x.md", 1), Location("ko/x.md", line)
    )


def test_parse_directive_forms() -> None:
    assert parse_directive(" transcheck-disable TC201, link-extra ", 3, 3).rules == (  # type: ignore[union-attr]
        "TC201",
        "link-extra",
    )
    next_line = parse_directive("transcheck-disable-next-line", 5, 5)
    assert next_line is not None and next_line.kind == "disable-next-line" and not next_line.rules
    assert parse_directive("just a comment", 1, 1) is None


def test_disable_enable_span_by_code_and_name() -> None:
    directives = [
        parse_directive("transcheck-disable link-missing", 10, 10),
        parse_directive("transcheck-enable", 20, 20),
    ]
    spans = Suppressions([d for d in directives if d], line_count=40)
    kept, silenced = partition(
        [finding(9), finding(15), finding(15, "TC202", "link-extra"), finding(21)], spans, "ko/x.md"
    )
    assert [f.target.line for f in silenced] == [15]
    assert [(f.code, f.target.line) for f in kept] == [("TC201", 9), ("TC202", 15), ("TC201", 21)]
    assert spans.unused() == []


def test_next_line_and_unused_directive_reported() -> None:
    used = parse_directive("transcheck-disable-next-line TC201", 7, 7)
    stale = parse_directive("transcheck-disable-next-line TC301", 30, 30)
    assert used is not None and stale is not None
    spans = Suppressions([used, stale], line_count=40)
    kept, silenced = partition([finding(8), finding(9)], spans, "ko/x.md")
    assert [f.target.line for f in silenced] == [8]
    assert [f.target.line for f in kept] == [9]
    assert spans.unused() == [stale]
