"""Section alignment: English sections <-> Korean sections.

Headings are usually translated, so text cannot pair them. What survives translation can: link
URLs, image paths, code, math, inline code, numbers, Liquid/HTML keys and the English words kept in
headings. Each candidate pair gets a score from those shared tokens (weighted by rarity), heading
similarity (rapidfuzz, for headings kept in English), level, prose length and block shape. A
monotone dynamic program aligns the two lists with gaps (missing/extra sections); a second pass
pairs leftover sections that clearly belong together out of order (moved sections).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from transcheck.align.model import Alignment, SectionPair
from transcheck.model import BlockKind, Document, Section

MATCH_BIAS = 0.35  # a pair scoring below this is worse than leaving both sections unpaired
GAP = 0.1  # cost of leaving one section unpaired
MOVED_MIN = 0.5  # score a leftover pair needs to be taken as a moved section

_TITLE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")
_COMMENT = re.compile(r"^\s*(#|//|/\*|\*|--|%|;)")
_SHAPE = {
    BlockKind.PARAGRAPH: "p",
    BlockKind.LIST_ITEM: "l",
    BlockKind.TABLE_ROW: "t",
    BlockKind.CODE: "c",
    BlockKind.MATH: "m",
    BlockKind.HTML: "h",
    BlockKind.LIQUID: "q",
}


def section_tokens(section: Section, rewrite: Callable[[str], str]) -> Counter[str]:
    """The language-neutral tokens of a section, as a multiset."""
    tokens: Counter[str] = Counter()
    for link in section.links:
        if not link.url.startswith("#"):
            tokens["L:" + rewrite(link.path_part)] += 1
    for image in section.images:
        tokens["I:" + image.url] += 1
    for span in section.code_spans:
        tokens["C:" + span.text.strip()] += 1
    for block in section.code_blocks:
        for code_line in block.text.splitlines():
            if code_line.strip() and not _COMMENT.match(code_line):
                tokens["K:" + " ".join(code_line.split())] += 1
    for formula in section.math:
        tokens["M:" + "".join(formula.text.split())] += 1
    for number in section.numbers:
        tokens["N:" + number.value] += 1
    for tag in section.markup:
        key = tag.attr("path") or tag.attr("key") or tag.attr("src") or tag.attr("id") or ""
        tokens[f"H:{tag.kind}:{tag.name}:{key}"] += 1
    for word in _TITLE_WORD.findall(section.title):
        tokens["T:" + word.lower()] += 1
    return tokens


@dataclass(frozen=True)
class _Features:
    tokens: Counter[str]
    title: str
    level: int
    length: int
    shape: str


def _features(section: Section, rewrite: Callable[[str], str]) -> _Features:
    shape = "".join(_SHAPE.get(block.kind, "") for block in section.blocks)
    return _Features(
        section_tokens(section, rewrite),
        section.title.lower(),
        section.level,
        section.text_length,
        shape,
    )


class _Scorer:
    """Scores candidate pairs; token weights are inverse section frequency over both sides."""

    def __init__(self, source: Sequence[_Features], target: Sequence[_Features]) -> None:
        frequency: Counter[str] = Counter()
        for feature in (*source, *target):
            frequency.update(feature.tokens.keys())
        count = len(source) + len(target)
        self.weight = {token: math.log(1 + count / df) for token, df in frequency.items()}
        source_length = sum(f.length for f in source)
        target_length = sum(f.length for f in target)
        self.ratio = target_length / source_length if source_length and target_length else 1.0

    def content(self, a: Counter[str], b: Counter[str]) -> float:
        shared = sum(self.weight[t] * min(n, b[t]) for t, n in a.items() if t in b)
        total = sum(self.weight[t] * n for t, n in a.items()) + sum(
            self.weight[t] * n for t, n in b.items()
        )
        return 2 * shared / total if total else 0.0

    def length(self, a: int, b: int) -> float:
        if not a and not b:
            return 1.0
        if not a or not b:
            return 0.0
        relative = (b / a) / self.ratio
        return min(relative, 1 / relative)

    def score(self, a: _Features, b: _Features) -> float:
        parts = [
            (0.15, fuzz.ratio(a.title, b.title) / 100 if a.title and b.title else 0.0),
            (0.15, 1.0 if a.level == b.level else 0.0),
            (0.15, self.length(a.length, b.length)),
            (0.10, fuzz.ratio(a.shape, b.shape) / 100 if a.shape or b.shape else 1.0),
        ]
        if a.tokens or b.tokens:
            parts.append((0.45, self.content(a.tokens, b.tokens)))
        return sum(w * v for w, v in parts) / sum(w for w, _ in parts)


def _pair_score(scorer: _Scorer, en: Section, ko: Section, a: _Features, b: _Features) -> float:
    if en.is_preamble or ko.is_preamble:
        return 1.0 if en.is_preamble and ko.is_preamble else -math.inf
    if en.explicit_id and ko.explicit_id and en.anchor == ko.anchor:
        return 1.0
    return scorer.score(a, b)


def align_sections(
    source: Document, target: Document, rewrite: Callable[[str], str] = lambda url: url
) -> Alignment:
    """Align the sections of an English and a Korean document; see the module docstring."""
    en, ko = source.sections, target.sections
    fa = [_features(s, rewrite) for s in en]
    fb = [_features(s, lambda url: url) for s in ko]
    scorer = _Scorer(fa, fb)
    scores = [
        [_pair_score(scorer, en[i], ko[j], fa[i], fb[j]) for j in range(len(ko))]
        for i in range(len(en))
    ]
    n, m = len(en), len(ko)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0], move[i][0] = best[i - 1][0] - GAP, "up"
    for j in range(1, m + 1):
        best[0][j], move[0][j] = best[0][j - 1] - GAP, "left"
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = (
                (best[i - 1][j - 1] + scores[i - 1][j - 1] - MATCH_BIAS, "diag"),
                (best[i - 1][j] - GAP, "up"),
                (best[i][j - 1] - GAP, "left"),
            )
            best[i][j], move[i][j] = max(options, key=lambda option: option[0])
    matched: dict[int, int] = {}
    i, j = n, m
    while i > 0 or j > 0:
        step = move[i][j]
        if step == "diag":
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif step == "up":
            i -= 1
        else:
            j -= 1
    moved = _pair_moved(scores, matched, n, m)
    return _assemble(source, target, matched, moved, scores)


def _pair_moved(
    scores: list[list[float]], matched: dict[int, int], n: int, m: int
) -> dict[int, int]:
    """Leftover English and Korean sections that clearly match each other out of order."""
    used_ko = set(matched.values())
    candidates = sorted(
        (
            (scores[i][j], i, j)
            for i in range(n)
            if i not in matched
            for j in range(m)
            if j not in used_ko and scores[i][j] >= MOVED_MIN
        ),
        reverse=True,
    )
    moved: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in moved and j not in moved.values():
            moved[i] = j
    return moved


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
        pairs.append(SectionPair(en[i], section, max(0.0, scores[i][j]), i in moved))
    place_english_before(len(en))
    return Alignment(source, target, tuple(pairs))
