"""``--format markdown``: a summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Totals by severity and by rule, then a table per chapter; a chapter with many findings is folded
in ``<details>``. With ``--link-base URL`` every work-tree location links to its line
(``URL/ko/x.md#L14``). Text from the files is escaped, so a message never renders as a link,
an image, math or HTML. A finding with a fix is followed by a ```` ```suggestion ```` block of
the fixed lines (in a pull-request review comment GitHub offers to commit it).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from transcheck.api import PairResult, Report
from transcheck.counted import plural
from transcheck.findings import Finding, Location
from transcheck.report.options import PLAIN, RenderOptions
from transcheck.report.wording import severity_counts

FOLD_AFTER = 10  # chapters with more findings than this are folded
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&])")


def escape(text: str) -> str:
    """Text made inert for Markdown and safe in a table cell: one line, punctuation escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _where(location: Location, options: RenderOptions) -> str:
    """A location cell: a link to the line with ``--link-base``, else the path as code."""
    if location.path is None:
        return "–"
    label = escape(str(location))
    if options.link_base is None or options.revision_of(location.path) is not None:
        return label
    path = quote(options.repo_path(location.path), safe="/")
    anchor = f"#L{location.line}" if location.line else ""
    return f"[{label}]({options.link_base.rstrip('/')}/{path}{anchor})"


def _row(finding: Finding, options: RenderOptions) -> str:
    """One table row: Korean and English places, severity, rule, message."""
    return (
        f"| {_where(finding.target, options)} | {_where(finding.source, options)} "
        f"| {finding.severity.value} | {finding.code} `{finding.rule}` "
        f"| {escape(finding.message)} |"
    )


def _fence(lines: list[str]) -> str:
    """A backtick fence longer than any backtick run in ``lines`` (at least three)."""
    runs = [len(run) for line in lines for run in re.findall(r"`+", line)]
    return "`" * max(3, max(runs, default=0) + 1)


def _suggestions(finding: Finding, options: RenderOptions) -> list[str]:
    """A finding's fix as GitHub ``suggestion`` blocks, one per run of touched lines: the
    lines as they read once fixed (a reviewer commits them in one click)."""
    fix = finding.fix
    if fix is None or finding.target.path is None:
        return []
    label = "safe" if fix.safe else "unsafe: check it first"
    lines = [
        f"{_where(finding.target, options)} {finding.code}: {escape(fix.description)} ({label})"
    ]
    after = fix.after()
    runs: list[list[tuple[int, str]]] = []
    for number, text in after:
        if runs and runs[-1][-1][0] == number - 1:
            runs[-1].append((number, text))
        else:
            runs.append([(number, text)])
    for run in runs:
        texts = [text for _, text in run]
        fence = _fence(texts)
        lines += ["", f"{fence}suggestion", *texts, fence]
    return [*lines, ""]


def _chapter(pair: PairResult, options: RenderOptions) -> list[str]:
    """One chapter's table under its name, then its suggested fixes; folded when it is long."""
    name = escape(pair.target or f"{pair.source} (no Korean file)")
    table = [
        "| Korean | English | Severity | Rule | Message |",
        "| --- | --- | --- | --- | --- |",
        *(_row(f, options) for f in pair.findings),
    ]
    fixes = [line for f in pair.findings for line in _suggestions(f, options)]
    if fixes:
        table += ["", "Suggested fixes:", "", *fixes]
    title = f"{name}: {severity_counts(pair.findings)}"
    if len(pair.findings) > FOLD_AFTER:
        return [f"<details><summary>{title}</summary>", "", *table, "", "</details>", ""]
    return [f"#### {title}", "", *table, ""]


def _totals(report: Report) -> list[str]:
    """The headline, what was set aside, and the findings by severity and by rule."""
    summary = report.summary()
    flagged = sum(1 for pair in report.pairs if pair.findings)
    lines = [
        f"{plural(summary['pairs'], 'file pair')} checked, {flagged} with findings: "
        f"{severity_counts(report.findings)}.",
    ]
    if summary["suppressed"]:
        silenced = plural(summary["suppressed"], "finding")
        lines.append(f"{silenced} silenced by `transcheck-disable` comments.")
    if summary["baseline"] is not None:
        baseline = summary["baseline"]
        lines.append(
            f"Baseline: {plural(baseline['unchanged'], 'accepted finding')} not shown, "
            f"{baseline['no_longer_present']} no longer present."
        )
    if report.unreadable:
        lines.append(f"{plural(report.unreadable, 'file')} could not be read (TC001).")
    if not report.findings:
        return [*lines, ""]
    lines += ["", "| Severity | Findings |", "| --- | ---: |"]
    lines += [f"| {s} | {n} |" for s, n in summary["by_severity"].items() if n]
    names = {active.rule.code: active.rule.name for active in report.rules}
    lines += ["", "| Rule | Findings |", "| --- | ---: |"]
    lines += [f"| {code} `{names.get(code, '')}` | {n} |" for code, n in summary["by_rule"].items()]
    return [*lines, ""]


def render(report: Report, options: RenderOptions = PLAIN) -> str:
    """The whole summary as GitHub-flavoured Markdown."""
    lines = ["### transcheck", "", *_totals(report)]
    for pair in report.pairs:
        if pair.findings:
            lines += _chapter(pair, options)
    if report.findings:
        lines.append("`transcheck explain CODE` shows what a rule means, with an example.")
    return "\n".join(lines).rstrip("\n") + "\n"
