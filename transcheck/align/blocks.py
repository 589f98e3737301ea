"""Block alignment inside one aligned section pair: which Korean paragraph translates which.

Sections in a translation keep their block order almost always; a translator may split or merge a
paragraph. Blocks are paired by a monotone dynamic program over a score made of block kind, the
language-neutral tokens both blocks share (numbers, code, math, links, tags, as section alignment
uses them) and prose length relative to the section's Korean/English ratio. Headings are not
scored: the section alignment already paired them, so two headings always pair first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from transcheck.model import Block, BlockKind, Section

MATCH_BIAS = 0.35  # a pair scoring below this is worse than leaving both blocks unpaired
GAP = 0.1  # cost of leaving one block unpaired

# Kinds that a translator may turn into each other: a formula paragraph ending in "." is a
# paragraph in one language and a math block in the other; a list item can become a paragraph.
_CLOSE_KINDS = (
    frozenset({BlockKind.PARAGRAPH, BlockKind.MATH}),
    frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}),
    frozenset({BlockKind.PARAGRAPH, BlockKind.HTML}),
)


@dataclass(frozen=True)
class BlockPair:
    """An English block and its Korean counterpart inside one section pair; None when unpaired."""

    source: Block | None
    target: Block | None
    score: float


def block_tokens(block: Block, rewrite: Callable[[str], str]) -> Counter[str]:
    """What survives translation in one block (numbers, code, math, link targets, tag keys)."""
    tokens: Counter[str] = Counter("N:" + number.value for number in block.numbers)
    tokens.update("C:" + span.text.strip() for span in block.code_spans)
    tokens.update("M:" + "".join(formula.text.split()) for formula in block.math)
    tokens.update("L:" + rewrite(link.url) for link in block.links if not link.url.startswith("#"))
    for tag in block.markup:
        key = tag.attr("path") or tag.attr("key") or tag.attr("src") or tag.attr("id") or ""
        tokens[f"H:{tag.kind}:{tag.name}:{key}"] += 1
    if block.kind is BlockKind.CODE:
        tokens.update("K:" + " ".join(line.split()) for line in block.text.splitlines())
    return tokens


def _kind_score(a: Block, b: Block) -> float:
    """1 for the same kind, 0.5 for kinds a translator turns into each other, else 0."""
    if a.kind is b.kind:
        return 1.0
    return 0.5 if frozenset({a.kind, b.kind}) in _CLOSE_KINDS else 0.0


class _BlockScorer:
    """Scores block pairs of one section pair; token weights favour tokens rare in the section."""

    def __init__(self, english: Sequence[Counter[str]], korean: Sequence[Counter[str]]) -> None:
        """Weight each token by how few blocks of the section pair carry it."""
        frequency: Counter[str] = Counter()
        for tokens in (*english, *korean):
            frequency.update(tokens.keys())
        count = len(english) + len(korean)
        self.weight = {token: math.log(1 + count / df) for token, df in frequency.items()}

    def mass(self, tokens: Counter[str]) -> float:
        """The weighted size of one block's tokens (computed once per block)."""
        return sum(self.weight[t] * n for t, n in tokens.items())

    def content(self, a: Counter[str], b: Counter[str], total: float) -> float:
        """Weighted Dice overlap of two blocks' tokens, in [0, 1]; ``total`` is their mass."""
        if len(b) < len(a):
            a, b = b, a
        shared = sum(self.weight[t] * min(n, b[t]) for t, n in a.items() if t in b)
        return 2 * shared / total if total else 0.0


def _length_score(a: Block, b: Block, ratio: float) -> float:
    """Similarity of prose lengths, corrected by the section's Korean/English length ratio."""
    if not a.text and not b.text:
        return 1.0
    if not a.text or not b.text:
        return 0.0
    relative = (len(b.text) / len(a.text)) / ratio
    return min(relative, 1 / relative)


