"""``--format text``: findings grouped per file pair, both locations on every line."""

from __future__ import annotations

from transcheck.api import Report
from transcheck.findings import Finding, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _line(finding: Finding, color: bool) -> str:
    where = f"{finding.source} ↔ {finding.target}"
    severity = _paint(f"{finding.severity.value:<7}", _COLORS[finding.severity], color)
    return f"  {where}  {severity} {finding.code} {finding.rule}: {finding.message}"


def render(report: Report, color: bool = False) -> str:
    """Pairs with findings, each followed by its findings; then one summary line."""
    lines: list[str] = []
    for pair in report.pairs:
        if not pair.findings:
            continue
        header = f"{pair.source or '(no English file)'} ↔ {pair.target or '(no Korean file)'}"
        lines.append(_paint(header, "1", color))
        lines.extend(_line(finding, color) for finding in pair.findings)
        lines.append("")
    summary = report.summary()
    counts = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items())
    total = summary["findings"]
    noun = "finding" if total == 1 else "findings"
    lines.append(f"{total} {noun} ({counts}) in {summary['pairs']} file pairs")
    if report.unreadable:
        lines.append(f"{report.unreadable} file(s) could not be read")
    return "\n".join(lines) + "\n"
