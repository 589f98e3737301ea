"""Section alignment: English sections <-> Korean sections.

Every candidate pair gets a score and an evidence value (see features.py); alignment then runs in
three passes, the way a reviewer would do it by hand:

1. Anchors: a monotone dynamic program pairs, in order, the sections whose content or heading
   words vouch for each other (evidence of at least ``ANCHOR_EVIDENCE``).
2. Moved: leftover sections that vouch for each other just as clearly, but out of order, are
   paired as moved sections.
3. Position: between two consecutive anchors, what is left is paired in order by its score, so
   a section that lost its links is still the translation of the one in its place. A pair must
   score above ``POSITION.bias - 2 * POSITION.gap``; below that, two gaps (a missing and an
   extra section) explain the text better.

Anchoring first keeps two sections that swapped places from being paired crosswise by position.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from transcheck.align.features import Scorer, features
from transcheck.align.model import Alignment, SectionPair
from transcheck.model import Document, Section


@dataclass(frozen=True)
class Costs:
    """DP costs: ``bias`` is subtracted from each pair's score, ``gap`` charged per unpaired
    section; a pair is worth taking over two gaps when it scores above ``bias - 2 * gap``."""

    bias: float
    gap: float


ANCHOR_EVIDENCE = 0.6  # content or heading evidence an anchor needs (0.5 is "no evidence")
ANCHOR = Costs(bias=0.5, gap=0.0)  # pass 1 and 2: anchors need a score above 0.5 as well
POSITION = Costs(bias=0.35, gap=0.025)  # pass 3: pairs need a score above 0.3


def _same_id(en: Section, ko: Section) -> bool:
    """Explicit ids (``{#id}``) are identity: one side's explicit id equals the other's id."""
    return (en.explicit_id or ko.explicit_id) and en.anchor == ko.anchor


def _score_matrix(
    source: Document, target: Document, rewrite: Callable[[str], str]
) -> tuple[list[list[float]], list[list[float]]]:
    """Scores and evidence of every pair, with the preamble and explicit ids decided outright."""
    scorer = Scorer(
        [features(s, rewrite) for s in source.sections],
        [features(s, lambda url: url) for s in target.sections],
    )
    scores, evidence = scorer.matrices()
    for i, en in enumerate(source.sections):
        for j, ko in enumerate(target.sections):
            if en.is_preamble or ko.is_preamble:
                same = en.is_preamble and ko.is_preamble
                scores[i][j] = evidence[i][j] = 1.0 if same else 0.0
            elif _same_id(en, ko):
                scores[i][j] = evidence[i][j] = 1.0
    return scores, evidence


def _monotone(scores: Sequence[Sequence[float]], costs: Costs) -> dict[int, int]:
    """The best order-preserving pairing with gaps: row index -> column index. O(rows x cols)."""
    n = len(scores)
    m = len(scores[0]) if scores else 0
    bias, gap = costs.bias, costs.gap
    best = [[-gap * j for j in range(m + 1)]]
    step = [["left"] * (m + 1)]
    for i in range(1, n + 1):
        row, moves = [-gap * i], ["up"]
        previous, gains = best[i - 1], scores[i - 1]
        for j in range(1, m + 1):
            diag = previous[j - 1] + gains[j - 1] - bias
            up = previous[j] - gap
            left = row[j - 1] - gap
            if diag >= up and diag >= left:
                row.append(diag)
                moves.append("diag")
            elif up >= left:
                row.append(up)
                moves.append("up")
            else:
                row.append(left)
                moves.append("left")
        best.append(row)
        step.append(moves)
    matched: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        move = step[i][j]
        if move == "diag":
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif move == "up":
            i -= 1
        else:
            j -= 1
    return matched


def _pair_moved(
    scores: list[list[float]], evidence: list[list[float]], matched: dict[int, int]
) -> dict[int, int]:
    """Leftover English and Korean sections that clearly match each other out of order."""
    used = set(matched.values())
    candidates = sorted(
        (
            (score, i, j)
            for i, row in enumerate(scores)
            if i not in matched
            for j, score in enumerate(row)
            if j not in used and score > ANCHOR.bias and evidence[i][j] >= ANCHOR_EVIDENCE
        ),
        reverse=True,
    )
    moved: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in moved and j not in used:
            moved[i] = j
            used.add(j)
    return moved


def _fill_gaps(
    scores: list[list[float]], matched: dict[int, int], moved: dict[int, int]
) -> dict[int, int]:
    """Pair, in order and by score alone, the sections left between two consecutive anchors."""
    n, m = len(scores), len(scores[0]) if scores else 0
    moved_targets = set(moved.values())
    filled: dict[int, int] = {}
    previous = (-1, -1)
    for i_end, j_end in (*sorted(matched.items()), (n, m)):
        english = [i for i in range(previous[0] + 1, i_end) if i not in moved]
        korean = [j for j in range(previous[1] + 1, j_end) if j not in moved_targets]
        if english and korean:
            stretch = [[scores[i][j] for j in korean] for i in english]
            for a, b in _monotone(stretch, POSITION).items():
                filled[english[a]] = korean[b]
        previous = (i_end, j_end)
    return filled


def align_sections(
    source: Document, target: Document, rewrite: Callable[[str], str] = lambda url: url
) -> Alignment:
    """Align the sections of an English and a Korean document; see the module docstring."""
    scores, evidence = _score_matrix(source, target, rewrite)
    vouched = [
        [s if e >= ANCHOR_EVIDENCE else -math.inf for s, e in zip(row, proof, strict=True)]
        for row, proof in zip(scores, evidence, strict=True)
    ]
    matched = _monotone(vouched, ANCHOR)
    moved = _pair_moved(scores, evidence, matched)
    matched |= _fill_gaps(scores, matched, moved)
    return _assemble(source, target, matched, moved, scores)


def _assemble(
    source: Document,
    target: Document,
    matched: dict[int, int],
    moved: dict[int, int],
    scores: list[list[float]],
) -> Alignment:
    """Order the pairs as a reader walks both files: Korean order, unpaired English slotted in."""
    en, ko = source.sections, target.sections
    english_of = {j: i for i, j in (*matched.items(), *moved.items())}
    pairs: list[SectionPair] = []
    placed: set[int] = set()

    def place_english_before(limit: int) -> None:
        for i in range(limit):
            if i not in placed and i not in matched and i not in moved:
                placed.add(i)
                pairs.append(SectionPair(en[i], None, 0.0, False))

    for j, section in enumerate(ko):
        i = english_of.get(j)
        if i is None:
            pairs.append(SectionPair(None, section, 0.0, False))
            continue
        if i in matched:
            place_english_before(i)
        placed.add(i)
        pairs.append(SectionPair(en[i], section, min(1.0, max(0.0, scores[i][j])), i in moved))
    place_english_before(len(en))
    return Alignment(source, target, tuple(pairs))
