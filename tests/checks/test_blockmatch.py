"""Item matching over block pairs: Korean items far from every English item left unbuilt
(``lone_korean=False``) change nothing a caller of ``found``, ``missing`` and ``extra_in`` an
English leftover's pair reads."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.align.blocks import BlockPair
from transcheck.checks.blockmatch import match_items
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

    every = match_items(pairs, english, korean, same)
    everywhere = len(asked)
    near = match_items(pairs, english, korean, same, lone_korean=False)
    assert near.found == every.found
    assert near.missing == every.missing
    for placed in near.missing:
        assert near.extra_in(placed.block) == every.extra_in(placed.block)
    assert all(placed in every.extra for placed in near.extra)
    assert len(asked) - everywhere <= everywhere
