"""``transcheck align``: the section alignment of two files as a table or as JSON (version 1)."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from transcheck.align import Alignment, SectionPair
from transcheck.checks.structure import describe
from transcheck.model import Section

_WIDTH = 44


def _heading(section: Section | None) -> str | None:
    return describe(section) if section is not None else None


def _status(pair: SectionPair) -> str:
    """ok, moved (found out of order), missing (no Korean section) or extra (no English one)."""
    if pair.source is None:
        return "extra"
    if pair.target is None:
        return "missing"
    return "moved" if pair.moved else "ok"


def _empty_preamble(section: Section | None) -> bool:
    return section is None or (section.is_preamble and not section.blocks)


def rows(alignment: Alignment) -> list[dict[str, Any]]:
    """One row per section pair: both lines and headings (None for a missing side); a pair of
    empty preambles (nothing before the first heading on either side) is left out."""
    return [
        {
            "source_line": p.source.line if p.source else None,
            "source_heading": _heading(p.source),
            "target_line": p.target.line if p.target else None,
            "target_heading": _heading(p.target),
            "confidence": round(p.score, 2),
            "status": _status(p),
        }
        for p in alignment.pairs
        if not (_empty_preamble(p.source) and _empty_preamble(p.target))
    ]


def _width(text: str) -> int:
    """Terminal columns of ``text``: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: object, width: int | None = None) -> str:
    """``value`` as text (``-`` for None), clipped with … and padded to ``width`` columns."""
    text = "-" if value is None else str(value)
    if width is None:
        return text
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def render_json(alignment: Alignment) -> str:
    """``{"version": 1, "sections": [rows]}``."""
    document = {"version": 1, "sections": rows(alignment)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_text(alignment: Alignment) -> str:
    """A fixed-width table: EN line, English heading, KO line, Korean heading, confidence."""
    lines = [
        f"{'EN':>5}  {'English heading':<{_WIDTH}} {'KO':>5}  {'Korean heading':<{_WIDTH}} "
        "conf  status"
    ]
    for row in rows(alignment):
        lines.append(
            f"{_cell(row['source_line']):>5}  {_cell(row['source_heading'], _WIDTH)} "
            f"{_cell(row['target_line']):>5}  {_cell(row['target_heading'], _WIDTH)} "
            f"{row['confidence']:.2f}  {row['status']}"
        )
    return "\n".join(lines) + "\n"


FORMATS = {"text": render_text, "json": render_json}
