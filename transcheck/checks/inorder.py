"""Pairing two lists of items in order (links, numbers, formulas, code spans), in bounded time.

Translations keep the order of a section's items, so each English item is compared only with
the Korean items within ``WINDOW`` places of where the previous pair ended: at most
``2 * WINDOW`` comparisons per item however long the lists are (a block of one 5 MB line holds
tens of thousands of items). Lists of up to ``WINDOW`` items are searched whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

WINDOW = 64

T = TypeVar("T")
U = TypeVar("U")


def match_in_order(
    english: Sequence[T],
    korean: Sequence[U],
    equal: Callable[[T, U], bool],
    start: Callable[[T], int] | None = None,
) -> tuple[list[tuple[T, U]], list[T], list[U]]:
    """Pair each English item with the first unpaired Korean item it equals, in order (within
    the window): the pairs, the English items left unpaired, the Korean items left unpaired.

    ``start`` gives, for an English item, the first Korean index worth looking at (the window
    is then the ``2 * WINDOW`` items from there) instead of the place of the last pair."""
    if start is None and len(english) == len(korean) and all(map(equal, english, korean)):
        return list(zip(english, korean, strict=True)), [], []  # the same items in order (most)
    used = [False] * len(korean)
    pairs: list[tuple[T, U]] = []
    missing: list[T] = []
    cursor = 0  # just after the Korean item of the last pair
    free = 0  # every Korean item before this one is paired: a search starts here at the earliest
    for item in english:
        first = max(0, cursor - WINDOW) if start is None else start(item)
        stop = min(len(korean), first + 2 * WINDOW)
        low = max(first, free)
        # the first candidate, looked at on its own: items kept in order pair with it
        if low < stop and not used[low] and equal(item, korean[low]):
            found: int | None = low
        else:
            found = next(
                (k for k in range(low + 1, stop) if not used[k] and equal(item, korean[k])),
                None,
            )
        if found is None:
            missing.append(item)
        else:
            used[found] = True
            pairs.append((item, korean[found]))
            cursor = found + 1
            while free < len(used) and used[free]:
                free += 1
    return pairs, missing, [k for k, taken in zip(korean, used, strict=True) if not taken]
