"""Finding and Severity: the frozen record every check produces and every format renders."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from transcheck.fixes.model import Fix


class Severity(StrEnum):
    """How much a finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: path as shown to the user and a 1-based line (None when unknown)."""

    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        """``path:line``, ``path`` for a whole file, ``-`` for no place."""
        if self.path is None:
            return "-"
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"path": …, "line": …}`` with nulls where unknown."""
        return {"path": self.path, "line": self.line}


NOWHERE = Location()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: rule code and name, severity, message, English and Korean locations."""

    code: str
    rule: str
    severity: Severity
    message: str
    source: Location = NOWHERE
    target: Location = NOWHERE
    # What the finding is about, for fingerprints, when the message also carries counts that
    # change with other files (e.g. a glossary term and rendering); empty: the message is it.
    identity: str = field(default="", compare=False)
    fix: Fix | None = field(default=None, compare=False)  # edits on the Korean file, if any

    @property
    def primary(self) -> Location:
        """The Korean location when there is one (what the translator edits), else the English."""
        return self.target if self.target.path is not None else self.source

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Deterministic order: file, line, English line, code, message."""
        primary = self.primary
        return (
            primary.path or "",
            primary.line or 0,
            self.source.line or 0,
            self.code,
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape other tools read (version 1); ``fix`` only when there is one."""
        shape = {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
        }
        if self.fix is not None:
            shape["fix"] = self.fix.to_dict()
        return shape


# Line references a message may carry for the reader ("(line 12)", "lines 7-9", "Korean line
# 40"): left out of fingerprints, since lines shift whenever text above them changes.
_LINE_REFERENCE = re.compile(r"\blines? \d+(?:-\d+)?")


def fingerprints(
    findings: Sequence[Finding], path_key: Callable[[str], str] = lambda path: path
) -> list[str]:
    """A stable identity per finding: rule, Korean (else English) file and message, plus an
    occurrence count for identical ones, and no line number, so edits elsewhere in the file do
    not change it (baselines and SARIF ``partialFingerprints`` rely on that). ``path_key`` makes
    paths independent of the working directory (relative to the repository root)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        message = finding.identity or _LINE_REFERENCE.sub("line #", finding.message)
        key = (finding.code, path_key(finding.primary.path or ""), message)
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()
        result.append(digest[:32])
    return result
