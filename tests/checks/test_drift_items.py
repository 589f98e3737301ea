"""The drift rules' cheap test for a paragraph carrying an item of its own rule (a number,
inline code, math, a link out of the page) agrees with the tokens block alignment counts, on
every block of the rule case files and the demo chapters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from transcheck.align.blockscore import block_tokens
from transcheck.checks.drift import _TOKEN_KINDS, _carries_items
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
