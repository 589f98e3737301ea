"""Shortcuts of the drift rules against the plain computation: the test for a paragraph carrying
an item of its own rule (a number, inline code, math, a link out of the page) agrees with the
tokens block alignment counts, on every block of the rule case files and the demo chapters; the
paragraphs measured from a minimum length on are those measured from any length, filtered
(book chapters)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from transcheck.align import align_sections
from transcheck.align.blockscore import block_tokens
from transcheck.checks.blocklength import measured
from transcheck.checks.drift import _TOKEN_KINDS, _carries_items
from transcheck.checks.registry import PairContext
from transcheck.config import Config
from transcheck.links import LinkIndex
from transcheck.model import Block
from transcheck.parse import parse_markdown

ROOT = Path(__file__).parents[2]


def _texts() -> Iterator[str]:
    for path in sorted((ROOT / "tests/checks/cases").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield from (case[side] for side in ("en", "ko") if isinstance(case.get(side), str))
    for path in sorted((ROOT / "data/demo").rglob("*.md")):
        yield path.read_text(encoding="utf-8")


def _blocks() -> Iterator[Block]:
    for text in _texts():
        for section in parse_markdown(text, "chapter.md").sections:
            yield from section.blocks


def test_carrying_an_item_is_having_a_token_of_the_item_rules() -> None:
    carrying = plain = 0
    for block in _blocks():
        tokens = block_tokens(block, str)
        expected = any(key.startswith(_TOKEN_KINDS) for key in tokens)
        assert _carries_items(block) is expected, block.text
        carrying += expected
        plain += not expected
    assert carrying > 100 and plain > 100  # both answers are exercised


def _context(tree: Path, name: str) -> PairContext:
    """What the rules see for a chapter pair of a tree."""
    source, target = (
        parse_markdown((tree / side / name).read_text(encoding="utf-8"), name)
        for side in ("en", "ko")
    )
    return PairContext(
        source=source,
        target=target,
        alignment=align_sections(source, target),
        config=Config(),
        source_rel=name,
        target_rel=name,
        source_index=LinkIndex(None, {name: source}, lambda rel: None),
        target_index=LinkIndex(None, {name: target}, lambda rel: None),
        counterparts={name: name},
    )


def _lines(ctx: PairContext, least: int) -> list[tuple[list[int], list[int], int, int]]:
    """The measured paragraphs from a length on: their blocks' lines, and their lengths."""
    return [
        ([b.line for b in m.english], [b.line for b in m.korean], *m.lengths)
        for m in measured(ctx, least)
    ]


@pytest.mark.parametrize("name", ["tpus.md", "inference.md", "conclusion.md"])
def test_paragraphs_measured_from_a_length_are_all_measured_ones_that_long(
    corpus: Path, name: str
) -> None:
    every = _lines(_context(corpus, name), 1)
    assert len(every) > 10
    for least in (2, 30, 80, 200):
        found = _lines(_context(corpus, name), least)
        assert found == [m for m in every if m[2] >= least]
        assert len(found) < len(every) or least == 2
