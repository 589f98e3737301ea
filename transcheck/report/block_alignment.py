"""``transcheck align --blocks`` and ``--explain``: block pairs inside each section, and the
dialect each file was read as, as text or JSON (version 1).

Each aligned section is followed by its blocks: English lines, kind and first words, Korean lines,
kind and first words, the pair's score and its status: ``ok``, ``joined`` (one block of a merge
or split), ``missing`` (no Korean block) or ``extra`` (no English block).
"""

from __future__ import annotations

import json
from typing import Any

from transcheck.align import Alignment
from transcheck.align.blocks import BlockPair, SectionBlocks
from transcheck.model import Block, BlockKind, Document
from transcheck.report.alignment import _cell, rows

_WIDTH = 44
_TAG_BLOCKS = frozenset({BlockKind.COMPONENT, BlockKind.SHORTCODE, BlockKind.LIQUID})


def _status(pair: BlockPair) -> str:
    """ok, joined, missing (English only) or extra (Korean only)."""
    if pair.target is None:
        return "missing"
    if pair.source is None:
        return "extra"
    return "joined" if pair.joined else "ok"


def _label(block: Block | None) -> str | None:
    """A block as a reviewer recognises it: its kind, its tag (for tag blocks) and first words."""
    if block is None:
        return None
    words = (block.shown or block.text).split()
    shown = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
    if block.kind in _TAG_BLOCKS and block.markup:
        shown = f"{block.markup[0].name} {shown}"
    return f"{block.kind.value} {shown}".strip()


def _lines(block: Block | None) -> str | None:
    """``7`` or ``7-9``."""
    if block is None:
        return None
    return str(block.line) if block.line == block.end_line else f"{block.line}-{block.end_line}"


def block_rows(section: SectionBlocks) -> list[dict[str, Any]]:
    """One row per block pair of a section (headings left out: the section row shows them)."""
    return [
        {
            "source_lines": _lines(p.source),
            "source_block": _label(p.source),
            "target_lines": _lines(p.target),
            "target_block": _label(p.target),
            "score": round(p.score, 2),
            "status": _status(p),
        }
        for p in section.blocks
        if not any(b is not None and b.kind is BlockKind.HEADING for b in (p.source, p.target))
    ]


def dialects(alignment: Alignment) -> list[dict[str, str]]:
    """The dialect of each file and why it was chosen."""
    return [
        {"path": doc.path, "dialect": doc.dialect, "reason": doc.dialect_reason}
        for doc in (alignment.source, alignment.target)
    ]


def _blocks_of(sections: tuple[SectionBlocks, ...]) -> dict[tuple[int, int], SectionBlocks]:
    """Block pairs by the (English, Korean) first lines of their sections."""
    return {(s.source.line, s.target.line): s for s in sections}


def render_json(
    alignment: Alignment, sections: tuple[SectionBlocks, ...] | None, explain: bool
) -> str:
    """``{"version": 1, "sections": [rows, each with "blocks" when asked]}`` and, with
    ``explain``, ``"dialects"``."""
    by_lines = _blocks_of(sections or ())
    out_rows = []
    for row in rows(alignment):
        found = by_lines.get((row["source_line"], row["target_line"]))
        if sections is not None:
            row = {**row, "blocks": block_rows(found) if found is not None else []}
        out_rows.append(row)
    document: dict[str, Any] = {"version": 1}
    if explain:
        document["dialects"] = dialects(alignment)
    document["sections"] = out_rows
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _explain_text(document: Document) -> str:
    """``en/x.md: read as jekyll (front-matter key layout is Jekyll/kramdown's)``."""
    return f"{document.path}: read as {document.dialect} ({document.dialect_reason})"


def render_text(
    alignment: Alignment, sections: tuple[SectionBlocks, ...] | None, explain: bool
) -> str:
    """The section table, each section followed by its block pairs (indented) when asked, and
    first, with ``explain``, one line per file naming its dialect and why."""
    lines = []
    if explain:
        lines += [_explain_text(alignment.source), _explain_text(alignment.target), ""]
    lines.append(
        f"{'EN':>7}  {'English heading / block':<{_WIDTH}} {'KO':>7}  "
        f"{'Korean heading / block':<{_WIDTH}} conf  status"
    )
    by_lines = _blocks_of(sections or ())
    for row in rows(alignment):
        lines.append(
            f"{_cell(row['source_line']):>7}  {_cell(row['source_heading'], _WIDTH)} "
            f"{_cell(row['target_line']):>7}  {_cell(row['target_heading'], _WIDTH)} "
            f"{row['confidence']:.2f}  {row['status']}"
        )
        found = by_lines.get((row["source_line"], row["target_line"]))
        for block in block_rows(found) if found is not None and sections is not None else []:
            lines.append(
                f"{_cell(block['source_lines']):>7}    "
                f"{_cell(block['source_block'], _WIDTH - 2)} "
                f"{_cell(block['target_lines']):>7}    "
                f"{_cell(block['target_block'], _WIDTH - 2)} "
                f"{block['score']:.2f}  {block['status']}"
            )
    return "\n".join(lines) + "\n"


FORMATS = {"text": render_text, "json": render_json}
