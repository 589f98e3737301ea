"""``--format json``: the stable machine shape (version 1) other tools read."""

from __future__ import annotations

import json

from transcheck.api import Report


def render(report: Report, color: bool = False) -> str:
    """``{"version": 1, "findings": [...], "summary": {...}}`` as indented JSON."""
    del color  # JSON is never colored
    document = {
        "version": 1,
        "findings": [finding.to_dict() for finding in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
