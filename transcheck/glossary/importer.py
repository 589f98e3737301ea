"""``glossary import``: turn the glossaries teams already keep into the YAML format.

Reads CSV or TSV with a header row, or Markdown tables such as ``| English | 한글 | 비고 |`` (the
layout of Korean docs teams' glossary pages). Columns are recognized by name in English or
Korean; a column that is none of them is kept in the note as ``name: value``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from transcheck.glossary.dump import glossary_yaml
from transcheck.glossary.model import Entry

COLUMNS = {
    "term": ("english", "en", "term", "영어", "영문", "원어", "원문", "source"),
    "ko": ("한글", "한국어", "korean", "ko", "번역", "번역어", "translation", "target"),
    "preferred": ("preferred", "권장", "권장 번역"),
    "forbidden": ("forbidden", "금지", "금지어", "avoid", "사용 금지"),
    "note": ("비고", "note", "notes", "설명", "comment", "comments", "remarks", "참고"),
}
_LATIN_ONLY = re.compile(r"[A-Za-z0-9 .\-_/'&+]+")
_GLOSS = re.compile(r"\s*\([^()]*[A-Za-z][^()]*\)\s*$")
_ITEMS = re.compile(r"\s*[,;/]\s*")
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


class TableError(ValueError):
    """The file has no usable header (no column for the English term)."""


@dataclass
class _Row:
    """One table row: its line and cells by column name."""

    line: int
    cells: dict[str, str] = field(default_factory=dict)


def _kind_of(column: str) -> str | None:
    name = " ".join(column.strip().lower().split())
    return next((kind for kind, names in COLUMNS.items() if name in names), None)


def _markdown_rows(text: str) -> Iterator[_Row]:
    """Rows of every Markdown table in ``text``; a row above a ``---`` row is a header."""
    lines = text.splitlines()
    header: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip().startswith("|") or _SEPARATOR_ROW.match(line):
            if not line.strip().startswith("|"):
                header = None
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        below = lines[number] if number < len(lines) else ""
        if _SEPARATOR_ROW.match(below):
            header = cells
            continue
        if header is not None:
            yield _Row(number, dict(zip(header, cells, strict=False)))


def _delimited_rows(text: str, delimiter: str) -> Iterator[_Row]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip() for cell in cells]
            continue
        yield _Row(reader.line_num, dict(zip(header, (c.strip() for c in cells), strict=False)))


def _rows(text: str, name: str) -> Iterator[_Row]:
    suffix = PurePath(name).suffix.lower()
    first = next((line for line in text.splitlines() if line.strip()), "")
    if suffix in (".md", ".markdown") or first.lstrip().startswith("|"):
        return _markdown_rows(text)
    if suffix in (".tsv", ".tab") or "\t" in first:
        return _delimited_rows(text, "\t")
    return _delimited_rows(text, ",")


def _items(cell: str) -> list[str]:
    """Renderings of one cell, with a trailing ``(English)`` gloss dropped: 파드(Pod) -> 파드."""
    items = [_GLOSS.sub("", item).strip() for item in _ITEMS.split(cell)]
    return [item for item in items if item and item not in ("-", "—", "–")]


def _entry(row: _Row) -> Entry | None:
    fields: dict[str, list[str]] = {}
    extra: list[str] = []
    for column, value in row.cells.items():
        kind = _kind_of(column)
        if kind is None:
            if value:
                extra.append(f"{column.strip()}: {value}")
        elif value:
            fields.setdefault(kind, []).append(value)
    term = " ".join(fields.get("term", [""])[0].split())
    if not term:
        return None
    renderings = [item for cell in fields.get("ko", []) for item in _items(cell)]
    korean = [r for r in renderings if not _LATIN_ONLY.fullmatch(r)]
    keep = len(korean) < len(renderings) or not korean
    preferred = next(iter(_items(" ".join(fields.get("preferred", [])))), None)
    forbidden = [f for cell in fields.get("forbidden", []) for f in _items(cell) if f not in korean]
    note = "; ".join([*fields.get("note", []), *extra])
    return Entry(
        term=term,
        ko=tuple(dict.fromkeys(korean)),
        preferred=preferred if preferred in korean else None,
        forbidden=tuple(dict.fromkeys(forbidden)),
        keep_english=keep,
        note=note,
    )


def _merge(first: Entry, second: Entry) -> Entry:
    ko = tuple(dict.fromkeys((*first.ko, *second.ko)))
    return replace(
        first,
        ko=ko,
        forbidden=tuple(
            f for f in dict.fromkeys((*first.forbidden, *second.forbidden)) if f not in ko
        ),
        keep_english=bool(first.keep_english or second.keep_english),
        note="; ".join(n for n in (first.note, second.note) if n),
    )


def import_glossary(text: str, name: str) -> str:
    """The glossary YAML for a CSV, TSV or Markdown-table glossary (``name`` picks the format by
    its suffix, else the text decides). Raises TableError without an English-term column."""
    rows = list(_rows(text, name))
    if not rows or not any(_kind_of(column) == "term" for row in rows for column in row.cells):
        names = ", ".join(COLUMNS["term"])
        raise TableError(f"{name}: no header with an English-term column ({names})")
    entries: dict[str, tuple[Entry, list[int]]] = {}
    for row in rows:
        entry = _entry(row)
        if entry is None:
            continue
        if entry.key in entries:
            kept, lines = entries[entry.key]
            entries[entry.key] = (_merge(kept, entry), [*lines, row.line])
        else:
            entries[entry.key] = (entry, [row.line])
    commented = [
        (entry, f"{name}, line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}")
        for entry, lines in entries.values()
    ]
    header = f"Imported by `transcheck glossary import` from {name}: {len(commented)} term(s)."
    return glossary_yaml(commented, header)
