"""``glossary stats``: for each glossary term, how often each rendering (English kept included)
is used per chapter and in total, with the English term's own count beside it."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from transcheck.glossary.chapters import Chapter
from transcheck.glossary.matcher import Kind, Matcher
from transcheck.glossary.model import Entry
from transcheck.glossary.scan import scan_document


@dataclass
class TermStats:
    """One term's counts: the English term per chapter, and each Korean-side rendering's."""

    entry: Entry
    english: Counter[str] = field(default_factory=Counter)
    renderings: dict[tuple[str, Kind], Counter[str]] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, Kind, Counter[str]]]:
        """Renderings with their per-chapter counts, most used first."""
        ordered = sorted(self.renderings.items(), key=lambda item: -item[1].total())
        return [(rendering, kind, counts) for (rendering, kind), counts in ordered]


def label(rendering: str, kind: Kind) -> str:
    """A rendering as a table shows it: 샤딩, ``sharding (English)``, ``쉐어딩 (forbidden)``."""
    suffix = {Kind.ENGLISH: " (English)", Kind.FORBIDDEN: " (forbidden)", Kind.KOREAN: ""}[kind]
    return rendering + suffix


def term_stats(chapters: Sequence[Chapter], matcher: Matcher) -> list[TermStats]:
    """Counts for every glossary term over ``chapters``, in glossary order."""
    stats = {entry: TermStats(entry) for entry in matcher.glossary.entries}
    for chapter in chapters:
        english = scan_document(chapter.source, matcher, False, chapter.source_lines)
        for mention in english.mentions:
            stats[mention.occurrence.entry].english[chapter.name] += 1
        korean = scan_document(chapter.target, matcher, True, chapter.target_lines)
        for mention in korean.mentions:
            occurrence = mention.occurrence
            slot = stats[occurrence.entry].renderings.setdefault(
                (occurrence.rendering, occurrence.kind), Counter()
            )
            slot[chapter.name] += 1
    return list(stats.values())


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _left(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text


def render_text(stats: Sequence[TermStats], chapters: Sequence[Chapter]) -> str:
    """One small table per term that occurs: its renderings by chapter and in total."""
    order = [chapter.name for chapter in chapters]
    out: list[str] = []
    unused = 0
    for term in stats:
        rows = term.rows()
        if not rows and not term.english:
            unused += 1
            continue
        columns = [name for name in order if term.english[name] or any(c[name] for _, _, c in rows)]
        lines = [("English text", term.english)] + [(label(r, k), c) for r, k, c in rows]
        width = max(_width(name) for name, _ in lines)
        sizes = [max(len(name), 3) for name in columns]
        head = "".join(f"  {name:>{size}}" for name, size in zip(columns, sizes, strict=True))
        out.append(f"{term.entry.term}")
        out.append(f"  {_left('', width)} {'total':>6}{head}")
        for name, counts in lines:
            cells = "".join(
                f"  {counts[col] or '.':>{size}}" for col, size in zip(columns, sizes, strict=True)
            )
            out.append(f"  {_left(name, width)} {counts.total():>6}{cells}")
        out.append("")
    if unused:
        out.append(f"{unused} glossary term(s) occur in none of these files")
    return "\n".join(out) + "\n"


def as_records(stats: Sequence[TermStats]) -> list[dict[str, object]]:
    """The JSON shape: one record per term, renderings with totals and per-chapter counts."""
    return [
        {
            "term": term.entry.term,
            "english": {"total": term.english.total(), "chapters": dict(term.english)},
            "renderings": [
                {"rendering": r, "kind": k.value, "total": c.total(), "chapters": dict(c)}
                for r, k, c in term.rows()
            ],
        }
        for term in stats
    ]


def render_json(stats: Sequence[TermStats]) -> str:
    """``{"version": 1, "terms": [...]}`` (see as_records)."""
    return json.dumps({"version": 1, "terms": as_records(stats)}, ensure_ascii=False, indent=2)


def render_csv(stats: Sequence[TermStats], chapters: Sequence[Chapter]) -> str:
    """One row per term and rendering (the English text's count first): totals, then chapters."""
    names = [chapter.name for chapter in chapters]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "rendering", "kind", "total", *names])
    for term in stats:
        writer.writerow([term.entry.term, term.entry.term, "source", term.english.total()]
                        + [term.english[name] for name in names])  # fmt: skip
        for rendering, kind, counts in term.rows():
            writer.writerow([term.entry.term, rendering, kind.value, counts.total()]
                            + [counts[name] for name in names])  # fmt: skip
    return buffer.getvalue()
