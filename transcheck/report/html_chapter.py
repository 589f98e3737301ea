"""One chapter of the HTML report: its aligned sections side by side, English left and Korean
right, line numbers on both sides, and each finding once, under its line on the side it belongs
to (Korean when that line is shown), with a link to its counterpart line on the other side.

Every section travels as data (``Sections``) that the page's script renders with textContent
only. Sections with findings (and those the alignment reports: missing, extra, moved) are also
written as HTML, but only their lines near a finding, its counterpart lines and their heading
lines; the rest of a section is a gap its script fills from the data when opened. Each run of the
other sections is one fold row, rendered when opened, searched or linked to. So a 200-page site
loads at once, and no line's text is stored twice. Every piece of document text, heading, path
and message written as HTML goes through ``escape``: a translation is untrusted input, so its
markup must show as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from transcheck.chapterview import ChapterView, RowView, SideView
from transcheck.counted import plural
from transcheck.findings import Finding, Location
from transcheck.report.html_fix import fix_html

CONTEXT = 0  # lines written around a finding's line (and its counterpart) besides it

# A section as data: {"n": chapter, "s": status, "x": [English cell, Korean cell]}, each cell
# {"h": head, "f": first line, "l": lines, null for a line written as HTML} or, for a side
# without a section, {"h": head, "a": note}.
Data = dict[str, object]


def _text(value: str) -> str:
    """``value`` as element content: ``&``, ``<`` and ``>`` escaped (quotes are plain text
    there, so escaping them would only make the page larger)."""
    return escape(value, quote=False)


def line_id(chapter: int, korean: bool, line: int) -> str:
    """The element id of a source line: ``c3e12`` (English) or ``c3k12`` (Korean)."""
    return f"c{chapter}{'k' if korean else 'e'}{line}"


@dataclass
class Placement:
    """Where a chapter's findings go: under a Korean line when the chapter shows it, else under
    an English line it shows, else in the chapter's header. ``marks`` holds, per side, the lines
    with a finding and the counterpart lines those findings link to."""

    paths: tuple[str | None, str | None] = (None, None)  # the English and Korean files shown
    lines: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())  # shown lines
    english: dict[int, list[Finding]] = field(default_factory=dict)
    korean: dict[int, list[Finding]] = field(default_factory=dict)
    loose: list[Finding] = field(default_factory=list)
    marks: tuple[set[int], set[int]] = field(default_factory=lambda: (set(), set()))

    def shown(self, korean: bool, location: Location) -> bool:
        """Whether ``location`` is a line this chapter shows on that side."""
        return location.path == self.paths[korean] and location.line in self.lines[korean]

    def flagged(self, row: RowView) -> bool:
        """Whether a line of ``row`` has a finding or is a finding's counterpart."""
        return any(
            not self.marks[korean].isdisjoint(range(side.first_line, side.last_line + 1))
            for korean, side in ((False, row.source), (True, row.target))
            if side is not None
        )


@dataclass
class Sections:
    """Every section of the page as data, in page order: a written row's ``data-row`` and a
    fold row's ``data-rows`` are indexes into ``entries``."""

    entries: list[Data] = field(default_factory=list)

    def add(self, chapter: int, row: RowView, cells: list[dict[str, object]]) -> int:
        """Keep one section's data; return its index."""
        self.entries.append({"n": chapter, "s": row.status, "x": cells})
        return len(self.entries) - 1


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
    """Put each finding once: at its Korean line, else its English line, else loose."""
    if view is None:
        return Placement(loose=list(findings))
    placement = Placement(
        (view.source, view.target), (_lines(view.rows, False), _lines(view.rows, True))
    )
    for finding in findings:
        for korean, where in ((True, finding.target), (False, finding.source)):
            if placement.shown(korean, where):
                assert where.line is not None
                slots = placement.korean if korean else placement.english
                slots.setdefault(where.line, []).append(finding)
                placement.marks[korean].add(where.line)
                other = finding.source if korean else finding.target
                if placement.shown(not korean, other) and other.line is not None:
                    placement.marks[not korean].add(other.line)
                break
        else:
            placement.loose.append(finding)
    return placement


