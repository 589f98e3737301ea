"""Finding and Severity: the frozen record every check produces and every format renders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import field
from enum import StrEnum
from typing import Any

from transcheck.digests import sha256_hex
from transcheck.fixes.model import Fix
from transcheck.lazy import compiled
from transcheck.records import record


class Severity(StrEnum):
    """How much a finding matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


@record(slots=True, eq=True)
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


@record(slots=True, eq=True)
class Finding:
    """One problem: rule code and name, severity, message, English and Korean locations."""

    code: str
    rule: str
    severity: Severity
    message: str
    source: Location = NOWHERE
    target: Location = NOWHERE
    # What the finding is about, for fingerprints (a glossary term and rendering, a paragraph's
    # English opening); empty: the message with its quoted Korean text, headings, numbers and
    # line references left out (see ``subject``).
    identity: str = field(default="", compare=False)
    # The English section the finding concerns (its heading id; a Korean section without
    # English source: the id of the English section it follows, with " +"), for fingerprints.
    section: str = field(default="", compare=False)
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
# 40"): left out of fingerprints, since lines shift whenever text above them changes. Only
# fingerprints (SARIF, baselines) use these patterns: compiled when they are first asked for.
_LINE_REFERENCE = compiled(r"\blines? \d+(?:-\d+)?")
# Quoted parts of a message: 'x', "x", `x` and the [text] of a link (an apostrophe inside a
# word, as in "chapter's", opens nothing).
_QUOTED = compiled(r"(?<!\w)'[^'\n]*'(?!\w)|\"[^\"\n]*\"|`[^`\n]*`|\[[^\]\n]*\]")
_HANGUL = compiled(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HEADING = compiled(r"^.#{1,6} ")
_NUMBER = compiled(r"[±+-]?\d+(?:[.,]\d+)*(?:%|×)?")
_PATH = compiled(r"(?<![\w:/])(?:[\w.~-]*/)*[\w.-]+\.(?:md|mdx|markdown)\b")


def subject(message: str, path_key: Callable[[str], str] = lambda path: path) -> str:
    """What a message is about, for fingerprints of findings without an ``identity``: the
    message without what harmless edits change. Quoted text holding Korean (a translator
    rewords it) and quoted headings become ``«»``; numbers outside quotes (counts, lengths,
    ratios) become ``#``; line references go; file paths are keyed by ``path_key`` (relative
    to the repository, not the working directory)."""
    parts: list[str] = []
    at = 0
    for quoted in _QUOTED().finditer(message):
        parts.append(_plain(message[at : quoted.start()], path_key))
        text = quoted.group()
        if _HANGUL().search(text) or _HEADING().match(text):
            parts.append(text[0] + "«»" + text[-1])
        else:
            parts.append(_PATH().sub(lambda m: path_key(m.group()), text))
        at = quoted.end()
    parts.append(_plain(message[at:], path_key))
    return "".join(parts)


def without_lines(text: str) -> str:
    """Text with the file lines it names as ``line #`` (``English line 39 ↔ Korean line 39``,
    ``lines 5-9``): what stays when the same thing is said at other lines."""
    return _LINE_REFERENCE().sub("line #", text)


def _plain(text: str, path_key: Callable[[str], str]) -> str:
    """Unquoted message text for ``subject``: line references and numbers out, paths keyed."""
    text = without_lines(text)
    parts, at = [], 0
    for path in _PATH().finditer(text):
        parts += [_NUMBER().sub("#", text[at : path.start()]), path_key(path.group())]
        at = path.end()
    return "".join([*parts, _NUMBER().sub("#", text[at:])])


def fingerprints(
    findings: Sequence[Finding], path_key: Callable[[str], str] = lambda path: path
) -> list[str]:
    """A stable identity per finding: rule, Korean (else English) file, the English section it
    concerns and its subject (``identity``, else the ``subject`` of its message), plus an
    occurrence count for identical ones; never a line, measurement or quoted Korean text, so
    edits elsewhere and rewordings do not change it (baselines and SARIF
    ``partialFingerprints`` rely on that). ``path_key`` makes paths independent of the
    working directory (relative to the repository root, or to the checked trees)."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    result = []
    for finding in findings:
        about = finding.identity or subject(finding.message, path_key)
        key = (finding.code, path_key(finding.primary.path or ""), finding.section, about)
        seen[key] += 1
        digest = sha256_hex("\0".join((*key, str(seen[key]))).encode("utf-8"))
        result.append(digest[:32])
    return result
