"""Paragraph lengths on both sides, which the drift rules (``drift``) judge.

Korean text is usually shorter in characters than English, by a ratio each chapter shows in its
own aligned paragraphs. Each aligned paragraph is measured (a merge or split counts as one
paragraph of both sides' lengths); block-length-outlier reports one whose log ratio lies more
than ``spread`` deviations away *and* more than ``min_factor`` times off. Short paragraphs (under
``min_chars`` English characters, spaces excluded) and chapters with fewer than
``min_paragraphs`` measured paragraphs are not judged; Korean text without Hangul is left to the
untranslated rule. Only translated text is measured: a gloss in parentheses after a Korean word
(``반응성(reactivity)``, the convention of many Korean teams) and Latin words both sides write
(names, terms kept in English) are not counted, nor addresses and URLs left as text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import chain

from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.registry import PairContext
from transcheck.config import RULE_OPTIONS
from transcheck.hangul import HANGUL, after_syllable
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind
from transcheck.records import record

RULE_OPTIONS["block_length"] = {
    "min_chars": 80,
    "min_paragraphs": 8,
    "spread": 4.0,
    "min_factor": 1.6,
}
PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
MIN_DEVIATION = 0.05  # a floor for the spread of a chapter whose paragraphs agree too well


# Latin in parentheses: a gloss (``훅(hook)``) right after a Hangul syllable. The syllable is
# tested on the character before (after_syllable), not with a lookbehind class, which sre_compile
# builds with a loop over 11,172 syllables at every start-up (5.5 M instructions).
_PARENTHESIZED = re.compile(r"\([A-Za-z][A-Za-z0-9 .,'/-]*\)")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.+#-]*")
# an address or URL left as text (``hello@vuejs.org로``: a particle keeps it from being linked);
# rare, so compiled on first use
ADDRESS = compiled(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|https?://[!-~]+")


def latin_words(text: str) -> list[str]:
    """The Latin words of a text, lowercased (ASCII only: each as long as written). An ASCII
    text (most English) is lowered once, not word by word: lowering maps ASCII to ASCII and
    letters to letters, so it splits into the same words (outside ASCII it may not: the Kelvin
    sign lowers to ``k``)."""
    if text.isascii():
        return LATIN_WORD.findall(text.lower())
    return list(map(str.lower, LATIN_WORD.findall(text)))


def _kept(english: Sequence[list[str]], korean: Sequence[list[str]]) -> frozenset[str]:
    """Latin words both sides write (names, terms kept in English): not translated text, from
    the ``latin_words`` of each block of both sides."""
    return frozenset(set(chain.from_iterable(english)).intersection(chain.from_iterable(korean)))


def _without_glosses(text: str) -> str:
    """``text`` without its glosses: each parenthesized Latin text right after a syllable."""

    def cut(match: re.Match[str]) -> str:
        return "" if after_syllable(text, match.start()) else match.group()

    return _PARENTHESIZED.sub(cut, text)


def characters(
    blocks: list[Block],
    kept: frozenset[str] = frozenset(),
    words: Sequence[list[str]] | None = None,
) -> int:
    """Prose characters of some blocks, spaces, glosses (``훅(hook)``) and the ``kept`` words
    excluded; ``words`` are the blocks' ``latin_words`` when known."""
    total = 0
    for at, block in enumerate(blocks):
        text = block.text
        if "(" in text:
            text = _without_glosses(text)
        if "@" in text or "://" in text:
            text = ADDRESS().sub("", text)
        total += len(text) - text.count(" ")
        if kept:  # a Latin word holds no space: removing it takes its length only
            # (only a gloss or an address is taken out: a text as long as the block's is it)
            whole = len(text) == len(block.text)
            found = words[at] if words is not None and whole else latin_words(text)
            total -= sum(map(len, filter(kept.__contains__, found)))  # at C speed: every word
    return total


@record
class Measured:
    """One aligned paragraph (or merge/split group): its blocks on both sides and log ratio."""

    english: list[Block]
    korean: list[Block]
    log_ratio: float
    lengths: tuple[int, int]  # the translated characters measured, English and Korean


def groups(ctx: PairContext) -> list[tuple[list[Block], list[Block]]]:
    """The English and Korean blocks of every pairing group (a 1:1 pair, a merge or a split),
    once per pair."""
    return ctx.cached("length-groups", lambda: _groups(ctx))  # type: ignore[no-any-return]


def _groups(ctx: PairContext) -> list[tuple[list[Block], list[Block]]]:
    """Compute groups."""
    found: list[tuple[list[Block], list[Block]]] = []
    for section in section_blocks(ctx):
        group_of: dict[int, int] = {}
        for pair in section.blocks:
            en, ko = pair.source, pair.target
            if en is None or ko is None:
                continue
            en_id, ko_id = id(en), id(ko)
            index = group_of.get(en_id)
            if index is None:
                index = group_of.get(ko_id)
            if index is None:  # a new group (most are a 1:1 pair)
                group_of[en_id] = group_of[ko_id] = len(found)
                found.append(([en], [ko]))
                continue
            english, korean = found[index]
            if en_id not in group_of:
                group_of[en_id] = index
                english.append(en)
            if ko_id not in group_of:
                group_of[ko_id] = index
                korean.append(ko)
    return found


def measured(ctx: PairContext, min_chars: int | None = None) -> list[Measured]:
    """The paragraphs of a chapter that are long enough to judge (``min_chars`` English
    characters; default: the ``block_length`` option): every pairing group with English prose
    and Korean text in Hangul, with its log ratio. block-length-outlier and the drift rules each
    ask with their own minimum length; a group is measured once per pair, whatever the length
    asked (its measure does not depend on it)."""
    least = int(ctx.config.option("block_length", "min_chars")) if min_chars is None else min_chars

    def compute() -> list[Measured]:
        known: dict[int, Measured | None] = ctx.cached("length-measures", dict)
        found = []
        for at, (english, korean) in enumerate(groups(ctx)):
            if at not in known:
                # what is measured takes spaces, glosses and kept words out: never longer
                if sum(len(b.text) - b.text.count(" ") for b in english) < least:
                    continue
                known[at] = _measure(english, korean)
            paragraph = known[at]
            if paragraph is not None and paragraph.lengths[0] >= least:
                found.append(paragraph)
        return found

    return ctx.cached(f"measured-{least}", compute)  # type: ignore[no-any-return]


def _measure(english: list[Block], korean: list[Block]) -> Measured | None:
    """One pairing group measured, when it has English prose, Korean text in Hangul and
    translated characters on both sides (else None)."""
    if not any(b.kind in PROSE for b in english) or not any(HANGUL.search(b.text) for b in korean):
        return None
    # Korean without Latin words keeps none: the English words are not needed then.
    ko_words = [latin_words(b.text) for b in korean]
    en_words = [latin_words(b.text) for b in english] if any(ko_words) else None
    kept = _kept(en_words, ko_words) if en_words is not None else frozenset()
    en_length = characters(english, kept, en_words)
    ko_length = characters(korean, kept, ko_words)
    if not en_length or not ko_length:
        return None
    return Measured(english, korean, math.log(ko_length / en_length), (en_length, ko_length))
