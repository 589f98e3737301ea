"""Glossary terms in a parsed document: each occurrence with its 1-based line and its section.

Prose comes from ``Block.text`` (code, math, URLs and tags already left out). A block on one line
gives every occurrence that line; for a block spanning lines the occurrence is found again, in
order, in the block's source lines when the caller has them (else the block's first line).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from transcheck.glossary.matcher import Matcher, Occurrence
from transcheck.model import Block, BlockKind, Document
from transcheck.parse import InputError, read_markdown
from transcheck.records import cached_property, record

_NOT_PROSE = (BlockKind.CODE, BlockKind.MATH)


@record(slots=True, eq=True)
class Mention:
    """An occurrence placed in its document: the line it is on and its section's index."""

    occurrence: Occurrence
    line: int
    section: int


@record(eq=True)
class DocumentTerms:
    """Every glossary mention of one document, in reading order."""

    path: str
    mentions: tuple[Mention, ...]

    @cached_property
    def by_section(self) -> Mapping[int, tuple[Mention, ...]]:
        """Section index -> its mentions."""
        grouped: dict[int, list[Mention]] = defaultdict(list)
        for mention in self.mentions:
            grouped[mention.section].append(mention)
        return {index: tuple(found) for index, found in grouped.items()}


def split_lines(text: str) -> list[str]:
    """A file's text as lines numbered the way the parser numbers them (NFC, any newline)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.split("\n")


def source_lines(root: Path, rel: str, limit: int) -> list[str] | None:
    """The lines (see split_lines) of a file of the tree at ``root``, read under the reading
    policy with at most ``limit`` bytes, or None when it cannot be read."""
    path = root / rel
    try:
        return split_lines(read_markdown(path, str(path), root, limit))
    except InputError:
        return None


def _lines(block: Block, found: Sequence[Occurrence], lines: Sequence[str] | None) -> list[int]:
    """The line of each occurrence of one block (see the module docstring)."""
    if block.end_line == block.line or lines is None:
        return [block.line] * len(found)
    rows = lines[block.line - 1 : block.end_line]
    row, column, result = 0, 0, []
    for occurrence in found:
        needle = occurrence.surface.split()[0]
        for candidate in range(row, len(rows)):
            at = rows[candidate].find(needle, column if candidate == row else 0)
            if at >= 0:
                row, column = candidate, at + len(needle)
                break
        result.append(block.line + row)
    return result


def scan_document(
    document: Document,
    matcher: Matcher,
    korean: bool,
    lines: Sequence[str] | None = None,
    search: Callable[[str], Sequence[Occurrence]] | None = None,
) -> DocumentTerms:
    """All glossary mentions of ``document`` (Korean rules when ``korean``, else English);
    ``search`` replaces the matcher's own (one that remembers what it found, say)."""
    find = search or (matcher.korean if korean else matcher.english)
    mentions: list[Mention] = []
    for section in document.sections:
        for block in section.blocks:
            if block.kind in _NOT_PROSE or not block.text:
                continue
            found = find(block.text)
            if found:
                for occurrence, line in zip(found, _lines(block, found, lines), strict=True):
                    mentions.append(Mention(occurrence, line, section.index))
    return DocumentTerms(document.path, tuple(mentions))
