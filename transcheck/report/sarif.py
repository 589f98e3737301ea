"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One reporting descriptor per rule; each result has the Korean location as its primary location
and the English one as a related location; paths are relative to the repository root (uriBaseId
``%SRCROOT%``); ``partialFingerprints`` hold the line-free fingerprint baselines use, so alerts
keep their identity when lines shift. With a baseline, results carry ``baselineState`` (``new``
or ``unchanged``); findings silenced by a ``transcheck-disable`` comment carry a ``suppressions``
entry instead of vanishing. A finding with a fix carries it as ``fixes`` (artifactChanges with
replacements). Messages escape ``[``, ``]`` and backslashes, as plain-text SARIF
messages must (a bracket would otherwise open an embedded link).
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import quote

from transcheck.api import PairResult, Report
from transcheck.checks import REGISTRY, Rule
from transcheck.findings import Finding, Location, Severity, fingerprints
from transcheck.fixes import Fix
from transcheck.report.options import PLAIN, RenderOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
BASE_ID = "%SRCROOT%"
FINGERPRINT = "transcheck/v2"  # v2: rule, file, English section id, subject
_INDEX = {rule.code: n for n, rule in enumerate(REGISTRY)}


def plain_text(text: str) -> str:
    """A message for SARIF's plain-text ``message.text``: backslashes and square brackets are
    escaped, so ``[label](url)`` quoted from a file is not taken for an embedded link."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _tool_version() -> str:
    """The installed transcheck version."""
    try:
        return version("transcheck")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0"


def _descriptor(rule: Rule) -> dict[str, Any]:
    """The reportingDescriptor of one rule: id = code, kebab name, one-line and full help."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary}\n\n{rule.details}".strip()},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.enabled},
        "help": {"text": f"{rule.summary}\n\n{rule.details}".strip()},
        "properties": {"tags": ["translation", rule.code[:3] + "xx"]},
    }


def _artifact(path: str, options: RenderOptions) -> dict[str, Any]:
    """An artifactLocation: repository-relative (``%SRCROOT%``), else an absolute file URI."""
    path = options.repo_path(path)
    if path.startswith("/"):  # outside the repository root: an absolute file URI
        return {"uri": Path(path).as_uri()}
    artifact = {"uri": quote(path, safe="/")}
    if options.repo_root is not None:
        artifact["uriBaseId"] = BASE_ID
    return artifact


def _fixes(fix: Fix, path: str, options: RenderOptions) -> list[dict[str, Any]]:
    """A finding's fix as SARIF ``fixes``: one artifactChange of the Korean file whose
    replacements delete each edited region (code-point columns, see ``columnKind``) and insert
    the new text; the safety label goes in the properties."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": edit.line,
                "startColumn": edit.column,
                "endLine": edit.end_line,
                "endColumn": edit.end_column,
            },
            "insertedContent": {"text": edit.text},
        }
        for edit in fix.edits
    ]
    return [
        {
            "description": {"text": plain_text(fix.description)},
            "artifactChanges": [
                {"artifactLocation": _artifact(path, options), "replacements": replacements}
            ],
            "properties": {"safety": fix.safety.value},
        }
    ]


def _location(where: Location, options: RenderOptions, message: str | None) -> dict[str, Any]:
    """A SARIF location: a repository-relative file and line; a file read from a git revision
    (not in the work tree) is named in the message only."""
    assert where.path is not None
    location: dict[str, Any] = {}
    revision = options.revision_of(where.path)
    if revision is None:
        physical: dict[str, Any] = {"artifactLocation": _artifact(where.path, options)}
        if where.line is not None:
            physical["region"] = {"startLine": where.line}
        location["physicalLocation"] = physical
    else:
        message = f"{message or 'English source'}: {where}"
    if message is not None:
        location["message"] = {"text": plain_text(message)}
    return location


def _result(
    finding: Finding, fingerprint: str, state: str | None, options: RenderOptions
) -> dict[str, Any]:
    """One result: rule, level, message, Korean (primary) and English (related) locations."""
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": _INDEX[finding.code],
        "level": LEVEL[finding.severity],
        "message": {"text": plain_text(finding.message)},
        "locations": [_location(finding.primary, options, None)],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.target.path is not None and finding.source.path is not None:
        related = _location(finding.source, options, "English source")
        result["relatedLocations"] = [{"id": 1, **related}]
    if state is not None:
        result["baselineState"] = state
    korean = finding.target.path
    if finding.fix is not None and korean is not None and options.revision_of(korean) is None:
        result["fixes"] = _fixes(finding.fix, korean, options)
    return result


def _ordered(pair: PairResult, baseline: bool) -> list[tuple[Finding, str | None, bool]]:
    """A pair's findings, accepted and silenced ones included, in line order: each with its
    baseline state and whether it was suppressed."""
    entries = [(f, "new" if baseline else None, False) for f in pair.findings]
    entries += [(f, "unchanged", False) for f in pair.baselined]
    entries += [(f, None, True) for f in pair.suppressed]
    return sorted(entries, key=lambda entry: entry[0].sort_key())


def render(report: Report, options: RenderOptions = PLAIN) -> str:
    """The whole run as one SARIF log with one run."""
    entries = [e for pair in report.pairs for e in _ordered(pair, report.baseline_used)]
    prints = fingerprints([finding for finding, _, _ in entries], options.repo_path)
    results = []
    for (finding, state, suppressed), fingerprint in zip(entries, prints, strict=True):
        result = _result(finding, fingerprint, state, options)
        if suppressed:
            result["suppressions"] = [
                {
                    "kind": "inSource",
                    "status": "accepted",
                    "justification": "silenced by a transcheck-disable comment",
                }
            ]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "transcheck",
                "version": _tool_version(),
                "rules": [_descriptor(rule) for rule in REGISTRY],
            }
        },
        "results": results,
        "columnKind": "unicodeCodePoints",  # fix regions count code points, as Python does
    }
    if options.repo_root is not None:
        root = options.repo_root.resolve().as_uri().rstrip("/") + "/"
        run["originalUriBaseIds"] = {BASE_ID: {"uri": root}}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
