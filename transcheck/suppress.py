"""Inline suppressions written in the Korean file as HTML comments.

``<!-- transcheck-disable TC201 link-extra -->`` … ``<!-- transcheck-enable -->`` silences the
named rules (codes, code prefixes such as ``TC2``, or names; all rules when none is named) on the
lines between; ``<!-- transcheck-disable-next-line TC301 -->`` silences the line after the comment,
``<!-- transcheck-disable-line TC301 -->`` the line(s) of the comment itself, and
``<!-- transcheck-disable-file TC301 -->`` the whole file (findings about the file included).
A directive that silenced nothing, or a ``transcheck-…`` comment that is no directive, is itself
reported, so stale or mistyped suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field

from transcheck.findings import Finding
from transcheck.lazy import compiled
from transcheck.model import Comment
from transcheck.records import mutable, record

_DIRECTIVE = compiled(r"^\s*transcheck-([\w-]+)(?=\s|$)(.*)$", re.IGNORECASE | re.DOTALL)
KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")


@record(slots=True, eq=True)
class Directive:
    """One suppression comment: its kind, the rules it names (empty: all), its lines."""

    kind: str  # one of KINDS, or a mistyped word that is reported
    rules: tuple[str, ...]
    line: int
    end_line: int

    def __str__(self) -> str:
        """The directive as written in a comment (normalized spacing)."""
        return f"<!-- {' '.join(('transcheck-' + self.kind, *self.rules))} -->"

    def names(self, code: str, name: str) -> bool:
        """Whether this directive applies to the rule ``code``/``name``: it names no rule, or the
        code, a code prefix (``TC2``) or the name."""
        return not self.rules or any(
            code.startswith(r.upper()) or r.lower() == name for r in self.rules
        )


def parse_directive(comment: str, line: int, end_line: int) -> Directive | None:
    """The directive in an HTML comment's text (without ``<!--``/``-->``), if it is one."""
    match = _DIRECTIVE().match(comment)
    if match is None:
        return None
    rules = tuple(part for part in re.split(r"[\s,]+", match.group(2)) if part)
    return Directive(match.group(1).lower(), rules, line, end_line)


@mutable
class _Span:
    """The lines one directive covers, and whether it silenced anything."""

    directive: Directive
    first: int
    last: int
    used: bool = field(default=False)

    def covers(self, line: int | None, code: str, name: str) -> bool:
        """Whether a finding of rule ``code``/``name`` at ``line`` (None: about the whole
        file, which only disable-file covers) falls under this span."""
        if line is None:
            return self.directive.kind == "disable-file" and self.directive.names(code, name)
        return self.first <= line <= self.last and self.directive.names(code, name)


class Suppressions:
    """The suppression spans of one Korean file, and which of them were used."""

    def __init__(self, directives: Iterable[Directive], line_count: int) -> None:
        """Spans from the directives: next-line ones cover one line, ``disable`` runs to the
        matching ``enable`` (one naming a shared rule, or any rule) or to the end of the file."""
        self._spans: list[_Span] = []
        open_spans: list[_Span] = []
        for directive in sorted(directives, key=lambda d: d.line):
            if directive.kind == "disable-next-line":
                target = directive.end_line + 1
                self._spans.append(_Span(directive, target, target))
            elif directive.kind == "disable-line":
                self._spans.append(_Span(directive, directive.line, directive.end_line))
            elif directive.kind == "disable-file":
                self._spans.append(_Span(directive, 1, line_count))
            elif directive.kind not in KINDS:
                self._spans.append(_Span(directive, 1, 0))  # covers nothing: reported
            elif directive.kind == "disable":
                span = _Span(directive, directive.end_line + 1, line_count)
                self._spans.append(span)
                open_spans.append(span)
            else:
                closing = {rule.upper() for rule in directive.rules}
                for span in list(open_spans):
                    named = {rule.upper() for rule in span.directive.rules}
                    if not closing or not named or closing & named:
                        span.last = directive.line - 1
                        open_spans.remove(span)

    @classmethod
    def of_comments(cls, comments: Iterable[Comment], line_count: int) -> Suppressions:
        """The suppressions written in a file's HTML comments (other comments are ignored)."""
        found = (parse_directive(c.text, c.line, c.end_line) for c in comments)
        return cls((d for d in found if d is not None), line_count)

    def covers(self, line: int, code: str, name: str) -> bool:
        """Whether a finding of rule ``code``/``name`` at a Korean line would be silenced, with
        no directive marked used: a rule that groups its findings keeps a silenced one apart,
        so the directive silences that one alone."""
        return any(span.covers(line, code, name) for span in self._spans)

    def suppresses(self, finding: Finding) -> bool:
        """Whether a finding at a Korean line is silenced (and mark the directive used)."""
        line = finding.target.line
        hit = False
        for span in self._spans:
            if span.covers(line, finding.code, finding.rule):
                span.used = True
                hit = True
        return hit

    def unused(self, ran: Callable[[str], bool | None]) -> list[tuple[Directive, str]]:
        """Directives that silenced nothing, each with why it is reported. ``ran(selector)``
        says whether a named rule ran (None: no such rule); a directive whose rules all exist
        but did not run (deselected) is not reported."""
        stale = []
        for span in self._spans:
            if span.used:
                continue
            if span.directive.kind not in KINDS:
                known = ", ".join(f"transcheck-{kind}" for kind in KINDS)
                stale.append((span.directive, f"is no transcheck directive (known: {known})"))
                continue
            verdicts = {rule: ran(rule) for rule in span.directive.rules}
            unknown = [rule for rule, verdict in verdicts.items() if verdict is None]
            if unknown:
                names = ", ".join(repr(u) for u in unknown)
                stale.append((span.directive, f"names no known rule ({names})"))
            elif not verdicts or any(verdicts.values()):
                stale.append((span.directive, "silenced nothing in this run"))
        return stale


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
