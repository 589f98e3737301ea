"""Glossary terms over aligned units: an English block (or blocks merged by the translator) and the
Korean block(s) aligned with it. A Korean rendering counts as a use of a term only where the
aligned English uses that term, so 속성 is a rendering of "property" where the English says
property and of "attribute" where it says attribute, and 학습 for "learning" is not "training".

Prose is the block's text with inline math that is a plain name (``$KV$``, ``$B$``) read as the
word it is (`$KV$ cache` is "KV cache"); code, other math and URLs are not prose. A Korean
block without Hangul is untranslated text (untranslated, TC701), never a rendering decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat

from transcheck.glossary.matcher import Occurrence
from transcheck.hangul import has_syllable
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind
from transcheck.records import record

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{0,3}")
_CONTAINER = compiled(r"^:::+\s*[\w-]*")  # a ::: warning / :::tip container mark is markup
NOT_PROSE = (BlockKind.CODE, BlockKind.MATH)


@record(slots=True)
class Piece:
    """One block's prose, its first line, and its source lines when it spans several."""

    text: str
    line: int
    rows: tuple[str, ...] = ()


@record(slots=True)
class Unit:
    """Aligned English and Korean pieces (usually one each)."""

    english: tuple[Piece, ...]
    korean: tuple[Piece, ...]
    names: frozenset[str] = frozenset()  # API names of the unit and its section heading
    # English words the Korean keeps emphasized or quoted as its English has them: a term being
    # defined or named (``**pending callbacks**``, ``*dependencies*``), lower-cased
    kept: frozenset[str] = frozenset()

    @property
    def translated(self) -> bool:
        """Whether the Korean side is Korean text at all."""
        return any(has_syllable(piece.text) for piece in self.korean)


@record(slots=True)
class Found:
    """An occurrence in a piece, with its line."""

    occurrence: Occurrence
    line: int


def prose(block: Block) -> str:
    """The prose of a block, plain-name inline math included (see the module docstring)."""
    shown = block.shown
    names = [
        m.text
        for m in block.math
        if _NAME.fullmatch(m.text.strip()) and re.search(rf"\b{re.escape(m.text)}\s[A-Za-z]", shown)
    ]  # only a name before a word can be part of a term ($KV$ cache)
    if not names:
        return _uncontained(block.text)
    others = [m.text for m in block.math if m.text not in names] + [
        c.text for c in block.code_spans
    ]
    return _uncontained(_restore(block.text, shown, names, others))


def _uncontained(text: str) -> str:
    """``text`` without a container mark at its start (asked of every block a unit holds:
    only a text starting ``:::`` can have one)."""
    return _CONTAINER().sub("", text) if text.startswith(":::") else text


def _restore(text: str, shown: str, names: list[str], others: list[str]) -> str:
    """``text`` with the ``names`` put back where ``shown`` (the text as read, code and math
    included) has them: both are walked together, and what only ``shown`` has is a name (kept),
    other code or math (a space), or dropped."""
    out: list[str] = []
    i = j = 0
    while j < len(shown):
        if i < len(text) and text[i] == shown[j]:
            same = _common(text, i, shown, j)
            out.append(shown[j : j + same])
            i, j = i + same, j + same
            continue
        name = next((x for x in names if x and shown.startswith(x, j)), None)
        other = next((x for x in others if x and shown.startswith(x, j)), None)
        if name is not None:
            out.append(name)
            j += len(name)
        elif other is not None:
            out.append(" ")
            j += len(other)
        elif i < len(text) and text[i].isspace():
            out.append(" ")
            i += 1
        else:
            out.append(" " if shown[j].isspace() else "")
            j += 1
    return "".join(out) + text[i:]


def _common(text: str, i: int, shown: str, j: int) -> int:
    """The length of the run ``text`` from ``i`` and ``shown`` from ``j`` have in common, found
    by halving (a paragraph's text runs hundreds of characters between two spans)."""
    low, high = 0, min(len(text) - i, len(shown) - j)
    while low < high:
        middle = (low + high + 1) // 2
        if text[i : i + middle] == shown[j : j + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def piece(block: Block, lines: Sequence[str] | None) -> Piece:
    """A block as a piece; ``lines`` are its file's lines (None: not read)."""
    rows = (
        tuple(lines[block.line - 1 : block.end_line])
        if lines and block.end_line > block.line
        else ()
    )
    return Piece(prose(block), block.line, rows)


def _line(piece: Piece, surface: str, cursor: list[int]) -> int:
    """The line of ``surface`` in a piece of several rows, searched from ``cursor`` (row,
    column) on, which it advances."""
    needle = surface.split()[0]
    row, column = cursor
    for candidate in range(row, len(piece.rows)):
        at = piece.rows[candidate].find(needle, column if candidate == row else 0)
        if at >= 0:
            cursor[:] = [candidate, at + len(needle)]
            return piece.line + candidate
    return piece.line + row


def joined(pieces: Sequence[Piece]) -> str:
    """The texts of ``pieces`` joined by a space (asked of every unit a run learns from: most
    hold one piece, whose text it is)."""
    return pieces[0].text if len(pieces) == 1 else " ".join([p.text for p in pieces])


def placed(
    pieces: Sequence[Piece], search: Callable[[str], Sequence[Occurrence]]
) -> Iterator[tuple[Occurrence, int]]:
    """Every occurrence ``search`` (a matcher's ``english`` or ``korean``) finds in ``pieces``,
    with its line, in reading order: find's pairs as tuples, for the tree pass, which reads
    every unit of the tree and keeps only the lines."""
    for part in pieces:
        if not part.rows:  # one line: every occurrence is on it
            yield from zip(search(part.text), repeat(part.line))
            continue
        cursor = [0, 0]
        for occurrence in search(part.text):
            yield occurrence, _line(part, occurrence.surface, cursor)


def find(pieces: Sequence[Piece], search: Callable[[str], Sequence[Occurrence]]) -> list[Found]:
    """Every occurrence ``search`` finds in ``pieces``, with its line, in reading order."""
    return [Found(occurrence, line) for occurrence, line in placed(pieces, search)]
