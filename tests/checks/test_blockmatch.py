"""Item matching over block pairs: Korean items far from every English item left unbuilt
(``lone_korean=False``) change nothing a caller of ``found``, ``missing`` and ``extra_in`` an
English leftover's pair reads; match_items against its plain form (every item placed first,
then matched as placed items)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.align.blocks import BlockPair, SectionBlocks
from transcheck.checks.blockmatch import NEARBY, ItemMatch, Placed, match_items
from transcheck.checks.inorder import match_in_order
from transcheck.model import Block
from transcheck.parse import parse_markdown

BLOCKS = 12
_EN = parse_markdown("".join(f"English paragraph {n}.\n\n" for n in range(BLOCKS)), "en.md")
_KO = parse_markdown("".join(f"한국어 문단 {n}.\n\n" for n in range(BLOCKS)), "ko.md")
ENGLISH: list[Block] = list(_EN.sections[0].blocks)
KOREAN: list[Block] = list(_KO.sections[0].blocks)

_side = st.one_of(st.none(), st.integers(0, BLOCKS - 1))  # repeats: a merge or split
_items = st.lists(st.integers(0, 3), max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_side, _side), max_size=20),
    st.lists(_items, min_size=BLOCKS, max_size=BLOCKS),
    st.lists(_items, min_size=BLOCKS, max_size=BLOCKS),
)
def test_korean_items_left_unbuilt_far_from_english_ones_change_no_match(
    places: list[tuple[int | None, int | None]],
    english_items: list[list[int]],
    korean_items: list[list[int]],
) -> None:
    assert len(ENGLISH) == len(KOREAN) == BLOCKS
    pairs = [
        BlockPair(None if i is None else ENGLISH[i], None if j is None else KOREAN[j], 1.0)
        for i, j in places
    ]
    asked: list[Block] = []

    def english(block: Block) -> list[int]:
        return english_items[ENGLISH.index(block)]

    def korean(block: Block) -> list[int]:
        asked.append(block)
        return korean_items[KOREAN.index(block)]

    def same(a: int, b: int) -> bool:
        return a == b

    every = match_items(_section(pairs), english, korean, same)
    # a block of several pairs (a merge or split) gives its items once
    distinct_en = {i for i, _ in places if i is not None}
    distinct_ko = {j for _, j in places if j is not None}
    assert len(every.found) + len(every.missing) == sum(len(english_items[i]) for i in distinct_en)
    assert len(every.found) + len(every.extra) == sum(len(korean_items[j]) for j in distinct_ko)
    everywhere = len(asked)
    near = match_items(_section(pairs), english, korean, same, lone_korean=False)
    assert near.found == every.found
    assert near.missing == every.missing
    for placed in near.missing:
        assert near.extra_in(placed.block) == every.extra_in(placed.block)
    assert all(placed in every.extra for placed in near.extra)
    assert len(asked) - everywhere <= everywhere


def _section(pairs: Sequence[BlockPair]) -> SectionBlocks:
    """A section pair whose blocks pair as ``pairs`` (its sections are not read)."""
    return SectionBlocks(_EN.sections[0], _KO.sections[0], tuple(pairs))


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
        english = rng.sample(blocks[:20], 12)  # the two sides hold distinct blocks
        korean = rng.sample(blocks[20:], 12)
        pairs = []
        for _ in range(rng.randint(1, 16)):  # repeats: a block of a merge or split
            source = rng.choice([None, *english])
            target = rng.choice([None, *korean]) if source is not None else rng.choice(korean)
            pairs.append(BlockPair(source, target, 1.0))

        def of(block: Block, items: dict[int, list[int]] = items) -> list[int]:
            return items[id(block)]

        def same(a: int, b: int) -> bool:
            return a % 4 == b % 4

        fast, plain = match_items(_section(pairs), of, of, same), _plain(pairs, of, of, same)
        assert (fast.found, fast.missing, fast.extra) == (plain.found, plain.missing, plain.extra)


def test_firsts_are_each_blocks_first_pair_as_a_walk_over_the_pairs_finds_it() -> None:
    rng = random.Random(14)
    for _ in range(300):
        pairs = [
            BlockPair(rng.choice([None, *ENGLISH[:5]]), rng.choice([None, *KOREAN[:5]]), 1.0)
            for _ in range(rng.randint(0, 12))
        ]
        plain: tuple[list[tuple[int, Block]], list[tuple[int, Block]]] = ([], [])
        for korean, found in enumerate(plain):
            seen: list[Block] = []
            for position, pair in enumerate(pairs):
                block = pair.target if korean else pair.source
                if block is not None and all(block is not other for other in seen):
                    seen.append(block)
                    found.append((position, block))
        assert _section(pairs).firsts == plain
