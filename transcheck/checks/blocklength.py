"""Block-length rule (TC111): a paragraph whose Korean length is far out of line with its English.

Korean text is usually shorter in characters than English, by a ratio each chapter shows in its
own aligned paragraphs. The rule learns that ratio (the median of the per-paragraph log ratios)
and its spread (the median absolute deviation, scaled to a standard deviation) from the chapter
itself, and reports a paragraph whose log ratio lies more than ``spread`` deviations away *and*
more than ``min_factor`` times off: the mark an English paragraph leaves when it grew (or shrank)
after translation. A merge or split counts as one paragraph of both sides' lengths. Short
paragraphs (under ``min_chars`` English characters, spaces excluded) and chapters with fewer than
``min_paragraphs`` measured paragraphs are not judged; Korean text without Hangul is left to the
untranslated rule. Only translated text is measured: a gloss in parentheses after a Korean word
(``반응성(reactivity)``, the convention of many Korean teams) and Latin words both sides write
(names, terms kept in English) are not counted, nor addresses and URLs left as text.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.blocks import block_name, first_words
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.untranslated import HANGUL
from transcheck.config import RULE_OPTIONS
from transcheck.findings import Severity
from transcheck.model import Block, BlockKind

RULE_OPTIONS["block_length"] = {
    "min_chars": 80,
    "min_paragraphs": 8,
    "spread": 4.0,
    "min_factor": 1.6,
}
PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
MIN_DEVIATION = 0.05  # a floor for the spread of a chapter whose paragraphs agree too well


GLOSS = re.compile(r"(?<=[\uac00-\ud7a3])\([A-Za-z][A-Za-z0-9 .,'/-]*\)")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.+#-]*")
# an address or URL left as text (``hello@vuejs.org로``: a particle keeps it from being linked)
ADDRESS = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|https?://[!-~]+")


def _kept(english: list[Block], korean: list[Block]) -> frozenset[str]:
    """Latin words both sides write (names, terms kept in English): not translated text."""
    words = [
        {w.lower() for b in side for w in LATIN_WORD.findall(b.text)} for side in (english, korean)
    ]
    return frozenset(words[0] & words[1])


def characters(blocks: list[Block], kept: frozenset[str] = frozenset()) -> int:
    """Prose characters of some blocks, spaces, glosses (``훅(hook)``) and the ``kept`` words
    excluded."""
    total = 0
    for block in blocks:
        text = ADDRESS.sub("", GLOSS.sub("", block.text))
        if kept:
            text = LATIN_WORD.sub(lambda m: "" if m.group(0).lower() in kept else m.group(0), text)
        total += len(text) - text.count(" ")
    return total


@dataclass(frozen=True)
class Measured:
    """One aligned paragraph (or merge/split group): its blocks on both sides and log ratio."""

    english: list[Block]
    korean: list[Block]
    log_ratio: float
    lengths: tuple[int, int]  # the translated characters measured, English and Korean


def groups(ctx: PairContext) -> list[tuple[list[Block], list[Block]]]:
    """The English and Korean blocks of every pairing group (a 1:1 pair, a merge or a split)."""
    found: list[tuple[list[Block], list[Block]]] = []
    for section in section_blocks(ctx):
        group_of: dict[int, int] = {}
        for pair in section.blocks:
            en, ko = pair.source, pair.target
            if en is None or ko is None:
                continue
            index = group_of.get(id(en), group_of.get(id(ko)))
            if index is None:
                index = len(found)
                found.append(([], []))
            english, korean = found[index]
            for block, side in ((en, english), (ko, korean)):
                if id(block) not in group_of:
                    group_of[id(block)] = index
                    side.append(block)
    return found


def measured(ctx: PairContext) -> list[Measured]:
    """The paragraphs of a chapter that are long enough to judge, with their log ratios."""
    min_chars = int(ctx.config.option("block_length", "min_chars"))
    found = []
    for english, korean in groups(ctx):
        if not any(b.kind in PROSE for b in english):
            continue
        kept = _kept(english, korean)
        en_length, ko_length = characters(english, kept), characters(korean, kept)
        if en_length < min_chars or not ko_length:
            continue
        if not any(HANGUL.search(b.text) for b in korean):
            continue
        ratio = math.log(ko_length / en_length)
        found.append(Measured(english, korean, ratio, (en_length, ko_length)))
    return found


@rule(
    "TC111",
    "block-length-outlier",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Rooflines

            A roofline plot shows the peak throughput an algorithm can reach on given hardware.

            Arithmetic intensity is the number of operations an algorithm performs for every byte.

            When the intensity is low, the algorithm waits on memory and the compute units idle.

            When the intensity is high enough, the algorithm becomes compute bound and peaks.

            The point where the two regimes meet is called the critical intensity. It is the ratio
            of the peak floating point rate to the memory bandwidth, so a chip with faster memory
            reaches its peak at a lower intensity.
            """,
        ko="""\
            ## 루프라인

            루프라인 그래프는 알고리즘이 하드웨어에서 도달할 수 있는 최대 처리량을 보여줍니다.

            산술 강도는 알고리즘이 옮기는 바이트마다 수행하는 연산의 수입니다.

            강도가 낮으면 알고리즘은 메모리를 기다리고 연산 장치는 놀게 됩니다.

            강도가 충분히 높으면 알고리즘은 연산 제한 상태가 되어 최대 처리량에 도달합니다.

            두 영역이 만나는 지점을 임계 강도라고 부릅니다.
            """,
        config={"block_length": {"min_paragraphs": 5, "min_chars": 60}},
    ),
)
def block_length_outlier(ctx: PairContext) -> Iterator[Hit]:
    """A Korean paragraph is far shorter or longer than its English, by this chapter's own ratio.

    Bad:  en a paragraph of 170 characters ↔ ko 21 characters, in a chapter whose Korean runs
          at about 0.4 of the English: the English grew after it was translated.
    Good: ko translating the whole paragraph (about 70 characters here).
    Options (``block_length``): min_chars, min_paragraphs, spread (deviations), min_factor.
    """
    found = measured(ctx)
    if len(found) < int(ctx.config.option("block_length", "min_paragraphs")):
        return
    ratios = [m.log_ratio for m in found]
    centre = statistics.median(ratios)
    deviation = max(1.4826 * statistics.median(abs(r - centre) for r in ratios), MIN_DEVIATION)
    spread = float(ctx.config.option("block_length", "spread"))
    floor = math.log(float(ctx.config.option("block_length", "min_factor")))
    for paragraph in found:
        off = paragraph.log_ratio - centre
        if abs(off) < max(spread * deviation, floor):
            continue
        en, ko = paragraph.english, paragraph.korean
        factor = math.exp(off)
        if off < 0:
            verdict = (
                f"is {factor:.0%} of the length this chapter's ratio predicts: the English "
                "may have grown after translation, or part of it was left out"
            )
        else:
            verdict = (
                f"is {factor:.1f} times the length this chapter's ratio predicts: it may "
                "say more than the English does now"
            )
        yield Hit(
            f"the Korean {block_name(ko[0])} {verdict} (English {paragraph.lengths[0]} "
            f"characters, Korean {paragraph.lengths[1]}; Korean runs at {math.exp(centre):.2f} "
            f"of English here, ±{deviation:.2f}): compare it with {first_words(en[0])}",
            ctx.at_source(en[0].line),
            ctx.at_target(ko[0].line),
        )
