"""The aligners' shortcuts answer exactly as the plain computations they stand for: the content
of two sections with their subsections folded in is left out for a pair of two sections that
have no subsections, whose folded comparison is their own one; the longest increasing chain
(patience sorting) is as long as the plain quadratic search finds, and is the chain the block
aligner's former search picked among equally long ones; code tokens remembered by
line are those of each line worked out in turn; the shared token weights of section pairs are
those summed pair by pair, with the inverted index built only at the levels read; a block pair
of kinds that do not fit is scored as the plain formula scores it, and a block's mass and the
token weights are the plain loops' sums; the section pairs vouched for, scored only where they
can be, are those a full score matrix vouches for."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcheck.align import align_sections
from transcheck.align.blockscore import (
    W_CONTENT,
    W_KIND,
    W_LENGTH,
    Side,
    block_fit,
    code_line_tokens,
    code_tokens,
)
from transcheck.align.blockscore import Scorer as BlockScorer
from transcheck.align.features import _COMMENT, _TRAILING_COMMENT, Scorer, _Content, features
from transcheck.align.features import _code_tokens as section_code_tokens
from transcheck.align.ordered import increasing_chain
from transcheck.align.sections import (
    AMBIGUOUS,
    AMBIGUOUS_EVIDENCE,
    ANCHOR_EVIDENCE,
    WEAK_MOST,
    _evidence,
    _vouched,
)
from transcheck.model import BlockKind, Document
from transcheck.parse import parse_markdown


def _scorer(source: Document, target: Document) -> Scorer:
    return Scorer(
        [features(s, lambda url: url) for s in source.sections],
        [features(s, lambda url: url) for s in target.sections],
    )


def _assert_folded_content_is_plain(source: Document, target: Document) -> None:
    """Every pair's folded content is the plain one, but for pairs of two sections without
    subsections, whose plain folded evidence is exactly their own evidence."""
    scorer = _scorer(source, target)
    own = _Content(scorer, [f.tokens for f in scorer.source], [f.tokens for f in scorer.target])
    below = _Content(scorer, scorer.source_below, scorer.target_below, True, own)
    plain = _Content(scorer, scorer.source_below, scorer.target_below, True)
    _assert_shared_is_plain(scorer, own, False, None)
    alone = (
        [a is b for a, b in zip(scorer.source_below, own.source, strict=True)],
        [a is b for a, b in zip(scorer.target_below, own.target, strict=True)],
    )
    _assert_shared_is_plain(scorer, below, True, alone)
    _assert_shared_is_plain(scorer, plain, True, None)
    for i, a in enumerate(scorer.source):
        for j, b in enumerate(scorer.target):
            if below.shared[i][j] == plain.shared[i][j]:
                if plain.shared[i][j]:  # the masses a shared pair's evidence is read with
                    assert below.source_mass[i] == plain.source_mass[i]
                    assert below.target_mass[j] == plain.target_mass[j]
                continue
            assert a.level == b.level > 0
            assert scorer.source_below[i] is a.tokens and scorer.target_below[j] is b.tokens
            assert below.shared[i][j] == 0.0
            assert plain.evidence(i, j) == own.evidence(i, j)


def _assert_shared_is_plain(
    scorer: Scorer,
    content: _Content,
    same_level: bool,
    alone: tuple[list[bool], list[bool]] | None,
) -> None:
    """``Scorer.shared`` as ``content`` holds it is, for every pair, the weight of the tokens
    both sections carry summed in the English section's token order (0.0 for a pair of another
    level with ``same_level``, and for a pair of two sections compared alone with ``alone``)."""
    for i, (a, tokens) in enumerate(zip(scorer.source, content.source, strict=True)):
        for j, (b, others) in enumerate(zip(scorer.target, content.target, strict=True)):
            total = 0.0
            skipped = (same_level and a.level != b.level) or (
                alone is not None and alone[0][i] and alone[1][j]
            )
            if not skipped:
                for token, n in tokens.items():
                    if token in others:
                        total += scorer.weight[token] * min(n, others[token])
            assert content.shared[i][j] == total


def test_folded_content_on_every_book_chapter(corpus: Path) -> None:
    for english in sorted((corpus / "en").glob("*.md")):
        korean = corpus / "ko" / english.name
        _assert_folded_content_is_plain(
            parse_markdown(english.read_text(encoding="utf-8"), str(english)),
            parse_markdown(korean.read_text(encoding="utf-8"), str(korean)),
        )


def _assert_vouched_is_plain(source: Document, target: Document) -> None:
    """The pairs ``_vouched`` vouches for, scoring the weak pairs of a row or column only when
    a strong one falls below WEAK_MOST, are those the full score matrix vouches for: evidence
    of at least ANCHOR_EVIDENCE and no pair of the row or column scoring higher. Every weak
    pair scores within WEAK_MOST, the bound the shortcut rests on. A pair tied with another
    of its row or column (as well fitting, on as much evidence) is no anchor either."""
    english, korean = source.sections, target.sections
    scorer = Scorer([features(s, str) for s in english], [features(s, str) for s in korean])
    evidence, score = _evidence(english, korean, scorer)
    scores = [[score(i, j) for j in range(len(korean))] for i in range(len(english))]
    row_best = [max(row, default=0.0) for row in scores]
    column_best = [max(column, default=0.0) for column in zip(*scores, strict=False)]

    def tied(i: int, j: int) -> bool:
        """Another strong pair of the row or column scores within AMBIGUOUS, on evidence
        within AMBIGUOUS_EVIDENCE."""
        others = [(i, c) for c in range(len(korean))] + [(r, j) for r in range(len(english))]
        return any(
            (r, c) != (i, j)
            and evidence[r][c] >= max(ANCHOR_EVIDENCE, evidence[i][j] - AMBIGUOUS_EVIDENCE)
            and scores[r][c] > scores[i][j] - AMBIGUOUS
            for r, c in others
        )

    plain = [
        [
            s
            if e >= ANCHOR_EVIDENCE and s >= max(row_best[i], column_best[j]) and not tied(i, j)
            else -math.inf
            for j, (s, e) in enumerate(zip(row, proof, strict=True))
        ]
        for i, (row, proof) in enumerate(zip(scores, evidence, strict=True))
    ]
    fresh = Scorer([features(s, str) for s in english], [features(s, str) for s in korean])
    assert _vouched(*_evidence(english, korean, fresh)) == plain
    for row, proof in zip(scores, evidence, strict=True):
        assert all(s <= WEAK_MOST for s, e in zip(row, proof, strict=True) if e < ANCHOR_EVIDENCE)


def _chapters(corpus: Path) -> list[tuple[Document, Document]]:
    """Every English page of a corpus with its Korean translation, parsed."""
    found = []
    for english in sorted((corpus / "en").rglob("*.md")):
        korean = corpus / "ko" / english.relative_to(corpus / "en")
        if korean.is_file():
            found.append(
                tuple(
                    parse_markdown(path.read_text("utf-8"), str(path)) for path in (english, korean)
                )
            )
    return found


def test_vouched_pairs_on_every_book_chapter(corpus: Path) -> None:
    for source, target in _chapters(corpus):
        _assert_vouched_is_plain(source, target)


def test_vouched_pairs_on_every_vue_docs_page(corpus: Path) -> None:
    vue = corpus.parent / "vue-docs"
    if not (vue / "en").is_dir():
        pytest.skip(f"corpus not found at {vue}")
    pages = _chapters(vue)
    assert len(pages) > 100
    for source, target in pages:
        _assert_vouched_is_plain(source, target)


_BODIES = ["`a`", "`b` and `a`", "`c`", "1", "2 and `a`", "text", "[x](/x)", "```\nx = 1\n```"]
_SECTION = st.tuples(st.integers(1, 3), st.lists(st.sampled_from(_BODIES), max_size=3))


def _document(sections: list[tuple[int, list[str]]], name: str) -> Document:
    text = "".join(
        f"{'#' * level} S{n}\n\n" + "".join(f"{body}\n\n" for body in bodies)
        for n, (level, bodies) in enumerate(sections)
    )
    return parse_markdown(text, name)


def _plain_pair(scorer: BlockScorer, i: int, j: int) -> float:
    """A block pair's score worked out in full (kind, length, overlap), as before pairs of
    kinds that do not fit and share no token were given 0.0 without it."""
    en, ko = scorer.en, scorer.ko
    fit = block_fit(en.blocks[i], ko.blocks[j])
    ratio = 1.0 if scorer._left_in_english(j) else None
    structure = W_KIND * fit + W_LENGTH * scorer.length(en.lengths[i], ko.lengths[j], ratio)
    a, b = en.tokens[i], ko.tokens[j]
    if not a and not b:
        return structure / (W_KIND + W_LENGTH)
    overlap = scorer._overlap(a, b, scorer.en_mass[i] + scorer.ko_mass[j])
    if not fit and not overlap:
        return 0.0
    return structure + W_CONTENT * overlap


def test_block_scores_are_plain_on_every_book_chapter(corpus: Path) -> None:
    """Every block pair of every aligned section pair scores as the plain formula, and the
    weights and masses are the plain loops' values."""
    for english in sorted((corpus / "en").glob("*.md")):
        korean = corpus / "ko" / english.name
        alignment = align_sections(
            parse_markdown(english.read_text(encoding="utf-8"), str(english)),
            parse_markdown(korean.read_text(encoding="utf-8"), str(korean)),
        )
        for pair in alignment.pairs:
            if pair.source is None or pair.target is None:
                continue
            en, ko = (
                Side.of([b for b in s.blocks if b.kind is not BlockKind.HEADING], str)
                for s in (pair.source, pair.target)
            )
            scorer = BlockScorer(en, ko, 0.55)
            count = len(en.blocks) + len(ko.blocks)
            for token, df in scorer.frequency.items():
                assert scorer.weight[token] == math.log(1 + count / df)
            masses = (*scorer.en_mass, *scorer.ko_mass)
            for tokens, mass in zip((*en.tokens, *ko.tokens), masses, strict=True):
                assert mass == sum([scorer.weight[t] * n for t, n in tokens.items()])
            for i in range(len(en.blocks)):
                for j in range(len(ko.blocks)):
                    assert scorer._pair(i, j) == _plain_pair(scorer, i, j)