def finding_html(finding: Finding, counterpart: str = "") -> str:
    """A finding as a colored note: code, rule name and message, then ``counterpart``."""
    severity = finding.severity.value
    return (
        f'<div class="f {severity}" data-sev="{severity}" data-rule="{escape(finding.code)}">'
        f'<span class="code">{escape(finding.code)}</span> '
        f'<span class="name">{escape(finding.rule)}</span>: '
        f'<span class="msg">{_text(finding.message)}</span>'
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
    return f' <span class="at">↔ {_text(str(other))}</span>'


def _head(side: SideView, korean: bool, note: str) -> str:
    """A cell's heading line: the section, the side and its line range, then ``note``."""
    span = f"{side.first_line}–{side.last_line}" if side.lines else "no lines"
    return f"{side.heading} · {'KO' if korean else 'EN'} {span}{note}"


def _note(row: RowView) -> str:
    """What the Korean cell's heading adds: the alignment's confidence, and a move."""
    return f" · confidence {row.score:.2f}" + (" · moved: out of order" if row.moved else "")


def _absent(row: RowView, korean: bool) -> dict[str, object]:
    """The data of an unaligned section's empty cell, marked as missing or extra."""
    if korean:
        return {"h": row.status, "a": "missing: this English section has no Korean counterpart"}
    return {"h": row.status, "a": "extra: this Korean section has no English source"}


def _kept(side: SideView, marks: set[int]) -> set[int]:
    """The lines of ``side`` written as HTML: its first (the heading) and those near a mark."""
    kept = {side.first_line}
    for line in range(side.first_line, side.last_line + 1):
        if line in marks:
            kept.update(range(line - CONTEXT, line + CONTEXT + 1))
    return kept


def _side(
    chapter: int, side: SideView, korean: bool, placement: Placement, note: str
) -> tuple[str, dict[str, object]]:
    """One cell of a written row (its heading, then its kept lines with their findings, each
    after a run of others numbered by ``value``; the script puts a gap button there) and its
    data (the lines not written)."""
    slots = placement.korean if korean else placement.english
    kept = _kept(side, placement.marks[korean])
    items: list[str] = []
    rest: list[str | None] = []
    skipped = 0
    for offset, text in enumerate(side.lines):
        line = side.first_line + offset
        if line not in kept:
            rest.append(text)
            skipped += 1
            continue
        rest.append(None)
        notes = "".join(
            finding_html(f, _counterpart(chapter, f, korean, placement))
            for f in slots.get(line, ())
        )
        value = f' value="{line}"' if skipped else ""
        skipped = 0
        items.append(f'<li id="{line_id(chapter, korean, line)}"{value}>{_text(text)}{notes}</li>')
    head = _head(side, korean, note)
    html = (
        f'<td><div class="head">{_text(head)}</div>'
        f'<ol class="src" start="{side.first_line}">{"".join(items)}</ol></td>'
    )
    return html, {"h": head, "f": side.first_line, "l": rest}


def row_html(chapter: int, row: RowView, placement: Placement, sections: Sections) -> str:
    """One aligned section pair as one table row (``tr.sec``) with its status and confidence;
    its lines not written go to ``sections``."""
    cells: list[str] = []
    data: list[dict[str, object]] = []
    for korean, side in ((False, row.source), (True, row.target)):
        if side is None:
            absent = _absent(row, korean)
            data.append(absent)
            cells.append(
                f'<td class="absent"><div class="head">{absent["h"]}</div>'
                f'<div class="note">{absent["a"]}</div></td>'
            )
        else:
            html, cell = _side(chapter, side, korean, placement, _note(row) if korean else "")
            cells.append(html)
            data.append(cell)
    index = sections.add(chapter, row, data)
    return f'<tr class="sec {row.status}" data-row="{index}">{"".join(cells)}</tr>'


def _folded(chapter: int, row: RowView, sections: Sections) -> None:
    """Keep a section without findings as data only."""
    cells = [
        _absent(row, korean)
        if side is None
        else {
            "h": _head(side, korean, _note(row) if korean else ""),
            "f": side.first_line,
            "l": list(side.lines),
        }
        for korean, side in ((False, row.source), (True, row.target))
    ]
    sections.add(chapter, row, cells)


def _span(rows: Sequence[RowView], korean: bool) -> str:
    """`` · EN 10–80``: the lines one side of a fold covers (empty when it has none)."""
    sides = [s for row in rows if (s := row.target if korean else row.source) and s.lines]
    if not sides:
        return ""
    first, last = sides[0].first_line, max(side.last_line for side in sides)
    return f" · {'KO' if korean else 'EN'} {first}–{last}"


def _fold_html(chapter: int, rows: Sequence[RowView], sections: Sections) -> str:
    """The fold row standing for ``rows`` (sections without findings), opened by a click."""
    first = len(sections.entries)
    for row in rows:
        _folded(chapter, row, sections)
    count = f"{plural(len(rows), 'section')} without findings"
    return (
        f'<tr class="fold" data-rows="{first} {len(rows)}"><td colspan="2">'
        f"<button>▸ {count}{_span(rows, False)}{_span(rows, True)}</button>"
        "</td></tr>"
    )


def chapter_body(chapter: int, view: ChapterView, placement: Placement, sections: Sections) -> str:
    """The side-by-side table of one chapter: sections with findings, and missing, extra or
    moved ones, written out; each run of the others folded."""
    parts: list[str] = []
    quiet: list[RowView] = []
    for row in view.rows:
        if row.status != "ok" or placement.flagged(row):
            if quiet:
                parts.append(_fold_html(chapter, quiet, sections))
                quiet = []
            parts.append(row_html(chapter, row, placement, sections))
        else:
            quiet.append(row)
    if quiet:
        parts.append(_fold_html(chapter, quiet, sections))
    return (
        '<table class="pair"><thead><tr>'
        f"<th>English · {escape(view.source)}</th><th>Korean · {escape(view.target)}</th>"
        f"</tr></thead><tbody>{''.join(parts)}</tbody></table>"
    )