def align_blocks(
    source: Section, target: Section, rewrite: Callable[[str], str] = lambda url: url
) -> tuple[BlockPair, ...]:
    """Pair the blocks of an aligned section pair in reading order, with gaps; headings first."""
    en = [b for b in source.blocks if b.kind is not BlockKind.HEADING]
    ko = [b for b in target.blocks if b.kind is not BlockKind.HEADING]
    headings = _heading_pair(source, target)
    en_tokens = [block_tokens(b, rewrite) for b in en]
    ko_tokens = [block_tokens(b, lambda url: url) for b in ko]
    scorer = _BlockScorer(en_tokens, ko_tokens)
    en_length, ko_length = sum(len(b.text) for b in en), sum(len(b.text) for b in ko)
    ratio = ko_length / en_length if en_length and ko_length else 1.0

    en_mass = [scorer.mass(tokens) for tokens in en_tokens]
    ko_mass = [scorer.mass(tokens) for tokens in ko_tokens]

    def score(i: int, j: int) -> float:
        """How well English block ``i`` and Korean block ``j`` fit, in [0, 1]."""
        a, b = en[i], ko[j]
        structure = 0.35 * _kind_score(a, b) + 0.2 * _length_score(a, b, ratio)
        if not en_tokens[i] and not ko_tokens[j]:
            return structure / 0.55
        overlap = scorer.content(en_tokens[i], ko_tokens[j], en_mass[i] + ko_mass[j])
        return structure + 0.45 * overlap

    band = _band(len(en), len(ko))
    scores = [{j: score(i, j) for j in band(i)} for i in range(len(en))]
    return headings + _trace(en, ko, scores)


def _band(n: int, m: int) -> Callable[[int], range]:
    """The Korean blocks worth scoring against English block ``i``: those near the diagonal.

    Translations keep block order, so a block far from its proportional place is never its
    counterpart; leaving those out keeps long sections linear instead of quadratic. The band
    is wide enough for a run of missing or extra blocks (8 plus an eighth of the section).
    """
    width = 8 + max(n, m) // 8

    def columns(i: int) -> range:
        centre = (i * m) // n if n else 0
        return range(max(0, centre - width), min(m, centre + width + 1))

    return columns


def _heading_pair(source: Section, target: Section) -> tuple[BlockPair, ...]:
    """The two headings as a pair (either may be absent: the preamble has none)."""
    en = next((b for b in source.blocks if b.kind is BlockKind.HEADING), None)
    ko = next((b for b in target.blocks if b.kind is BlockKind.HEADING), None)
    if en is None and ko is None:
        return ()
    return (BlockPair(en, ko, 1.0 if en is not None and ko is not None else 0.0),)


def _trace(
    en: list[Block], ko: list[Block], scores: list[dict[int, float]]
) -> tuple[BlockPair, ...]:
    """The best monotone pairing (Needleman-Wunsch with a flat gap cost), in reading order;
    pairs outside the scored band are never made."""
    n, m = len(en), len(ko)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0], move[i][0] = best[i - 1][0] - GAP, "up"
    for j in range(1, m + 1):
        best[0][j], move[0][j] = best[0][j - 1] - GAP, "left"
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pair_score = scores[i - 1].get(j - 1)
            diagonal = -math.inf if pair_score is None else pair_score - MATCH_BIAS
            best[i][j], move[i][j] = max(
                (best[i - 1][j - 1] + diagonal, "diag"),
                (best[i - 1][j] - GAP, "up"),
                (best[i][j - 1] - GAP, "left"),
                key=lambda option: option[0],
            )
    pairs: list[BlockPair] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = move[i][j]
        if step == "diag":
            pairs.append(BlockPair(en[i - 1], ko[j - 1], scores[i - 1][j - 1]))
            i, j = i - 1, j - 1
        elif step == "up":
            pairs.append(BlockPair(en[i - 1], None, 0.0))
            i -= 1
        else:
            pairs.append(BlockPair(None, ko[j - 1], 0.0))
            j -= 1
    return tuple(reversed(pairs))
