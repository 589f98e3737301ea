"""Counted nouns shared by the human-readable formats (text, markdown, github)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from transcheck.counted import plural
from transcheck.findings import Finding, Severity

_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info", "info"),
}


def severity_counts(findings: Iterable[Finding]) -> str:
    """``3 errors, 1 warning`` (severities with no finding left out), or ``no findings``."""
    counts = Counter(f.severity for f in findings)
    parts = [plural(counts[s], *_NOUNS[s]) for s in reversed(Severity) if counts[s]]
    return ", ".join(parts) or "no findings"
