"""Baselines: accept the findings a project already has, and report only new ones.

A baseline file records each finding's fingerprint (rule, file relative to the repository root,
the English section it concerns, its subject; never the line, measurements or quoted Korean
text, see ``findings.fingerprints``), so edits elsewhere, a reworded Korean heading or sentence
do not revive accepted findings. Findings fixed since the baseline was written are counted as
no longer present. Version 1 files (message fingerprints) must be written again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from transcheck.findings import Finding, fingerprints
from transcheck.parse.source import read_named_file
from transcheck.records import record

FORMAT_VERSION = 2


class BaselineError(Exception):
    """A baseline file that cannot be read; names the file."""


@record(eq=True)
class BaselineSplit:
    """Findings split by a baseline: new ones, accepted ones, and how many accepted are gone."""

    new: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]
    fixed: int


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(read_named_file(path, "utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: cannot read baseline: {error}") from None
    if isinstance(data, dict) and data.get("version") == 1:
        raise BaselineError(
            f"{path}: a version 1 baseline, whose fingerprints changed with version "
            f"{FORMAT_VERSION}: write it again with --update-baseline"
        )
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a transcheck baseline (version {FORMAT_VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    try:
        return frozenset(str(entry["fingerprint"]) for entry in entries)
    except (TypeError, KeyError):
        raise BaselineError(f"{path}: every entry needs a fingerprint") from None


def split(
    findings: Sequence[Finding], accepted: frozenset[str], path_key: Callable[[str], str]
) -> BaselineSplit:
    """Separate new findings from those the baseline accepted."""
    new, unchanged, matched = [], [], set()
    for finding, fingerprint in zip(findings, fingerprints(findings, path_key), strict=True):
        if fingerprint in accepted:
            unchanged.append(finding)
            matched.add(fingerprint)
        else:
            new.append(finding)
    return BaselineSplit(tuple(new), tuple(unchanged), len(accepted - matched))


def baseline_document(findings: Sequence[Finding], path_key: Callable[[str], str]) -> str:
    """The baseline file for ``findings``, as JSON text (sorted, so diffs stay small)."""
    entries: list[dict[str, Any]] = [
        {
            "fingerprint": fingerprint,
            "code": finding.code,
            "rule": finding.rule,
            "path": path_key(finding.primary.path or ""),
            "message": finding.message,
        }
        for finding, fingerprint in zip(findings, fingerprints(findings, path_key), strict=True)
    ]
    entries.sort(key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]))
    return (
        json.dumps({"version": FORMAT_VERSION, "findings": entries}, ensure_ascii=False, indent=2)
        + "\n"
    )
