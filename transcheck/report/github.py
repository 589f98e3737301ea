"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

Values are escaped as the Actions toolkit does: ``%``, CR and LF in messages; also ``:`` and
``,`` in properties. GitHub shows only the first 10 annotations of each severity per step, so
the output ends with a notice that gives the totals and where the full report is.
"""

from __future__ import annotations

from transcheck.api import Report
from transcheck.counted import plural
from transcheck.findings import Finding, Severity
from transcheck.report.options import PLAIN, RenderOptions
from transcheck.report.wording import severity_counts

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, options: RenderOptions) -> str:
    """One ``::error file=…,line=…,title=…::message`` line at the Korean (else English) place;
    a file read from a git revision is not in the work tree, so it is named in the message."""
    where = finding.primary
    properties = []
    message = finding.message
    if where.path is not None and options.revision_of(where.path) is None:
        properties.append(f"file={escape_property(options.repo_path(where.path))}")
        if where.line is not None:
            properties.append(f"line={where.line}")
    else:
        message = f"{where}: {message}"
    properties.append(f"title={escape_property(f'{finding.code} {finding.rule}')}")
    if finding.target.path is not None and finding.source.path is not None:
        message += f" (English: {finding.source})"
    return f"::{_COMMAND[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def closing_notice(report: Report, options: RenderOptions) -> str:
    """The totals, what was set aside, and where the full report is."""
    summary = report.summary()
    parts = [
        f"{plural(summary['findings'], 'finding')} in {plural(summary['pairs'], 'file pair')}"
        + (f": {severity_counts(report.findings)}" if summary["findings"] else "")
    ]
    if summary["suppressed"]:
        silenced = plural(summary["suppressed"], "finding")
        parts.append(f"{silenced} silenced by transcheck-disable comments")
    if summary["baseline"] is not None:
        baseline = summary["baseline"]
        parts.append(
            f"{plural(baseline['unchanged'], 'finding')} accepted by the baseline, "
            f"{baseline['no_longer_present']} no longer present"
        )
    if summary["findings"]:
        parts.append("GitHub shows at most 10 annotations of each severity per step")
    if options.full_report:
        parts.append(f"full report: {options.full_report}")
    return f"::notice title=transcheck::{escape_data('; '.join(parts))}"


def render(report: Report, options: RenderOptions = PLAIN) -> str:
    """Every finding as an annotation, in report order, then the closing notice."""
    lines = [annotation(finding, options) for finding in report.findings]
    lines.append(closing_notice(report, options))
    return "\n".join(lines) + "\n"
