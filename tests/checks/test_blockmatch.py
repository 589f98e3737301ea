"""match_items against its plain form: every item placed first, then matched block by block
with the placed items' equality, then the leftovers of nearby blocks."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from transcheck.align.blocks import BlockPair
from transcheck.checks.blockmatch import NEARBY, ItemMatch, Placed, match_items
from transcheck.checks.inorder import match_in_order
from transcheck.model import Block
from transcheck.parse import parse_markdown


def _plain(
    blocks: Sequence[BlockPair],
    english: Callable[[Block], Sequence[int]],
    korean: Callable[[Block], Sequence[int]],
    same: Callable[[int, int], bool],
) -> ItemMatch[int, int]:
    """match_items as first written: every item placed, then matched as placed items."""
    result: ItemMatch[int, int] = ItemMatch()
    left_en: list[Placed[int]] = []
    left_ko: list[Placed[int]] = []
    seen: set[int] = set()
    for position, pair in enumerate(blocks):
        source, target = pair.source, pair.target
        en = [] if source is None or id(source) in seen else english(source)
        ko = [] if target is None or id(target) in seen else korean(target)
        seen.update((id(source), id(target)))
        placed_en = [Placed(i, pair, position) for i in en]
        placed_ko = [Placed(i, pair, position) for i in ko]
        if placed_en and placed_ko:
            found, placed_en, placed_ko = match_in_order(
                placed_en, placed_ko, lambda a, b: same(a.item, b.item)
            )
            result.found += found
        left_en += placed_en
        left_ko += placed_ko
    found, result.missing, result.extra = match_in_order(
        left_en,
        left_ko,
        lambda a, b: abs(a.position - b.position) <= NEARBY and same(a.item, b.item),
    )
    result.found += found
    return result


def test_match_items_matches_the_items_as_the_plain_form_matches_them_placed() -> None:
    rng = random.Random(16)
    paragraphs = parse_markdown("\n\n".join(f"p{n}" for n in range(40)), "x.md").sections[0]
    blocks = list(paragraphs.blocks)
    for _ in range(300):
        items = {id(b): [rng.randint(0, 6) for _ in range(rng.randint(0, 4))] for b in blocks}
        english = rng.sample(blocks, 12)
        korean = rng.sample(blocks, 12)
        pairs = []
        for _ in range(rng.randint(1, 16)):  # repeats: a block of a merge or split
            source = rng.choice([None, *english])
            target = rng.choice([None, *korean]) if source is not None else rng.choice(korean)
            pairs.append(BlockPair(source, target, 1.0))

        def of(block: Block, items: dict[int, list[int]] = items) -> list[int]:
            return items[id(block)]

        def same(a: int, b: int) -> bool:
            return a % 4 == b % 4

        fast, plain = match_items(pairs, of, of, same), _plain(pairs, of, of, same)
        assert (fast.found, fast.missing, fast.extra) == (plain.found, plain.missing, plain.extra)
