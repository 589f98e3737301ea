"""Inline suppressions written in the Korean file as HTML comments.

``<!-- transcheck-disable TC201 link-extra -->`` … ``<!-- transcheck-enable -->`` silences the
named rules (all rules when none are named) on the lines between; ``<!-- transcheck-disable-next-
line TC301 -->`` silences the line after the comment. A directive that silenced nothing is itself
reported, so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from transcheck.findings import Finding

_DIRECTIVE = re.compile(
    r"^\s*transcheck-(disable-next-line|disable|enable)\b([^>]*?)\s*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: its kind, the rules it names (empty: all), its lines."""

    kind: str  # "disable", "enable" or "disable-next-line"
    rules: tuple[str, ...]
    line: int
    end_line: int


def parse_directive(comment: str, line: int, end_line: int) -> Directive | None:
    """The directive in an HTML comment's text (without ``<!--``/``-->``), if it is one."""
    match = _DIRECTIVE.match(comment)
    if match is None:
        return None
    rules = tuple(part for part in re.split(r"[\s,]+", match.group(2)) if part)
    return Directive(match.group(1).lower(), rules, line, end_line)


@dataclass
class _Span:
    directive: Directive
    first: int
    last: int
    used: bool = field(default=False)

    def covers(self, line: int, code: str, name: str) -> bool:
        if not self.first <= line <= self.last:
            return False
        named = self.directive.rules
        return not named or any(r.upper() == code or r.lower() == name for r in named)


class Suppressions:
    """The suppression spans of one Korean file, and which of them were used."""

    def __init__(self, directives: Iterable[Directive], line_count: int) -> None:
        self._spans: list[_Span] = []
        open_spans: list[_Span] = []
        for directive in sorted(directives, key=lambda d: d.line):
            if directive.kind == "disable-next-line":
                target = directive.end_line + 1
                self._spans.append(_Span(directive, target, target))
            elif directive.kind == "disable":
                span = _Span(directive, directive.end_line + 1, line_count)
                self._spans.append(span)
                open_spans.append(span)
            else:
                closing = directive.rules
                for span in list(open_spans):
                    if not closing or set(closing) & set(span.directive.rules):
                        span.last = directive.line - 1
                        open_spans.remove(span)

    def suppresses(self, finding: Finding) -> bool:
        """Whether a finding at a Korean line is silenced (and mark the directive used)."""
        line = finding.target.line
        if line is None:
            return False
        hit = False
        for span in self._spans:
            if span.covers(line, finding.code, finding.rule):
                span.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        """Directives that silenced nothing in this run."""
        return [span.directive for span in self._spans if not span.used]


def partition(
    findings: Sequence[Finding], suppressions: Suppressions, path: str
) -> tuple[list[Finding], list[Finding]]:
    """Split one file's findings into kept and suppressed (only findings located in ``path``)."""
    kept, silenced = [], []
    for finding in findings:
        if finding.target.path == path and suppressions.suppresses(finding):
            silenced.append(finding)
        else:
            kept.append(finding)
    return kept, silenced
