"""``--format json``: the stable machine shape (version 1) other tools read."""

from __future__ import annotations

import json

from transcheck.api import Report
from transcheck.report.options import PLAIN, RenderOptions


def render(report: Report, options: RenderOptions = PLAIN) -> str:
    """``{"version": 1, "findings": [...], "summary": {...}}`` as indented JSON (paths as shown
    by the text format; the options change nothing)."""
    del options
    document = {
        "version": 1,
        "findings": [finding.to_dict() for finding in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
