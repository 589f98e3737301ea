"""Chapter pairs for ``glossary stats`` and ``glossary mine``: two trees paired, parsed, aligned.

A chapter is named by its Korean path relative to the Korean root (``gpus.md``), which is what
the tables and the mined comments show.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from transcheck.align import Alignment, align_sections
from transcheck.config import Config
from transcheck.glossary.scan import split_lines
from transcheck.model import Document
from transcheck.pairing import pair_paths
from transcheck.parse import InputError, parse_markdown, read_markdown
from transcheck.records import record


@record(eq=True)
class Chapter:
    """One English/Korean file pair, parsed and aligned, with the source lines of both files."""

    name: str
    source: Document
    target: Document
    alignment: Alignment
    source_lines: Sequence[str]
    target_lines: Sequence[str]


def _read(root: Path, rel: str, config: Config) -> tuple[Document, list[str]]:
    """Parse one file of the tree at ``root`` (under the reading policy) and keep its lines."""
    path = root / rel
    text = read_markdown(path, str(path), root, int(config.option("limits", "file_bytes")))
    document = parse_markdown(text, str(path), config.slug_style, config.dialect)
    return document, split_lines(text)


def load_chapters(source: Path, target: Path, config: Config) -> tuple[list[Chapter], list[str]]:
    """Every pair of two files or trees with both sides readable, and the problems met
    (unreadable files). Raises PairingError for paths that cannot be paired."""
    pairing = pair_paths(source, target, config.pairing, config.extensions)
    chapters: list[Chapter] = []
    problems: list[str] = []
    for pair in pairing.pairs:
        if pair.source is None or pair.target is None:
            continue
        try:
            english, english_lines = _read(pairing.source.root, pair.source, config)
            korean, korean_lines = _read(pairing.target.root, pair.target, config)
        except InputError as error:
            problems.append(f"{error.path}: {error.message}")
            continue
        alignment = align_sections(english, korean, config.rewrite_link)
        chapters.append(
            Chapter(pair.target, english, korean, alignment, english_lines, korean_lines)
        )
    return chapters, problems
