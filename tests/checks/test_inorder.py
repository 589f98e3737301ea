"""match_in_order against its plain form: each English item scans its window of Korean items
for the first unpaired one it equals."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.checks.inorder import WINDOW, match_in_order


def _plain(
    english: Sequence[int],
    korean: Sequence[int],
    equal: Callable[[int, int], bool],
    start: Callable[[int], int] | None = None,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """The window scan written out: every Korean item of the window looked at in turn."""
    used = [False] * len(korean)
    pairs, missing, cursor = [], [], 0
    for item in english:
        first = max(0, cursor - WINDOW) if start is None else start(item)
        for k in range(first, min(len(korean), first + 2 * WINDOW)):
            if not used[k] and equal(item, korean[k]):
                used[k] = True
                pairs.append((item, korean[k]))
                cursor = k + 1
                break
        else:
            missing.append(item)
    return pairs, missing, [k for k, taken in zip(korean, used, strict=True) if not taken]


def test_match_in_order_pairs_as_the_plain_window_scan_does() -> None:
    rng = random.Random(16)
    for _ in range(400):
        size = rng.choice([5, 40, 3 * WINDOW])
        english = [rng.randint(0, 9) for _ in range(rng.randint(0, size))]
        korean = [rng.randint(0, 9) for _ in range(rng.randint(0, size))]
        if rng.random() < 0.5:  # most of a translation's items are kept in order
            korean = [e if rng.random() < 0.8 else rng.randint(0, 9) for e in english]

        def same(a: int, b: int) -> bool:
            return a % 5 == b % 5

        def start(item: int, size: int = len(korean)) -> int:
            return rng.randint(0, size)

        assert match_in_order(english, korean, same) == _plain(english, korean, same)
        state = rng.getstate()
        fast = match_in_order(english, korean, same, start)
        rng.setstate(state)
        assert fast == _plain(english, korean, same, start)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(0, 5), max_size=8),
    st.lists(st.tuples(st.integers(0, 8), st.integers(0, 5)), max_size=3),
    st.booleans(),
)
def test_matching_in_order_pairs_each_item_with_the_first_equal_one(
    english: list[int], edits: list[tuple[int, int]], loose: bool
) -> None:
    korean = list(english)  # mostly the same items in the same order, as translations keep them
    for at, value in edits:  # 5 removes an item, another value replaces one
        if not korean:
            korean.append(value)
        elif value == 5:
            del korean[at % len(korean)]
        else:
            korean[at % len(korean)] = value

    def equal(a: int, b: int) -> bool:
        return a == b or (loose and a % 3 == b)  # loose: not symmetric

    assert match_in_order(english, korean, equal) == _plain(english, korean, equal)
