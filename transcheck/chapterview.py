"""Frozen views of checked chapters, for formats that show the documents themselves (html): each
aligned section pair with its source lines on both sides, and the glossary terms each side uses.

api.py builds one per readable pair (only when a format asks for them) from the run's documents
and alignment; formats read these views and never parse. The module sits beside api.py, not in
report/, because api.py imports it and report/ imports api.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from transcheck.checks import PairContext
from transcheck.checks.glossary import pair_terms
from transcheck.checks.structure import describe
from transcheck.glossary import Kind, Mention, source_lines
from transcheck.glossary.stats import label
from transcheck.model import Document, Section
from transcheck.records import record


@record(eq=True)
class SideView:
    """One side of a row: the section as a reviewer names it, its first line, and its source
    lines as written (front matter counted, so the numbers are the file's)."""

    heading: str
    first_line: int
    lines: tuple[str, ...]

    @property
    def last_line(self) -> int:
        """The section's last line (``first_line - 1`` when it has none)."""
        return self.first_line + len(self.lines) - 1


@record(eq=True)
class RowView:
    """An aligned section pair: English and Korean sides (None for a missing one), the
    alignment's confidence, and whether the Korean side stands out of order."""

    source: SideView | None
    target: SideView | None
    score: float
    moved: bool = False

    @property
    def status(self) -> str:
        """ok, moved, missing (no Korean section) or extra (no English section)."""
        if self.target is None:
            return "missing"
        if self.source is None:
            return "extra"
        return "moved" if self.moved else "ok"


@record(slots=True, eq=True)
class TermUse:
    """One glossary mention: its term and the term's place in the glossary, the rendering as
    ``glossary stats`` labels it, its kind, its line, and which side it is on."""

    term: str
    rank: int
    rendering: str
    kind: Kind
    line: int
    korean: bool


@record(eq=True)
class ChapterView:
    """One checked pair as a reader sees it. ``name`` is the Korean path relative to its root
    (how ``glossary stats`` names chapters); ``source``/``target`` are the display paths of its
    PairResult; ``terms`` is None when the run uses no glossary."""

    name: str
    source: str
    target: str
    rows: tuple[RowView, ...]
    terms: tuple[TermUse, ...] | None = None

    @property
    def confidence(self) -> float | None:
        """The mean alignment score of the rows with both sides (None when there are none)."""
        scores = [row.score for row in self.rows if row.source and row.target]
        return sum(scores) / len(scores) if scores else None


def _file_lines(ctx: PairContext, english: bool) -> list[str]:
    """The lines of one side's file, numbered as the parser numbers them ([] when unreadable)."""
    index = ctx.source_index if english else ctx.target_index
    if index.root is None:
        return []
    rel = ctx.source_rel if english else ctx.target_rel
    return source_lines(Path(index.root), rel, int(ctx.config.option("limits", "file_bytes"))) or []


def _side(document: Document, section: Section | None, lines: Sequence[str]) -> SideView | None:
    """A section's side of a row; an empty preamble (its range overlaps the first heading's)
    keeps its heading and no lines."""
    if section is None:
        return None
    end = section.end_line
    if section.index + 1 < len(document.sections):
        end = min(end, document.sections[section.index + 1].line - 1)
    return SideView(describe(section), section.line, tuple(lines[section.line - 1 : end]))


def _front_matter(document: Document, lines: Sequence[str]) -> SideView | None:
    """The front matter block (``---`` to ``---``) as a side, or None when there is none."""
    front = document.front_matter
    if front is None:
        return None
    return SideView("front matter", front.line, tuple(lines[front.line - 1 : front.end_line]))


def _rows(ctx: PairContext) -> tuple[RowView, ...]:
    """The front matter, then one row per section pair in the alignment's order; a pair whose
    two sides have no lines (empty preambles) is left out."""
    english, korean = _file_lines(ctx, True), _file_lines(ctx, False)
    rows = []
    front = (_front_matter(ctx.source, english), _front_matter(ctx.target, korean))
    if front != (None, None):
        rows.append(RowView(*front, score=1.0 if None not in front else 0.0))
    for pair in ctx.alignment.pairs:
        row = RowView(
            _side(ctx.source, pair.source, english),
            _side(ctx.target, pair.target, korean),
            pair.score,
            pair.moved,
        )
        if any(side is not None and side.lines for side in (row.source, row.target)):
            rows.append(row)
    return tuple(rows)


def _use(mention: Mention, rank: int, korean: bool) -> TermUse:
    occurrence = mention.occurrence
    rendering = label(occurrence.rendering, occurrence.kind) if korean else occurrence.entry.term
    return TermUse(occurrence.entry.term, rank, rendering, occurrence.kind, mention.line, korean)


def _terms(ctx: PairContext) -> tuple[TermUse, ...] | None:
    """Every glossary mention of both sides (the ones the glossary rules use), or None."""
    terms = pair_terms(ctx)
    if terms is None:
        return None
    rank = {entry: n for n, entry in enumerate(terms.glossary.entries)}
    return tuple(
        _use(mention, rank[mention.occurrence.entry], korean)
        for korean, document in ((False, terms.source), (True, terms.target))
        for mention in document.mentions
    )


def chapter_view(ctx: PairContext) -> ChapterView:
    """The view of one checked pair (its documents, alignment and glossary mentions)."""
    return ChapterView(
        name=ctx.target_rel,
        source=ctx.source.path,
        target=ctx.target.path,
        rows=_rows(ctx),
        terms=_terms(ctx),
    )


@record(eq=True)
class RenderingRow:
    """One rendering of a term across the chapters: its label and kind, where it is used as
    (chapter position, line) pairs, and whether it is a minority rendering."""

    rendering: str
    kind: Kind
    places: tuple[tuple[int, int], ...]
    minority: bool

    def count(self, chapter: int) -> int:
        """How often this rendering is used in chapter number ``chapter``."""
        return sum(1 for at, _ in self.places if at == chapter)


@record(eq=True)
class TermRow:
    """A glossary term's uses across the chapters, as ``glossary stats`` counts them: the
    English term's places, then each Korean-side rendering, most used first."""

    term: str
    english: tuple[tuple[int, int], ...]
    renderings: tuple[RenderingRow, ...]


def _minorities(counts: dict[tuple[str, Kind], int]) -> set[tuple[str, Kind]]:
    """Renderings used less than the term's most used accepted one; a forbidden one always."""
    accepted = [n for (_, kind), n in counts.items() if kind is not Kind.FORBIDDEN]
    top = max(accepted, default=0)
    return {key for key, n in counts.items() if key[1] is Kind.FORBIDDEN or n < top}


def glossary_table(chapters: Sequence[ChapterView]) -> tuple[TermRow, ...]:
    """Every term used in ``chapters``, in glossary order, with its renderings; empty without
    a glossary. A rendering used less often than the term's most used one is a minority."""
    english: dict[tuple[int, str], list[tuple[int, int]]] = {}
    korean: dict[tuple[int, str], dict[tuple[str, Kind], list[tuple[int, int]]]] = {}
    for position, chapter in enumerate(chapters):
        for use in chapter.terms or ():
            key = (use.rank, use.term)
            english.setdefault(key, [])
            places = korean.setdefault(key, {})
            if use.korean:
                places.setdefault((use.rendering, use.kind), []).append((position, use.line))
            else:
                english[key].append((position, use.line))
    table = []
    for key in sorted(english):
        places = korean[key]
        minor = _minorities({rendering: len(found) for rendering, found in places.items()})
        rows = sorted(places.items(), key=lambda item: -len(item[1]))
        table.append(
            TermRow(
                key[1],
                tuple(english[key]),
                tuple(RenderingRow(r, k, tuple(p), (r, k) in minor) for (r, k), p in rows),
            )
        )
    return tuple(table)


def consistency(table: Sequence[TermRow], chapter: int) -> float | None:
    """The share of chapter number ``chapter``'s Korean term uses written in a rendering that is
    not a minority one (None when the chapter uses no glossary term)."""
    total = majority = 0
    for term in table:
        for rendering in term.renderings:
            n = rendering.count(chapter)
            total += n
            majority += 0 if rendering.minority else n
    return majority / total if total else None
