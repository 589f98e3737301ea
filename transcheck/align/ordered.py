"""The longest chain of pairs in order on both sides, which section and block alignment both cut
a file pair or a section pair at."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def increasing_chain(columns: Sequence[int]) -> list[int]:
    """The indexes of the longest subsequence of ``columns`` that strictly increases (patience
    sorting; of equally long ones, the one ending in the smallest values). Pairs sorted by row,
    column descending within a row, so give the longest chain of pairs increasing in both, one
    pair per row."""
    tails: list[int] = []  # tails[k]: the smallest last column of a chain of k + 1
    tail_at: list[int] = []  # ... and the index it stands at
    before: list[int] = []  # per index: the index before it in its chain (-1: none)
    for index, column in enumerate(columns):
        k = bisect_left(tails, column)
        before.append(tail_at[k - 1] if k else -1)
        if k == len(tails):
            tails.append(column)
            tail_at.append(index)
        else:
            tails[k], tail_at[k] = column, index
    chain: list[int] = []
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        chain.append(at)
        at = before[at]
    return chain[::-1]
