"""Block alignment inside one aligned section pair: which Korean block translates which.

Sections in a translation keep their block order almost always; a translator may split a
paragraph in two or merge two into one. The blocks are paired in three steps:

1. Anchors: an English and a Korean block that alone carry the same rare token (a formula, a URL,
   a code span found once on each side) and fit well pair for sure; the longest chain of anchors
   in order cuts the section into short segments.
2. Each segment between anchors whose blocks run in step (same count, same kinds, every pair
   fitting well) pairs along its diagonal; any other is searched with a monotone dynamic program
   whose moves are a 1:1 pair, an unpaired block on either side, and a 2:1 merge or 1:2 split of
   prose blocks, scored by ``blockscore`` (kind, shared tokens, length through the chapter's
   Korean/English ratio).
3. A block left unpaired next to a pair (at most two pairs away, as when Korean word order puts
   the end of a sentence after a formula) joins that pair when its tokens are what the pair's
   other side has in surplus, or, without tokens, when it brings the pair's lengths much closer
   to the chapter's typical ratio (learned from paragraphs that surely pair one to one; without
   enough of them, a usual Korean ratio joins a fragment of its neighbour's kind only).

A block that belongs to a merge or split appears in more than one pair; every pair whose English
or Korean block an earlier pair already holds is marked ``joined``. Headings are not scored: the
section alignment already paired them, so the two headings always pair first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from transcheck.align.blockscore import PROSE, Scorer, Side, kind_score
from transcheck.align.model import Alignment, SectionPair
from transcheck.align.ordered import increasing_chain
from transcheck.align.terms import Agreement
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Section
from transcheck.records import cached_property, mutable, record

MATCH_BIAS = 0.35  # a pair scoring below this is worse than leaving both blocks unpaired
GAP = 0.1  # cost of leaving one block unpaired
JOIN = 0.1  # cost of a 2:1 or 1:2 group over 1:1 pairs: a merge must be clearly better
SURE = 0.6  # a pair scoring this well needs no search (anchors, diagonal runs)
ATTACH_GAIN = 0.25  # log-ratio closer to the chapter ratio a fragment must bring its neighbour
NEARBY = 2  # how many pairs away an unpaired fragment may join a pair
MOVED = 0.7  # how well an unpaired English and Korean block must fit to pair out of order
LENGTH_MOVED = 0.6  # ... and, without tokens, how close their lengths (through the ratio)
SWAP_GAIN = 0.3  # how much better two neighbouring pairs must fit crosswise to be swapped
TERM_WEIGHT = 0.1  # ... where each kept Latin-script term the English block has counts this
_HEADING = BlockKind.HEADING  # looked up once (see blockscore._CODE)
# A translator's note leading a Korean block (역주, 옮긴이 주, 번역 주, translator's note), as
# Korean books and docs add them: "> 《번역 주》 ASAR: …", "(역주: …)", "**옮긴이 주**: …". The
# translator's own words translate nothing, so they are left out of the pairing.
_NOTE = compiled(
    r"[\s(\[{<《〈「『【*※>·-]*"
    r"(?:역주|역자 ?(?:주|노트)|옮긴이(?: ?주| ?노트)?|번역자? ?(?:주|노트)"
    r"|[Tt]ranslator'?s? [Nn]ote)"
    r"(?![가-힣A-Za-z])"
)


# A translation notice: a paragraph about this page's translation, as teams put at the top
# ("Note: 이 문서는 텐서플로 커뮤니티에서 번역했습니다. …", "> 원본 문서를 한국어로 번역하였고, …",
# "> 이 절은 번역 검토 중입니다."): the page, a part of it or its original named, then 번역 done,
# passive or under way within the sentence. "이 페이지를 번역하세요" (an instruction an i18n guide
# translates) is no notice.
_NOTICE = compiled(
    r"(?:(?:이|본|해당)\s?(?:문서|페이지|글|책|절|장)|원본(?:\s?문서)?|원문|영문(?:\s?문서)?)"
    r"[^.!?\n]{0,80}?번역(?:했|하였|되었|됐|되어\s?있|된\s?(?:것|문서|글|페이지)|\s?(?:검토\s?)?중)"
)
_NOTE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
_BOX_KINDS = frozenset({BlockKind.COMPONENT, BlockKind.SHORTCODE})


def translator_note(block: Block) -> bool:
    """Whether a Korean paragraph or list item is a translator's note (see ``_NOTE``), or a
    paragraph is a translation notice (``_NOTICE``, told in its first sentences)."""
    if block.kind not in _NOTE_KINDS:
        return False
    return _NOTE().match(block.text) is not None or (
        block.kind is BlockKind.PARAGRAPH and _NOTICE().search(block.text, 0, 300) is not None
    )


def note_section(section: Section) -> bool:
    """Whether a Korean section's heading names it a translator's note (``## 역자 주``)."""
    return _NOTE().match(section.title) is not None


def note_box(block: Block) -> bool:
    """Whether a Korean box's opening line is titled as a translator's note (``!!! note "역자
    주"``, ``:::tip[옮긴이 주]``): what the box holds is the translator's own too."""
    return block.kind in _BOX_KINDS and _NOTE().match(block.text) is not None


JOINABLE = frozenset(
    {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.MATH, BlockKind.HTML, BlockKind.LIQUID}
)


@record
class BlockPair:
    """An English block and its Korean counterpart inside one section pair; None when unpaired.

    ``joined`` marks a pair whose English or Korean block an earlier pair already holds: the
    second block of a merge (2:1) or a split (1:2).
    """

    source: Block | None
    target: Block | None
    score: float
    joined: bool = False

    def sides(self, korean: bool) -> tuple[Block | None, Block | None]:
        """This side's block and the other side's: (Korean, English) when ``korean``."""
        return (self.target, self.source) if korean else (self.source, self.target)


# Internal pairs by index: English index, Korean index (None: unpaired), score, joined.
_Pair = tuple[int | None, int | None, float, bool]


def _identity(url: str) -> str:
    """Korean URLs are compared as written."""
    return url


@record
class SectionBlocks:
    """One aligned section pair (both sides present) and the pairing of its blocks."""

    source: Section
    target: Section
    blocks: tuple[BlockPair, ...]
    # English subsections with no Korean heading whose text the Korean section translates
    # (their blocks are in ``source``)
    split: tuple[Section, ...] = ()

    @cached_property
    def firsts(self) -> tuple[list[tuple[int, Block]], list[tuple[int, Block]]]:
        """The English and the Korean blocks with the place of the first pair holding each (a
        block of a merge or split is in several pairs), in order: the item matchers of every
        kind walk these, so the pairs are sorted out once per section, not once per kind. Both
        sides in one walk over the pairs, a block entered by its id at its first pair."""
        english: dict[int, tuple[int, Block]] = {}
        korean: dict[int, tuple[int, Block]] = {}
        for position, pair in enumerate(self.blocks):
            source, target = pair.source, pair.target
            if source is not None and id(source) not in english:
                english[id(source)] = (position, source)
            if target is not None and id(target) not in korean:
                korean[id(target)] = (position, target)
        return list(english.values()), list(korean.values())


def block_alignment(
    alignment: Alignment, rewrite: Callable[[str], str] = _identity
) -> tuple[SectionBlocks, ...]:
    """The block pairs of every aligned section pair of two documents; lengths are compared
    through the chapter's own Korean/English ratio.

    A Korean heading the English lacks (a translator's added heading, or a heading the English
    writes another way) leaves a Korean section that translates no English one, while the end
    of the English section before it has no counterpart. When the body of such Korean sections
    pairs with that English text, it is compared as part of the Korean section before it, so
    its content is not reported missing on one side (the heading is structure's finding).
    The same holds the other way: English subsections the Korean has no heading for (the
    English has since split the section, ``### Example`` into ``#### HTML`` and ``#### CSS``)
    are compared as part of the English section before them when their bodies pair with the
    Korean text left over."""
    pairs = alignment.pairs
    both = [(p.source, p.target) for p in pairs if p.source is not None and p.target is not None]
    ratio = chapter_ratio(both)
    found = []
    for at, pair in enumerate(pairs):
        if pair.source is None or pair.target is None:
            continue
        source, target = pair.source, pair.target
        subsections = _unpaired_subsections(alignment, source)
        blocks = align_blocks(source, target, rewrite, ratio)
        source, blocks, split = _with_added(
            source, target, blocks, subsections, rewrite, ratio, korean=False
        )
        added = list(_unpaired_after(pairs[at + 1 :]))
        target, blocks, _ = _with_added(source, target, blocks, added, rewrite, ratio, korean=True)
        found.append(SectionBlocks(source, target, blocks, split))
    return tuple(found)


def _unpaired_after(following: Sequence[SectionPair]) -> Iterator[Section]:
    """The Korean sections with no English counterpart right after an aligned pair."""
    for pair in following:
        if pair.source is not None or pair.target is None:
            return
        yield pair.target


def _unpaired_subsections(alignment: Alignment, section: Section) -> list[Section]:
    """The English subsections (and sections of its level) right after ``section`` that have
    no Korean counterpart, up to the first that has one: a Korean section that lost the next
    heading keeps its text."""
    found = []
    for following in alignment.source.sections[section.index + 1 :]:
        if following.level < section.level or following.index in alignment.target_of:
            break
        found.append(following)
    return found


def _with_added(
    source: Section,
    target: Section,
    blocks: tuple[BlockPair, ...],
    added: Sequence[Section],
    rewrite: Callable[[str], str],
    ratio: LengthRatio,
    korean: bool,
) -> tuple[Section, tuple[BlockPair, ...], tuple[Section, ...]]:
    """One side's section (Korean when ``korean``, else English) and the block pairs, with the
    bodies of the ``added`` sections of that side after it that then pair at least half of
    their blocks surely (``SURE``) with blocks the other side has left over, and the sections
    so taken; a section added on its own stays apart."""
    grown = target if korean else source
    taken: list[Section] = []
    for section in added:
        if all(p.sides(korean)[0] is not None for p in blocks if p.sides(korean)[1] is not None):
            break  # nothing left over on the other side
        body = [b for b in section.blocks if b.kind is not _HEADING]
        merged = replace(
            grown, blocks=(*grown.blocks, *body), end_line=max(grown.end_line, section.end_line)
        )
        joined = (
            align_blocks(source, merged, rewrite, ratio)
            if korean
            else align_blocks(merged, target, rewrite, ratio)
        )
        ids = {id(b) for b in body}
        sure = sum(
            1
            for p in joined
            if p.source is not None
            and p.target is not None
            and id(p.sides(korean)[0]) in ids
            and p.score >= SURE
        )
        if body and 2 * sure >= len(body):
            grown, blocks = merged, joined
            taken.append(section)
    return grown, blocks, tuple(taken)


@record
class LengthRatio:
    """A chapter's Korean/English prose length ratio: ``value`` over all its aligned text, and
    ``typical``, the median over paragraphs that surely pair one to one (sections with as many
    prose blocks on both sides), which is what length evidence trusts; None with fewer than
    MIN_SAMPLES such paragraphs, since a few paragraphs cannot tell a fragment from an extra."""

    value: float
    typical: float | None = None


MIN_SAMPLES = 5
# Korean/English prose length where a chapter has too few paragraphs to learn its own: the
# median of the chapters' typical ratios on eleven real sites (0.46-0.67). On a short page a
# fragment of the kind of the block it stands beside joins it by this (see _gain): a paragraph
# split in two, where the piece paired alone is far too short to translate its English.
PRIOR_RATIO = 0.55
PRIOR_GAIN = 0.5  # ... and the log-ratio closer it must bring the pair, twice ATTACH_GAIN


def chapter_ratio(pairs: Sequence[tuple[Section, Section]]) -> LengthRatio:
    """The length ratio of aligned section pairs (1.0 when either side has no prose)."""
    en_length = ko_length = 0
    samples: list[float] = []
    for source, target in pairs:
        en, en_body = _prose_lengths(source)
        ko, ko_body = _prose_lengths(target)
        en_length += en_body
        ko_length += ko_body
        if len(en) == len(ko):
            samples += [math.log(k / e) for e, k in zip(en, ko, strict=True)]
    value = ko_length / en_length if en_length and ko_length else 1.0
    if len(samples) < MIN_SAMPLES:
        return LengthRatio(value)
    return LengthRatio(value, math.exp(median(samples)))


def _prose_lengths(section: Section) -> tuple[list[int], int]:
    """The lengths of a section's non-empty prose blocks, and the length of its body (every
    block but the heading), in one walk over its blocks."""
    prose: list[int] = []
    body = 0
    for block in section.blocks:
        kind = block.kind
        if kind is not _HEADING:
            length = len(block.text)
            body += length
            if length and kind in PROSE:
                prose.append(length)
    return prose, body


def median(values: Iterable[float]) -> float:
    """The median of some values, as ``statistics.median`` computes it (importing statistics
    costs a check's start-up ~1.5 ms, with fractions)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def align_blocks(
    source: Section,
    target: Section,
    rewrite: Callable[[str], str] = _identity,
    ratio: LengthRatio | None = None,
) -> tuple[BlockPair, ...]:
    """Pair the blocks of an aligned section pair in reading order, with gaps, merges and
    splits; headings first. ``ratio`` is the chapter's Korean/English prose length (default:
    this section's own)."""
    en_blocks = [b for b in source.blocks if b.kind is not _HEADING]
    ko_blocks = [b for b in target.blocks if b.kind is not _HEADING and not translator_note(b)]
    if not en_blocks or not ko_blocks:
        # nothing to pair (a section of a heading alone: 164 of 1,144 pairs on vue-docs): every
        # block is unpaired, as the search below would leave it
        unpaired = [BlockPair(b, None, 0.0) for b in en_blocks]
        unpaired += [BlockPair(None, b, 0.0) for b in ko_blocks]
        return _heading_pair(source, target) + tuple(unpaired)
    if ratio is None:
        ratio = chapter_ratio([(source, target)])
    paired = _paired(Side.of(en_blocks, rewrite), Side.of(ko_blocks, _identity), ratio)
    return _heading_pair(source, target) + paired


def _paired(en: Side, ko: Side, ratio: LengthRatio) -> tuple[BlockPair, ...]:
    """The pairs of two sides' blocks (headings left out), in reading order."""
    scorer = Scorer(en, ko, ratio.typical or ratio.value, ratio.typical is not None)
    found: list[_Pair] = []
    i0 = j0 = 0
    for i, j, score in (*_anchors(scorer), (len(en.blocks), len(ko.blocks), -1.0)):
        found += _segment(scorer, i0, i, j0, j)
        if score >= 0:
            found.append((i, j, score, False))
        i0, j0 = i + 1, j + 1
    _pair_moved(found, scorer)
    _uncross(found, scorer)
    _attach(found, scorer, ratio.typical)
    _mark_joined(found)
    pairs = (
        BlockPair(
            en.blocks[i] if i is not None else None,
            ko.blocks[j] if j is not None else None,
            score,
            joined,
        )
        for i, j, score, joined in found
    )
    return tuple(pairs)


def _heading_pair(source: Section, target: Section) -> tuple[BlockPair, ...]:
    """The two headings as a pair (either may be absent: the preamble has none)."""
    en = next((b for b in source.blocks if b.kind is _HEADING), None)
    ko = next((b for b in target.blocks if b.kind is _HEADING), None)
    if en is None and ko is None:
        return ()
    return (BlockPair(en, ko, 1.0 if en is not None and ko is not None else 0.0),)


def _anchors(scorer: Scorer) -> list[tuple[int, int, float]]:
    """The longest in-order chain of sure pairs that alone share a token: one that two blocks
    hold in all, one on each side."""
    frequency = scorer.frequency
    english = {
        token: i
        for i, tokens in enumerate(scorer.en.tokens)
        for token in tokens
        if frequency[token] == 2
    }
    candidates = {
        (i, j)
        for j, tokens in enumerate(scorer.ko.tokens)
        for token in tokens
        if (i := english.get(token)) is not None
    }
    sure = [
        (i, j, score)
        for i, j in sorted(candidates, key=lambda c: (c[0], -c[1]))
        if (score := scorer.pair(i, j)) >= SURE
    ]
    return [sure[k] for k in increasing_chain([j for _, j, _ in sure])]


def _segment(scorer: Scorer, i0: int, i1: int, j0: int, j1: int) -> list[_Pair]:
    """Pairs of English blocks ``i0:i1`` and Korean blocks ``j0:j1`` (between two anchors)."""
    if i0 == i1 or j0 == j1:
        return [(i, None, 0.0, False) for i in range(i0, i1)] + [
            (None, j, 0.0, False) for j in range(j0, j1)
        ]
    if i1 - i0 == j1 - j0:
        diagonal: list[_Pair] = []
        for offset in range(i1 - i0):
            score = scorer.pair(i0 + offset, j0 + offset)
            if score < SURE:
                break
            diagonal.append((i0 + offset, j0 + offset, score, False))
        else:
            return diagonal
    return _search(scorer, i0, i1, j0, j1)


_DIAGONAL, _UP, _LEFT, _MERGE, _SPLIT = 1, 2, 3, 4, 5


def band_width(n: int, m: int) -> int:
    """How far from the proportional diagonal a pairing may stray: 8 blocks, plus the count
    difference (all of a section's missing blocks may sit at one end), at most an eighth of the
    segment. Translations keep block order, so this keeps long segments linear."""
    return 8 + min(max(n, m) // 8, abs(n - m) + 8)


@mutable
class _Band:
    """The cells of an (n+1) x (m+1) table the search visits, row by row: row ``i`` holds the
    columns ``lows[i]`` to ``highs[i]`` only, so time and memory grow with the band, not n x m.

    Row ``i`` reaches from ``width`` before its own proportional column to ``width`` past the
    next row's, so consecutive rows always overlap and (n, m) is reachable from (0, 0) even when
    one side has many more blocks than the other.
    """

    lows: list[int]
    best: list[list[float]]
    move: list[list[int]]

    @classmethod
    def of(cls, n: int, m: int) -> _Band:
        """The empty band of an n x m segment (n >= 1)."""
        width = band_width(n, m)
        lows, best, move = [], [], []
        for i in range(n + 1):
            low = max(0, (i * m) // n - width)
            high = min(m, (min(i + 1, n) * m) // n + width)
            lows.append(low)
            best.append([-math.inf] * (high - low + 1))
            move.append([0] * (high - low + 1))
        return cls(lows, best, move)

    def value(self, i: int, j: int) -> float:
        """The best score into cell (i, j); -inf outside the band."""
        k = j - self.lows[i]
        row = self.best[i]
        return row[k] if 0 <= k < len(row) else -math.inf


def _search(scorer: Scorer, i0: int, i1: int, j0: int, j1: int) -> list[_Pair]:
    """The best monotone pairing of a segment (Needleman-Wunsch with flat gap costs and 2:1 and
    1:2 groups of prose blocks), over the cells of its band (see _Band)."""
    n, m = i1 - i0, j1 - j0
    band = _Band.of(n, m)
    en_join = [scorer.en.blocks[i].kind in JOINABLE for i in range(i0, i1)]
    ko_join = [scorer.ko.blocks[j].kind in JOINABLE for j in range(j0, j1)]
    score: dict[tuple[int, int], float] = {}  # (i, j) -> the score of the move into (i, j)
    band.best[0][0] = 0.0
    for i in range(n + 1):
        low, row, moves = band.lows[i], band.best[i], band.move[i]
        for j in range(low, low + len(row)):
            value, step = -math.inf, 0
            up = band.value(i - 1, j) if i else -math.inf
            if up - GAP > value:
                value, step = up - GAP, _UP
            if j > low and row[j - 1 - low] - GAP > value:
                value, step = row[j - 1 - low] - GAP, _LEFT
            if i and j:
                pair = scorer.pair(i0 + i - 1, j0 + j - 1)
                diagonal = band.value(i - 1, j - 1)
                if diagonal + pair - MATCH_BIAS > value:
                    value, step = diagonal + pair - MATCH_BIAS, _DIAGONAL
                    score[i, j] = pair
                if en_join[i - 1] and ko_join[j - 1]:
                    value, step = _groups(
                        scorer, band, (i0, j0, i, j), en_join, ko_join, (value, step), score
                    )
            if i or j:
                row[j - low], moves[j - low] = value, step
    return _trace(band, score, i0, j0, n, m)


def _groups(
    scorer: Scorer,
    band: _Band,
    at: tuple[int, int, int, int],
    en_join: list[bool],
    ko_join: list[bool],
    current: tuple[float, int],
    score: dict[tuple[int, int], float],
) -> tuple[float, int]:
    """The best of ``current`` and a merge (two English blocks, one Korean) or split (one
    English, two Korean) ending at ``(i, j)``; a group is only scored when it could win."""
    i0, j0, i, j = at
    value, step = current
    if i >= 2 and en_join[i - 2]:
        base = band.value(i - 2, j - 1) - MATCH_BIAS - JOIN
        if base + 1.0 > value:
            merged = scorer.group((i0 + i - 2, i0 + i - 1), (j0 + j - 1,))
            if base + merged > value:
                value, step, score[i, j] = base + merged, _MERGE, merged
    if j >= 2 and ko_join[j - 2]:
        base = band.value(i - 1, j - 2) - MATCH_BIAS - JOIN
        if base + 1.0 > value:
            split = scorer.group((i0 + i - 1,), (j0 + j - 2, j0 + j - 1))
            if base + split > value:
                value, step, score[i, j] = base + split, _SPLIT, split
    return value, step


def _trace(
    band: _Band, score: dict[tuple[int, int], float], i0: int, j0: int, n: int, m: int
) -> list[_Pair]:
    """Follow the moves back from the end of the segment; pairs in reading order."""
    pairs: list[_Pair] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = band.move[i][j - band.lows[i]]
        en, ko = i0 + i - 1, j0 + j - 1
        if step == _DIAGONAL:
            pairs.append((en, ko, score[i, j], False))
            i, j = i - 1, j - 1
        elif step == _MERGE:
            pairs += [(en, ko, score[i, j], True), (en - 1, ko, score[i, j], False)]
            i, j = i - 2, j - 1
        elif step == _SPLIT:
            pairs += [(en, ko, score[i, j], True), (en, ko - 1, score[i, j], False)]
            i, j = i - 1, j - 2
        elif step == _UP:
            pairs.append((en, None, 0.0, False))
            i -= 1
        else:
            pairs.append((None, ko, 0.0, False))
            j -= 1
    return pairs[::-1]


def _pair_moved(pairs: list[_Pair], scorer: Scorer) -> None:
    """Pair an unpaired English block with an unpaired Korean block of the same kind that fits
    it at least MOVED, best first (in place, at the English block's place): a translator who
    swapped two paragraphs moved one, and a monotone pairing leaves it on both sides. Blocks
    without tokens must also agree in length (LENGTH_MOVED through the chapter ratio)."""
    english = [k for k, (i, j, _, _) in enumerate(pairs) if j is None and i is not None]
    korean = [k for k, (i, j, _, _) in enumerate(pairs) if i is None and j is not None]
    if not english or not korean:
        return
    fits = []
    for e in english:
        i = pairs[e][0]
        assert i is not None
        for k in korean:
            j = pairs[k][1]
            assert j is not None
            if scorer.en.blocks[i].kind is not scorer.ko.blocks[j].kind:
                continue
            tokens = scorer.en.tokens[i] or scorer.ko.tokens[j]
            length = scorer.length(scorer.en.lengths[i], scorer.ko.lengths[j])
            score = scorer.pair(i, j)
            if score >= MOVED and (tokens or length >= LENGTH_MOVED):
                fits.append((score, e, k))
    taken: set[int] = set()
    for score, e, k in sorted(fits, reverse=True):
        if e in taken or k in taken:
            continue
        taken |= {e, k}
        pairs[e] = (pairs[e][0], pairs[k][1], score, False)
    for k in sorted((k for k in korean if k in taken), reverse=True):
        del pairs[k]


def _uncross(pairs: list[_Pair], scorer: Scorer) -> None:
    """Swap the Korean blocks of two neighbouring pairs when they fit the other English block
    better by SWAP_GAIN in all, counting TERM_WEIGHT for each Latin-script term the Korean
    keeps that the English block has (in place): a translator swapped two paragraphs, and a
    monotone pairing paired them crosswise."""
    agreement = Agreement(scorer.en.blocks, scorer.ko.blocks)
    for k in range(len(pairs) - 1):
        (i, j, _, _), (i2, j2, _, _) = pairs[k], pairs[k + 1]
        if i is None or j is None or i2 is None or j2 is None or i == i2 or j == j2:
            continue
        straight = scorer.pair(i, j) + scorer.pair(i2, j2)  # the scorer remembers each pair
        if _may_cross(scorer, agreement, (i, j), (i2, j2), straight):
            _cross(pairs, k, scorer, agreement, straight)
    _slide(pairs, scorer, agreement)


def _cross(
    pairs: list[_Pair], k: int, scorer: Scorer, agreement: Agreement, straight: float
) -> None:
    """Swap the Korean blocks of pairs ``k`` and ``k + 1`` (both paired, scoring ``straight``
    together) when the terms carry the crossing (in place; see _uncross)."""
    (i, j, _, _), (i2, j2, _, _) = pairs[k], pairs[k + 1]
    assert i is not None and j is not None and i2 is not None and j2 is not None
    crossed = scorer.pair(i, j2) + scorer.pair(i2, j)
    if _terms_cross(agreement, (i, j), (i2, j2), straight, crossed):
        pairs[k] = (i, j2, scorer.pair(i, j2), False)
        pairs[k + 1] = (i2, j, scorer.pair(i2, j), False)


def _slide(pairs: list[_Pair], scorer: Scorer, agreement: Agreement) -> None:
    """Move a Korean block to the unpaired English block right before or after its pair when
    it fits that one better by SWAP_GAIN, terms counted as in _uncross (in place): the English
    gained a paragraph next to the one translated, and a monotone pairing took the new one."""
    for k, (i, j, _, _) in enumerate(pairs):
        if i is None or j is None:
            continue
        for n in (k - 1, k + 1):
            if not 0 <= n < len(pairs) or pairs[n][1] is not None or pairs[n][0] is None:
                continue
            other = pairs[n][0]
            assert other is not None
            if scorer.en.blocks[other].kind is not scorer.en.blocks[i].kind:
                continue
            gain = scorer.pair(other, j) - scorer.pair(i, j)
            # each agreement lies within plus or minus the Korean block's term count
            if gain + TERM_WEIGHT * 2 * agreement.terms(j) < SWAP_GAIN:
                continue
            if gain + TERM_WEIGHT * (agreement(other, j) - agreement(i, j)) >= SWAP_GAIN:
                pairs[n] = (other, j, scorer.pair(other, j), False)
                pairs[k] = (i, None, 0.0, False)
                break


PAIR_MOST = 1.0 + 1e-9  # the most a pair scores, with room for rounding (see Scorer._pair)


def _may_cross(
    scorer: Scorer,
    agreement: Agreement,
    first: tuple[int, int],
    second: tuple[int, int],
    straight: float,
) -> bool:
    """Whether two neighbouring pairs whose scores add up to ``straight`` may cross at all: False
    when even crossed pairs scoring PAIR_MOST, with every kept term agreeing, would not beat
    them by SWAP_GAIN (see _uncross; a Korean block that is its English one as written,
    untranslated code, brings no terms: see Agreement.room). One crossed pair is scored only
    when two PAIR_MOST could, the other only when the first leaves room: most pairs fit straight
    far better than crosswise, and their crossed scores are never needed. (The room PAIR_MOST
    leaves over 1 is far more than the rounding of these sums, so a crossing given up here is
    one _terms_cross would reject.)"""
    (i, j), (i2, j2) = first, second
    room = agreement.room(i, j) + agreement.room(i2, j2)
    bar = straight + SWAP_GAIN - TERM_WEIGHT * room
    return bar <= 2 * PAIR_MOST and bar <= scorer.pair(i, j2) + PAIR_MOST


def _terms_cross(
    agreement: Agreement,
    first: tuple[int, int],
    second: tuple[int, int],
    straight: float,
    crossed: float,
) -> bool:
    """Whether the Latin-script terms the Korean keeps carry the crossing of two pairs whose
    scores add up to ``straight`` and ``crossed`` (see _uncross). Each agreement lies within plus
    or minus its Korean block's term count, so the count is given up as soon as even the most
    the agreements not yet computed could add leaves it short (the straight ones first: they
    are the likely high ones, and usually settle it)."""

    def short(terms: int) -> bool:
        return crossed + TERM_WEIGHT * terms < straight + SWAP_GAIN

    (i, j), (i2, j2) = first, second
    terms, most = 0, 2 * (agreement.terms(j) + agreement.terms(j2))
    for (a, b), sign in (((i, j), -1), ((i2, j2), -1), ((i, j2), 1), ((i2, j), 1)):
        if short(terms + most):
            return False
        terms += sign * agreement(a, b)
        most -= agreement.terms(b)
    return not short(terms)


def _mark_joined(pairs: list[_Pair]) -> None:
    """Mark each pair whose English or Korean block an earlier pair already holds (in place)."""
    seen_en: set[int] = set()
    seen_ko: set[int] = set()
    for index, (i, j, score, _) in enumerate(pairs):
        if i is not None and j is not None:
            pairs[index] = (i, j, score, i in seen_en or j in seen_ko)
            seen_en.add(i)
            seen_ko.add(j)


def _attach(pairs: list[_Pair], scorer: Scorer, typical: float | None) -> None:
    """Join each unpaired prose fragment to the nearby pair it best completes (in place); by
    length when the chapter's typical ratio is known, or, for a fragment of its neighbour's
    kind, by PRIOR_RATIO."""
    for index, (i, j, _, _) in enumerate(pairs):
        korean = i is None
        orphan = j if korean else i
        if orphan is None or (i is not None and j is not None):
            continue
        side = scorer.ko if korean else scorer.en
        if side.blocks[orphan].kind not in JOINABLE:
            continue
        best: tuple[float, int] | None = None
        for near in range(max(0, index - NEARBY), min(len(pairs), index + NEARBY + 1)):
            ci, cj, _, joined = pairs[near]
            if ci is None or cj is None or joined:
                continue
            gain = _gain(pairs, scorer, orphan, (ci, cj), korean, typical)
            if gain is not None and (best is None or gain > best[0]):
                best = (gain, near)
        if best is not None:
            ci, cj, score, _ = pairs[best[1]]
            pairs[index] = (ci, orphan, score, True) if korean else (orphan, cj, score, True)


def _gain(
    pairs: list[_Pair],
    scorer: Scorer,
    orphan: int,
    pair: tuple[int, int],
    korean: bool,
    typical: float | None,
) -> float | None:
    """How much an orphan completes ``pair`` (None: it does not): 1 when its tokens are exactly
    what the pair's other side has in surplus, else how much closer to the chapter ratio its
    length brings the pair's group, when that is at least ATTACH_GAIN."""
    own, other = (scorer.ko, scorer.en) if korean else (scorer.en, scorer.ko)
    anchor = pair[0] if korean else pair[1]  # the block of the other language
    if kind_score(own.blocks[orphan].kind, other.blocks[anchor].kind) == 0.0:
        return None
    group = [p[1] if korean else p[0] for p in pairs if (p[0] if korean else p[1]) == anchor]
    members = [g for g in group if g is not None]
    tokens = own.tokens[orphan]
    if tokens:
        surplus = other.tokens[anchor] - sum((own.tokens[g] for g in members), Counter())
        return 1.0 if all(surplus[t] >= n for t, n in tokens.items()) else None
    have = sum(own.lengths[g] for g in members)
    add, source_length = own.lengths[orphan], other.lengths[anchor]
    least = ATTACH_GAIN
    if typical is None and own.blocks[orphan].kind is other.blocks[anchor].kind:
        typical, least = PRIOR_RATIO, PRIOR_GAIN  # a short page: by the usual ratio, surely
    if typical is None or not (have and add and source_length):
        return None
    expected = source_length * typical if korean else source_length / typical
    gain = abs(math.log(have / expected)) - abs(math.log((have + add) / expected))
    return gain if gain >= least else None
