"""``--format text``: findings grouped per file pair, both locations on every line, then a
summary a translator can act on (totals, which files, which rules)."""

from __future__ import annotations

from transcheck.api import PairResult, Report
from transcheck.counted import plural
from transcheck.findings import Finding, Severity
from transcheck.glossary.decide import tree_summary
from transcheck.report.options import PLAIN, RenderOptions
from transcheck.report.wording import severity_counts

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    """``text`` in an ANSI color when ``color``."""
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _shown(text: str) -> str:
    """``text`` with control characters escaped (a file name holding a newline, a message
    quoting a terminal escape), so each finding stays on its line and cannot drive the terminal."""
    if text.isprintable():  # nearly every text: none to escape
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def finding_line(finding: Finding, color: bool) -> str:
    """One finding: both places, severity, code, name (``[*]`` when ``--fix`` fixes it) and
    message."""
    where = _shown(f"{finding.source} ↔ {finding.target}")
    severity = _paint(f"{finding.severity.value:<7}", _COLORS[finding.severity], color)
    mark = " [*]" if finding.fix is not None and finding.fix.safe else ""
    return f"  {where}  {severity} {finding.code} {finding.rule}{mark}: {_shown(finding.message)}"


def _fixable(findings: tuple[Finding, ...]) -> list[str]:
    """``[*] 3 fixable with --fix (1 more with --unsafe-fixes)``, or nothing."""
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if not safe + unsafe:
        return []
    more = f" ({unsafe} more with --fix --unsafe-fixes)" if unsafe else ""
    return [f"  [*] {safe} fixable with --fix{more}; --diff shows the changes."]


def _pair_name(pair: PairResult) -> str:
    """The file a translator opens for this pair: the Korean one when it exists."""
    return _shown(pair.target or f"{pair.source} (no Korean file)")


def _share(pair: PairResult) -> str:
    """``; 86% translated`` when part of the English paragraphs has no Korean translation."""
    if pair.translated is None or pair.translated >= 1:
        return ""
    return f"; {pair.translated:.0%} translated"


def _summary(report: Report) -> list[str]:
    """Totals, the files with findings and the rules that fired, most frequent first."""
    summary = report.summary()
    flagged = [pair for pair in report.pairs if pair.findings]
    lines = [
        "Summary",
        f"  {plural(summary['pairs'], 'file pair')} checked, {len(flagged)} with findings: "
        f"{severity_counts(report.findings)}.",
    ]
    if report.unreadable:
        lines.append(
            f"  {report.unreadable} file(s) could not be read or checked (TC001; each "
            "message says why); the other files were checked."
        )
    if summary["suppressed"]:
        silenced = plural(summary["suppressed"], "finding")
        lines.append(f"  {silenced} silenced by transcheck-disable comments.")
    if summary["baseline"] is not None:
        baseline = summary["baseline"]
        lines.append(
            f"  Baseline: {plural(baseline['unchanged'], 'accepted finding')} not shown; "
            f"{baseline['no_longer_present']} no longer present."
        )
    if flagged:
        lines.append("  Files:")
        width = max(len(_pair_name(pair)) for pair in flagged)
        lines += [
            f"    {_pair_name(pair):<{width}}  {severity_counts(pair.findings)}{_share(pair)}"
            for pair in flagged
        ]
        names = {active.rule.code: active.rule.name for active in report.rules}
        lines.append("  Rules:")
        by_rule = sorted(summary["by_rule"].items(), key=lambda item: -item[1])
        lines += [f"    {n:>4}  {code} {names.get(code, '')}" for code, n in by_rule]
        terms = tree_summary(report.findings)
        if terms:
            lines.append("  Terms rendered more than one way (glossary-inconsistent):")
            lines += [f"    {term}" for term in terms]
        lines += _fixable(report.findings)
        lines.append("  `transcheck explain CODE` shows what a rule means, with an example.")
    return lines


def render(report: Report, options: RenderOptions = PLAIN) -> str:
    """Pairs with findings, each followed by its findings; then the summary."""
    color = options.color
    lines: list[str] = []
    for pair in report.pairs:
        if not pair.findings:
            continue
        header = f"{pair.source or '(no English file)'} ↔ {pair.target or '(no Korean file)'}"
        lines.append(_paint(_shown(header), "1", color))
        lines.extend(finding_line(finding, color) for finding in pair.findings)
        lines.append("")
    lines += _summary(report)
    return "\n".join(lines) + "\n"