@given(st.lists(_SECTION, max_size=8), st.lists(_SECTION, max_size=8))
def test_folded_content_on_generated_pairs(
    english: list[tuple[int, list[str]]], korean: list[tuple[int, list[str]]]
) -> None:
    _assert_folded_content_is_plain(_document(english, "en.md"), _document(korean, "ko.md"))


@given(st.lists(_SECTION, max_size=8), st.lists(_SECTION, max_size=8))
def test_vouched_pairs_on_generated_pairs(
    english: list[tuple[int, list[str]]], korean: list[tuple[int, list[str]]]
) -> None:
    _assert_vouched_is_plain(_document(english, "en.md"), _document(korean, "ko.md"))


@given(st.lists(st.integers(0, 12), max_size=30))
def test_increasing_chain_is_a_longest_one(columns: list[int]) -> None:
    chain = increasing_chain(columns)
    assert chain == sorted(set(chain))
    assert all(columns[a] < columns[b] for a, b in pairwise(chain))
    longest = [1] * len(columns)  # per index: the longest chain ending there
    for b in range(len(columns)):
        for a in range(b):
            if columns[a] < columns[b]:
                longest[b] = max(longest[b], longest[a] + 1)
    assert len(chain) == max(longest, default=0)


def _former_increasing_chain(
    items: list[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """The block aligner's own chain before ``increasing_chain`` (``blocks._increasing_chain``
    at ead2d87), kept as the reference for which of equally long chains is picked."""
    tails: list[int] = []  # tails[k]: index into items of the smallest tail of a chain of k+1
    before: list[int] = []
    for index, (_, j, _) in enumerate(items):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if items[tails[middle]][1] < j:
                low = middle + 1
            else:
                high = middle
        before.append(tails[low - 1] if low else -1)
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    chain: list[tuple[int, int, float]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        chain.append(items[at])
        at = before[at]
    return chain[::-1]


@given(st.lists(st.integers(0, 4), max_size=40))
def test_increasing_chain_picks_the_former_chain_among_ties(columns: list[int]) -> None:
    """Of several equally long chains (many equal columns), the one the alignment was built on."""
    items = [(k, column, 0.0) for k, column in enumerate(columns)]
    assert [items[k] for k in increasing_chain(columns)] == _former_increasing_chain(items)


_CODE = ["x = 1", "  // note", "# note", "a; // b", "f(/* c */)", "<p>Hi</p> <!-- d -->", "", " "]
_CODE += ["'s'", '"t" > u', "  --x", "* y", "}", "\t}", "%", "a//b"]


@given(st.lists(st.sampled_from(_CODE), max_size=8).map("\n".join))
def test_code_tokens_are_each_lines_in_turn(text: str) -> None:
    plain: list[str] = []
    for line in text.splitlines():
        if line.strip() and not _COMMENT.match(line):
            if "//" in line or "/*" in line or "<!--" in line:
                line = _TRAILING_COMMENT().sub("", line)
            plain += code_line_tokens(line)
    assert section_code_tokens(text) == tuple(plain)
    whole = tuple(token for line in text.splitlines() for token in code_line_tokens(line))
    assert code_tokens(text) == whole
