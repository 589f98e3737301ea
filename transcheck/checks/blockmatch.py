"""Block pairs of every aligned section, and matching of items (numbers, formulas, code) in them.

Content rules compare what a block carries with what its Korean counterpart carries. An item is
first looked for in the aligned Korean block; what is left over is then matched against the
leftovers of the nearby blocks (``NEARBY`` pairs either side), so a formula a translator moved
into the next paragraph is not a finding, while a changed value is, even when the same value is
left over somewhere far away in a long section.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from typing import Generic, TypeVar

from transcheck.align.blocks import BlockPair, block_alignment
from transcheck.align.blocks import SectionBlocks as SectionBlocks  # re-exported for the rules
from transcheck.checks.inorder import match_in_order
from transcheck.checks.registry import PairContext
from transcheck.model import Block, Section
from transcheck.records import mutable, record

NEARBY = 2  # block pairs either side where a leftover item may have moved

T = TypeVar("T")
U = TypeVar("U")


def section_blocks(ctx: PairContext) -> tuple[SectionBlocks, ...]:
    """Block pairs of every aligned section pair (see ``align.blocks``), once per file pair."""
    return ctx.cached(  # type: ignore[no-any-return]
        "blocks", lambda: block_alignment(ctx.alignment, ctx.config.rewrite_link)
    )


@record(eq=True)
class Placed(Generic[T]):
    """An item, the block pair whose English or Korean block holds it, and that pair's place."""

    item: T
    block: BlockPair
    position: int


@mutable
class ItemMatch(Generic[T, U]):
    """English items found in Korean (with their counterpart), and the leftovers of each side."""

    found: list[tuple[Placed[T], Placed[U]]] = field(default_factory=list)
    missing: list[Placed[T]] = field(default_factory=list)
    extra: list[Placed[U]] = field(default_factory=list)

    def extra_in(self, block: BlockPair) -> list[Placed[U]]:
        """Korean leftovers of one block pair: what an English leftover there may have become."""
        return [placed for placed in self.extra if placed.block is block]


def match_items(
    section: SectionBlocks,
    english: Callable[[Block], Sequence[T]],
    korean: Callable[[Block], Sequence[U]],
    same: Callable[[T, U], bool],
    lone_korean: bool = True,
) -> ItemMatch[T, U]:
    """Match items block by block, then the leftovers of nearby blocks, both in order. A block
    that a merge or split puts in several pairs gives its items once, in its first pair.

    Without ``lone_korean``, Korean items are not built for a block more than NEARBY pairs from
    every English item: they can match none, so ``found`` and ``missing`` are the same, and
    ``extra`` lacks only them (for a caller that asks only ``extra_in`` an English leftover's
    pair)."""
    result: ItemMatch[T, U] = ItemMatch()
    english_blocks, korean_blocks = section.firsts
    # Most blocks hold no item of a kind: only the places of those that do are walked.
    en_at = {position: items for position, block in english_blocks if (items := english(block))}
    wanted = None if lone_korean else _near_items(en_at)
    ko_at = {
        position: held
        for position, block in korean_blocks
        if (wanted is None or position in wanted) and (held := korean(block))
    }
    left_en: list[Placed[T]] = []
    left_ko: list[Placed[U]] = []
    blocks = section.blocks
    for position in sorted(en_at.keys() | ko_at.keys()) if ko_at else en_at:
        pair = blocks[position]
        en_items: Sequence[T] = en_at.get(position, ())
        ko_items: Sequence[U] = ko_at.get(position, ())
        if en_items and ko_items:  # the items themselves are matched, then placed
            paired, en_items, ko_items = match_in_order(en_items, ko_items, same)
            result.found += [
                (Placed(a, pair, position), Placed(b, pair, position)) for a, b in paired
            ]
        left_en += [Placed(i, pair, position) for i in en_items]
        left_ko += [Placed(i, pair, position) for i in ko_items]
    if not left_en or not left_ko:  # nothing left to match with anything nearby
        result.missing, result.extra = left_en, left_ko
        return result

    def near(en: Placed[T], ko: Placed[U]) -> bool:
        """Equal items whose block pairs are at most NEARBY apart."""
        return abs(en.position - ko.position) <= NEARBY and same(en.item, ko.item)

    positions = [placed.position for placed in left_ko]  # in order: blocks are walked in order

    def first_near(en: Placed[T]) -> int:
        return bisect.bisect_left(positions, en.position - NEARBY)

    found, result.missing, result.extra = match_in_order(left_en, left_ko, near, first_near)
    result.found += found
    return result


def _near_items(positions: Iterable[int]) -> set[int]:
    """The positions at most NEARBY from one of ``positions``."""
    return {
        near for position in positions for near in range(position - NEARBY, position + NEARBY + 1)
    }


def insertion_line(
    blocks: Sequence[BlockPair], placed: Placed[T], section: Section, english_line: int
) -> int:
    """Where the Korean counterpart of an English item is (see korean_line) or would be
    inserted when its block has no Korean: before the next Korean block, else after the last
    Korean block of the section, else at its heading."""
    if placed.block.target is not None:
        return korean_line(placed.block, section, english_line)
    after = (pair.target.line for pair in blocks[placed.position + 1 :] if pair.target)
    last = max((pair.target.end_line for pair in blocks if pair.target), default=section.line)
    return next(after, last)


def korean_line(pair: BlockPair, section: Section, english_line: int) -> int:
    """Where the Korean counterpart of an English line probably is: the same offset into the
    aligned Korean block (clipped to it), or the Korean heading when the block has no pair."""
    if pair.source is None or pair.target is None:
        return section.line
    offset = max(0, english_line - pair.source.line)
    return min(pair.target.line + offset, pair.target.end_line)
