"""``--format rdjson``: reviewdog's diagnostic JSON (``DiagnosticResult``), so reviewdog can
comment on pull requests: one diagnostic per finding at its Korean (else English) place, the
English place as a related location; a fix becomes ``suggestions`` (columns in UTF-8 bytes, as
reviewdog counts them), which reviewdog posts as suggested changes."""

from __future__ import annotations

import json
from typing import Any

from transcheck.api import Report
from transcheck.findings import Finding, Location, Severity
from transcheck.report.options import PLAIN, RenderOptions

_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def _location(where: Location, options: RenderOptions) -> dict[str, Any]:
    """``{"path", "range"}`` relative to the repository root (no range without a line)."""
    assert where.path is not None
    location: dict[str, Any] = {"path": options.repo_path(where.path)}
    if where.line is not None:
        location["range"] = {"start": {"line": where.line}}
    return location


def diagnostic(finding: Finding, options: RenderOptions) -> dict[str, Any]:
    """One reviewdog diagnostic; a place in a file read from a git revision is named in the
    message, since reviewdog can only comment on files of the work tree."""
    where = finding.primary
    message = finding.message
    entry: dict[str, Any] = {"message": message}
    if where.path is not None and options.revision_of(where.path) is None:
        entry["location"] = _location(where, options)
    else:
        entry["message"] = f"{where}: {message}"
    entry["severity"] = _SEVERITY[finding.severity]
    entry["code"] = {"value": finding.code}
    english = finding.source
    if finding.target.path is not None and english.path is not None:
        related: dict[str, Any] = {"message": f"English source: {english}"}
        if options.revision_of(english.path) is None:
            related["location"] = _location(english, options)
        entry["related_locations"] = [related]
    fix = finding.fix
    if fix is not None and "location" in entry and finding.target.path is not None:
        entry["suggestions"] = [
            {
                "range": {
                    "start": {"line": e.line, "column": fix.utf8_column(e.line, e.column)},
                    "end": {
                        "line": e.end_line,
                        "column": fix.utf8_column(e.end_line, e.end_column),
                    },
                },
                "text": e.text,
            }
            for e in fix.edits
        ]
    return entry


def render(report: Report, options: RenderOptions = PLAIN) -> str:
    """``{"source": …, "diagnostics": [...]}`` as JSON, in report order."""
    document = {
        "source": {"name": "transcheck"},
        "diagnostics": [diagnostic(f, options) for f in report.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
