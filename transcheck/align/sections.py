"""Section alignment: English sections <-> Korean sections.

Every candidate pair gets a score and an evidence value (see features.py); alignment then runs in
three passes, the way a reviewer would do it by hand:

1. Anchors: a monotone dynamic program pairs, in order, the sections whose content or heading
   words vouch for each other (evidence of at least ``ANCHOR_EVIDENCE``) and that are each
   other's best match: a weak pair (a shared inline code) does not anchor a section away from
   the one in its place that fits it better, and a tie (two sections of one shape that fit
   either counterpart as well, on as much evidence) anchors neither.
2. Moved: leftover sections that vouch for each other just as clearly, but out of order, are
   paired as moved sections, again only as each other's best match.
3. Position: between two consecutive anchors, what is left is paired in order by its score, so
   a section that lost its links is still the translation of the one in its place. A pair must
   score above ``POSITION.bias - 2 * POSITION.gap``; below that, two gaps (a missing and an
   extra section) explain the text better. A pair position makes between sections of another
   heading level whose content contradicts it is dropped again (see ``_out_of_place``):
   neither the outline nor the content says they are one section.

Anchoring first keeps two sections that swapped places from being paired crosswise by position.

These passes cost O(n x m) for n and m sections. A file pair past ``MAX_CELLS`` (thousands of
headings on both sides) is first cut into stretches at sections that share a token found nowhere
else in either file, in order, and long stretches into slices of about ``STRETCH`` sections;
each stretch is aligned alone, so the time stays near linear (a moved section is then only
found within its stretch).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from transcheck.align.features import (
    W_CONTENT,
    W_LENGTH,
    W_LEVEL,
    W_SHAPE,
    W_TITLE,
    Features,
    Scorer,
    features,
    section_tokens,
)
from transcheck.align.model import Alignment, SectionPair
from transcheck.align.ordered import increasing_chain
from transcheck.model import Document, Section
from transcheck.records import record


@record
class Costs:
    """DP costs: ``bias`` is subtracted from each pair's score, ``gap`` charged per unpaired
    section; a pair is worth taking over two gaps when it scores above ``bias - 2 * gap``."""

    bias: float
    gap: float


ANCHOR_EVIDENCE = 0.6  # content or heading evidence an anchor needs (0.5 is "no evidence")
# How much better than any other section of its row and column an anchor must fit: two English
# sections of one shape ("Batch Delete", "Batch Restore", the same code with another comment)
# fit either Korean one within rounding, and which one wins must not pair them crosswise.
AMBIGUOUS = 0.01
AMBIGUOUS_EVIDENCE = 0.05  # ... on evidence this close to its own
ANCHOR = Costs(bias=0.5, gap=0.0)  # pass 1 and 2: anchors need a score above 0.5 as well
POSITION = Costs(bias=0.35, gap=0.025)  # pass 3: pairs need a score above 0.3


def _same_id(en: Section, ko: Section) -> bool:
    """Explicit ids (``{#id}``) are identity: one side's explicit id equals the other's id."""
    return (en.explicit_id or ko.explicit_id) and en.anchor == ko.anchor


MAX_CELLS = 1_000_000  # section pairs above which a file pair is cut into stretches
STRETCH = 400  # English sections per slice of a stretch that nothing shared cuts


def _evidence(
    english: Sequence[Section], korean: Sequence[Section], scorer: Scorer
) -> tuple[list[list[float]], Callable[[int, int], float]]:
    """The evidence of every pair and its score (worked out once, when first asked), with
    explicit ids decided outright (and the preambles, by ``Scorer.evidence``)."""
    evidence = scorer.evidence()
    known: dict[tuple[int, int], float] = {}
    by_anchor: dict[str, list[int]] = {}  # the other Korean sections: only these can share an id
    for j, ko in enumerate(korean):
        if not ko.is_preamble:
            by_anchor.setdefault(ko.anchor, []).append(j)
    for i, en in enumerate(english):
        if en.is_preamble:
            continue
        for j in by_anchor.get(en.anchor, ()):
            if _same_id(en, korean[j]):
                known[i, j] = evidence[i][j] = 1.0

    def score(i: int, j: int) -> float:
        """The score of pair (i, j)."""
        found = known.get((i, j))
        if found is None:
            found = known[i, j] = scorer.score(i, j)
        return found

    return evidence, score


# The most a pair whose evidence is below ANCHOR_EVIDENCE scores: its content and heading words
# are below it, its level, length and shape at most 1 (with room for rounding).
WEAK_MOST = (W_CONTENT + W_TITLE) * ANCHOR_EVIDENCE + W_LEVEL + W_LENGTH + W_SHAPE + 1e-9


def _vouched(
    evidence: Sequence[Sequence[float]], score: Callable[[int, int], float]
) -> list[list[float]]:
    """Per pair, its score when its evidence is at least ANCHOR_EVIDENCE and no pair of its row
    or column scores higher, else -inf. Only these strong pairs are scored, and the others of a
    row or a column only when its best strong pair scores below WEAK_MOST, all they can reach
    (most sections share tokens with few others: a tenth of the pairs on vue-docs)."""
    n, m = len(evidence), len(evidence[0]) if evidence else 0
    strong = [[j for j, e in enumerate(row) if e >= ANCHOR_EVIDENCE] for row in evidence]
    row_best = [-math.inf] * n
    column_best = [-math.inf] * m
    rows_of: list[list[int]] = [[] for _ in range(m)]  # each column's strong rows
    for i, columns in enumerate(strong):
        for j in columns:
            s = score(i, j)
            row_best[i] = max(row_best[i], s)
            column_best[j] = max(column_best[j], s)
            rows_of[j].append(i)

    def rivalled(i: int, j: int, s: float) -> bool:
        """Whether another strong pair of row ``i`` or column ``j`` fits about as well, on
        about as much evidence: two sections of one shape, which content cannot tell apart."""
        floor = evidence[i][j] - AMBIGUOUS_EVIDENCE
        return any(
            (r, c) != (i, j) and evidence[r][c] >= floor and score(r, c) > s - AMBIGUOUS
            for r, c in (*((i, c) for c in strong[i]), *((r, j) for r in rows_of[j]))
        )

    weak: dict[tuple[int, int], float] = {}  # (row, -1) or (-1, column): its best weak pair

    def weak_best(i: int, j: int) -> float:
        """The best score of the weak pairs of row ``i`` (``j`` -1) or column ``j``."""
        found = weak.get((i, j))
        if found is None:
            cells = [(i, c) for c in range(m)] if j < 0 else [(r, j) for r in range(n)]
            found = weak[i, j] = max(
                (score(r, c) for r, c in cells if evidence[r][c] < ANCHOR_EVIDENCE),
                default=-math.inf,
            )
        return found

    vouched = [[-math.inf] * m for _ in range(n)]
    for i, columns in enumerate(strong):
        for j in columns:
            s = score(i, j)
            if s < row_best[i] or s < column_best[j]:
                continue
            if rivalled(i, j, s):
                continue  # another section fits as well: position, not content, decides
            if s < WEAK_MOST and (s < weak_best(i, -1) or s < weak_best(-1, j)):
                continue
            vouched[i][j] = s
    return vouched


def _monotone(scores: Sequence[Sequence[float]], costs: Costs) -> dict[int, int]:
    """The best order-preserving pairing with gaps: row index -> column index. O(rows x cols)."""
    n = len(scores)
    m = len(scores[0]) if scores else 0
    bias, gap = costs.bias, costs.gap
    best = [[-gap * j for j in range(m + 1)]]
    for i in range(1, n + 1):
        last = -gap * i  # row[j - 1], kept at hand
        row = [last]
        previous, gains = best[i - 1], scores[i - 1]
        for j in range(1, m + 1):
            diag = previous[j - 1] + gains[j - 1] - bias
            up = previous[j] - gap
            left = last - gap
            if diag >= up and diag >= left:
                last = diag
            elif up >= left:
                last = up
            else:
                last = left
            row.append(last)
        best.append(row)
    # Back from the end, each step taken as the forward pass chose it (the same sums compared
    # in the same order): only the O(n + m) cells of the path are decided again, so no
    # O(n x m) table of moves is kept.
    matched: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        diag = best[i - 1][j - 1] + scores[i - 1][j - 1] - bias
        up = best[i - 1][j] - gap
        if diag >= up and diag >= best[i][j - 1] - gap:
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif up >= best[i][j - 1] - gap:
            i -= 1
        else:
            j -= 1
    return matched


def _pair_moved(vouched: list[list[float]], matched: dict[int, int]) -> dict[int, int]:
    """Leftover English and Korean sections that clearly match each other out of order (their
    ``vouched`` score, which already requires each to be the other's best match)."""
    used = set(matched.values())
    rows = [i for i in range(len(vouched)) if i not in matched]
    columns = [j for j in range(len(vouched[0]) if vouched else 0) if j not in used]
    candidates = sorted(
        ((score, i, j) for i in rows for j in columns if (score := vouched[i][j]) > ANCHOR.bias),
        reverse=True,
    )
    moved: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in moved and j not in used:
            moved[i] = j
            used.add(j)
    return moved


def _out_of_place(en: Features, ko: Features) -> bool:
    """Whether two sections left in one gap are not each other's translation although position
    would pair them: their headings differ in level and their content shares none of the
    language-neutral tokens (links, code, numbers) either carries (an English section the
    Korean lost beside a Korean one the English no longer has)."""
    if en.level == ko.level:
        return False
    return bool(en.tokens or ko.tokens) and en.tokens.keys().isdisjoint(ko.tokens)


def _fill_gaps(
    score: Callable[[int, int], float],
    size: tuple[int, int],
    matched: dict[int, int],
    moved: dict[int, int],
    out_of_place: Callable[[int, int], bool],
) -> dict[int, int]:
    """Pair, in order and by score alone, the sections left between two consecutive anchors;
    a pair found ``out_of_place`` is left as a missing and an extra section (after the
    pairing: the pairs around it stay where position put them)."""
    n, m = size
    moved_targets = set(moved.values())
    filled: dict[int, int] = {}
    previous = (-1, -1)
    for i_end, j_end in (*sorted(matched.items()), (n, m)):
        english = [i for i in range(previous[0] + 1, i_end) if i not in moved]
        korean = [j for j in range(previous[1] + 1, j_end) if j not in moved_targets]
        if english and korean:
            stretch = [[score(i, j) for j in korean] for i in english]
            for a, b in _monotone(stretch, POSITION).items():
                if not out_of_place(english[a], korean[b]):
                    filled[english[a]] = korean[b]
        previous = (i_end, j_end)
    return filled


def _align_stretch(
    english: Sequence[Section], korean: Sequence[Section], rewrite: Callable[[str], str]
) -> tuple[dict[int, int], dict[int, int], Callable[[int, int], float]]:
    """The three passes over one stretch: in-order pairs, moved pairs, and the pair scores."""
    scorer = Scorer(
        [features(s, rewrite) for s in english],
        [features(s, lambda url: url) for s in korean],
    )
    evidence, score = _evidence(english, korean, scorer)
    vouched = _vouched(evidence, score)
    matched = _monotone(vouched, ANCHOR)
    moved = _pair_moved(vouched, matched)
    matched |= _fill_gaps(
        score,
        (len(english), len(korean)),
        matched,
        moved,
        lambda i, j: _out_of_place(scorer.source[i], scorer.target[j]),
    )
    return matched, moved, score


def _unique_pairs(
    english: Sequence[Section], korean: Sequence[Section], rewrite: Callable[[str], str]
) -> list[tuple[int, int]]:
    """Sections that share a token found once in each file, as an increasing chain of pairs
    (the longest one, so a moved section cannot cut the files crosswise)."""
    where: list[defaultdict[str, list[int]]] = [defaultdict(list), defaultdict(list)]
    for side, sections, rewriting in ((0, english, rewrite), (1, korean, lambda url: url)):
        for index, section in enumerate(sections):
            for token in section_tokens(section, rewriting):
                where[side][token].append(index)
    pairs = sorted(
        {
            (spots[0], where[1][token][0])
            for token, spots in where[0].items()
            if len(spots) == 1 and len(where[1].get(token, ())) == 1
        },
        key=lambda pair: (pair[0], -pair[1]),  # one English section can end one chain link only
    )
    return [pairs[k] for k in increasing_chain([j for _, j in pairs])]


def _stretches(
    english: Sequence[Section], korean: Sequence[Section], rewrite: Callable[[str], str]
) -> list[tuple[range, range]]:
    """The stretches a file pair is aligned in: the whole pair, unless it is past MAX_CELLS."""
    n, m = len(english), len(korean)
    if n * m <= MAX_CELLS:
        return [(range(n), range(m))]
    chain = [p for p in _unique_pairs(english, korean, rewrite) if p[0] > 0 and p[1] > 0]
    bounds = [(0, 0), *chain, (n, m)]
    stretches = []
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        rows, cols = i1 - i0, j1 - j0
        slices = max(1, -(-rows * cols // MAX_CELLS), -(-rows // STRETCH))
        for k in range(slices):
            stretches.append(
                (
                    range(i0 + rows * k // slices, i0 + rows * (k + 1) // slices),
                    range(j0 + cols * k // slices, j0 + cols * (k + 1) // slices),
                )
            )
    return stretches


def align_sections(
    source: Document, target: Document, rewrite: Callable[[str], str] = lambda url: url
) -> Alignment:
    """Align the sections of an English and a Korean document; see the module docstring."""
    english, korean = source.sections, target.sections
    matched: dict[int, int] = {}
    moved: dict[int, int] = {}
    score: dict[tuple[int, int], float] = {}
    for rows, cols in _stretches(english, korean, rewrite):
        local = _align_stretch([english[i] for i in rows], [korean[j] for j in cols], rewrite)
        for found, into in ((local[0], matched), (local[1], moved)):
            for a, b in found.items():
                into[rows[a]] = cols[b]
                score[rows[a], cols[b]] = local[2](a, b)
    return _assemble(source, target, matched, moved, score)


def _assemble(
    source: Document,
    target: Document,
    matched: dict[int, int],
    moved: dict[int, int],
    score: Mapping[tuple[int, int], float],
) -> Alignment:
    """Order the pairs as a reader walks both files: Korean order, unpaired English slotted in."""
    en, ko = source.sections, target.sections
    english_of = {j: i for i, j in (*matched.items(), *moved.items())}
    pairs: list[SectionPair] = []
    placed: set[int] = set()
    considered = 0  # English sections before this one are placed or paired already

    def place_english_before(limit: int) -> None:
        """Slot in the unpaired English sections before ``limit`` (in-order anchors only move
        forward, so each section is looked at once)."""
        nonlocal considered
        for i in range(considered, limit):
            if i not in placed and i not in matched and i not in moved:
                placed.add(i)
                pairs.append(SectionPair(en[i], None, 0.0, False))
        considered = max(considered, limit)

    for j, section in enumerate(ko):
        i = english_of.get(j)
        if i is None:
            pairs.append(SectionPair(None, section, 0.0, False))
            continue
        if i in matched:
            place_english_before(i)
        placed.add(i)
        pairs.append(SectionPair(en[i], section, min(1.0, max(0.0, score[i, j])), i in moved))
    place_english_before(len(en))
    return Alignment(source, target, tuple(pairs))
