"""One chapter of the HTML report: its aligned sections side by side, English left and Korean
right, line numbers on both sides, and each finding under the line it names on each side.

Every piece of document text, heading, path and message goes through ``escape``: a translation
is untrusted input, so its markup must show as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from transcheck.chapterview import ChapterView, RowView, SideView
from transcheck.findings import Finding, Location
from transcheck.report.html_fix import fix_html


def line_id(chapter: int, korean: bool, line: int) -> str:
    """The element id of a source line: ``c3e12`` (English) or ``c3k12`` (Korean)."""
    return f"c{chapter}{'k' if korean else 'e'}{line}"


@dataclass
class Placement:
    """Where a chapter's findings go: under an English line, under a Korean line (a finding with
    both lines goes under both), or in the chapter's header when it names no shown line."""

    paths: tuple[str | None, str | None] = (None, None)  # the English and Korean files shown
    lines: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())  # shown lines
    english: dict[int, list[Finding]] = field(default_factory=dict)
    korean: dict[int, list[Finding]] = field(default_factory=dict)
    loose: list[Finding] = field(default_factory=list)

    def shown(self, korean: bool, location: Location) -> bool:
        """Whether ``location`` is a line this chapter shows on that side."""
        return location.path == self.paths[korean] and location.line in self.lines[korean]


def _lines(rows: Sequence[RowView], korean: bool) -> frozenset[int]:
    """The line numbers one side of ``rows`` shows."""
    sides = [row.target if korean else row.source for row in rows]
    return frozenset(
        line
        for side in sides
        if side is not None
        for line in range(side.first_line, side.last_line + 1)
    )


def place(findings: Sequence[Finding], view: ChapterView | None) -> Placement:
    """Put each finding at its line on each side the chapter shows; the rest are loose."""
    if view is None:
        return Placement(loose=list(findings))
    placement = Placement(
        (view.source, view.target), (_lines(view.rows, False), _lines(view.rows, True))
    )
    for finding in findings:
        placed = False
        for korean, where in ((False, finding.source), (True, finding.target)):
            if placement.shown(korean, where):
                assert where.line is not None
                slots = placement.korean if korean else placement.english
                slots.setdefault(where.line, []).append(finding)
                placed = True
        if not placed:
            placement.loose.append(finding)
    return placement


def finding_html(finding: Finding, counterpart: str = "") -> str:
    """A finding as a colored note: code, rule name and message, then ``counterpart``."""
    severity = finding.severity.value
    return (
        f'<div class="f {severity}" data-sev="{severity}" data-rule="{escape(finding.code)}">'
        f'<span class="code">{escape(finding.code)}</span> '
        f'<span class="name">{escape(finding.rule)}</span>: '
        f'<span class="msg">{escape(finding.message)}</span>'
        f"{counterpart}{fix_html(finding.fix) if finding.fix else ''}</div>"
    )


def _counterpart(chapter: int, finding: Finding, korean: bool, placement: Placement) -> str:
    """On one side, a link to the finding's line on the other side (or its location as text)."""
    other = finding.source if korean else finding.target
    if other.path is None:
        return ""
    name = "EN" if korean else "KO"
    if placement.shown(not korean, other) and other.line is not None:
        target = line_id(chapter, not korean, other.line)
        return f' <a class="at" href="#{target}">↔ {name} {other.line}</a>'
    return f' <span class="at">↔ {escape(str(other))}</span>'


def _side(chapter: int, side: SideView, korean: bool, placement: Placement, note: str) -> str:
    """One cell: the section's heading, line range and ``note``, then its lines with their
    findings."""
    slots = placement.korean if korean else placement.english
    items = []
    for offset, text in enumerate(side.lines):
        line = side.first_line + offset
        notes = "".join(
            finding_html(f, _counterpart(chapter, f, korean, placement))
            for f in slots.get(line, ())
        )
        items.append(f'<li id="{line_id(chapter, korean, line)}">{escape(text)}{notes}</li>')
    span = f"{side.first_line}–{side.last_line}" if side.lines else "no lines"
    return (
        f'<td><div class="head">{escape(side.heading)} · {"KO" if korean else "EN"} {span}'
        f"{note}</div>"
        f'<ol class="src" start="{side.first_line}">{"".join(items)}</ol></td>'
    )


def _absent(row: RowView, korean: bool) -> str:
    """The empty cell of an unaligned section, marked as missing or extra."""
    if korean:
        text = "missing: this English section has no Korean counterpart"
    else:
        text = "extra: this Korean section has no English source"
    head = f'<div class="head">{row.status}</div>'
    return f'<td class="absent">{head}<div class="note">{text}</div></td>'


def row_html(chapter: int, row: RowView, placement: Placement) -> str:
    """One aligned section pair as one table row (``tr.sec``) with its status and confidence."""
    note = f" · confidence {row.score:.2f}" + (" · moved: out of order" if row.moved else "")
    cells = []
    for korean, side in ((False, row.source), (True, row.target)):
        if side is None:
            cells.append(_absent(row, korean))
        else:
            cells.append(_side(chapter, side, korean, placement, note if korean else ""))
    return f'<tr class="sec {row.status}">{"".join(cells)}</tr>'


def chapter_body(chapter: int, view: ChapterView, placement: Placement) -> str:
    """The side-by-side table of one chapter."""
    rows = "".join(row_html(chapter, row, placement) for row in view.rows)
    return (
        '<table class="pair"><thead><tr>'
        f"<th>English · {escape(view.source)}</th><th>Korean · {escape(view.target)}</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
