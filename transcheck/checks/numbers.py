"""Number rule (TC603): numbers of English prose are found in the aligned Korean prose.

A number is matched by value (1,000 = 1000 = 1e3), in the aligned block first, then among the
leftovers of nearby blocks. The Korean side may hold it in prose, inline code or math, or write
it the Korean way: with a unit of ten thousand (``184억`` for ``18.4 billion``) or as a native
numeral with a counter (``두 개`` for ``2``). Numbers of inline code and math take part in the
matching (a value may move between prose and code) but only prose numbers are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial
from itertools import chain

from transcheck.checks.blockmatch import (
    ItemMatch,
    Placed,
    SectionBlocks,
    korean_line,
    match_items,
    section_blocks,
)
from transcheck.checks.blocks import lone_ids
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.counted import clipped, listed
from transcheck.findings import Severity
from transcheck.hangul import after_syllable
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind
from transcheck.parse.numbers import canonical_number, find_numbers
from transcheck.records import record

# Blocks whose prose numbers are checked; code and math have rules of their own.
PROSE_KINDS = frozenset(
    {
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.TABLE_ROW,
        BlockKind.HTML,
    }
)
# Each number pattern starts with its first digit, then a lookbehind on the character before
# it (a width-two lookbehind, the digit just matched included, tests what ``(?<![\w.,])``
# before the digit would): a pattern that starts with a character class lets the regex engine
# skip to digits at C speed, where a leading assertion is tried at every character.
_DIGIT_NOT_AFTER_WORD = r"\d(?<![\w.,]\d)"
_DIGITS = r"\d*(?:,\d{3})*(?:\.\d+)?"  # what follows the first digit
_ENGLISH_SCALE = re.compile(
    rf"({_DIGIT_NOT_AFTER_WORD}{_DIGITS})(?:\s+(thousand|million|billion|trillion)\b|([kKMB])\b)",
    re.IGNORECASE,
)
_ENGLISH_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_ENGLISH_SUFFIXES = {"k": 3, "m": 6, "b": 9}
# "3rd-party" is a kind of code, not a count: its number is not compared.
_PARTY = re.compile(
    rf"({_DIGIT_NOT_AFTER_WORD}\d*)(?:st|nd|rd|th)[- ]part(?:y|ies)\b", re.IGNORECASE
)
# The Korean patterns start with their first character too (a number's digit, or a unit's
# multiplier), the lookbehind after it.
_KOREAN_SCALE = compiled(rf"(\d(?<![\d.,]\d){_DIGITS})\s?(?:([십백천])(만|억|조)?|(만|억|조))")
_KOREAN_SCALES = {"만": 4, "억": 8, "조": 12}
# A character both scale patterns need; a bare character class, which the regex engine scans
# for at C speed, where the patterns try a match at every digit or multiplier. Most
# chapters have none, so the two scale patterns (three Hangul classes, ~2 ms) compile on first use.
_SCALE_WORD = re.compile("[십백천만억조]")
_KOREAN_TENS = {"": 0, "십": 1, "백": 2, "천": 3}
# A unit with a multiplier and no digits: 천만 (10 million), 수십억 is not a value.
_KOREAN_WORD_SCALE = compiled(
    r"([십백천])(?<![\uac00-\ud7a3\d][십백천])(만|억|조)(?![\uac00-\ud7a3])"
)
_NATIVE = {
    "한": 1,
    "하나": 1,
    "첫": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "셋": 3,
    "네": 4,
    "넷": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}
_COUNTERS = (
    "개|번|배|가지|명|대|장|줄|단계|차례|곳|쌍|축|칸|홉|층|종류|방향|비트|바이트|째|날|주|시간"
)
# Both alternatives start after a non-syllable, tested on the character before a match
# (after_syllable), not with a lookbehind class: each Hangul class written costs sre_compile an
# 11,172-step Python loop (~4.5 M instructions) at every start-up. A match that test drops holds
# no place a match could start at (syllables, or a space before a counter, which starts with
# none of the first characters), so the matches kept are the lookbehind's.
_KOREAN_NATIVE = re.compile(
    rf"(?=[{''.join(sorted({word[0] for word in _NATIVE}))}])(?:"
    rf"({'|'.join(_NATIVE)})\s?(?:{_COUNTERS})"
    # counted alone, maybe with a particle: 하나/두/세 개, 단 하나의 테스트, 둘이
    r"|(하나|둘|셋|넷)(?:[의가를는도만로씩와과이을은에])?(?![\uac00-\ud7a3])"
    ")"
)


@record(slots=True)
class Figure:
    """A number as written, the values it may stand for, and its line."""

    text: str
    values: frozenset[str]
    line: int
    prose: bool = True  # False for a number inside inline code or math


def _scaled(digits: str, exponent: int) -> str | None:
    """``digits`` times ten to ``exponent``, canonical; None if not a number."""
    try:
        value = Decimal(digits.replace(",", "")).scaleb(exponent)
    except InvalidOperation:
        return None
    return canonical_number(str(value))


def code_figures(block: Block) -> list[Figure]:
    """Numbers inside a block's inline code and math."""
    if not block.code_spans and not block.math:
        return []
    runs = [(span.text, span.line) for span in block.code_spans]
    runs += [(formula.text, formula.line) for formula in block.math]
    return [
        Figure(text, values, line + lines, prose=False)
        for run, line in runs
        for text, values, lines in _run_numbers(run)
    ]


@lru_cache(maxsize=4096)
def _run_numbers(run: str) -> tuple[tuple[str, frozenset[str], int], ...]:
    """The numbers of one code span or formula: text, values, and lines into it; remembered by
    text, as a Korean formula or span is most often its English one."""
    return tuple((n.text, frozenset({n.value}), n.line) for n in find_numbers([(run, 0)]))


def english_figures(block: Block) -> list[Figure]:
    """The prose numbers of an English block; ``18.4 billion`` may also stand for 18400000000."""
    if not block.numbers:
        return []
    scaled: dict[str, set[str]] = {}
    for match in _ENGLISH_SCALE.finditer(block.text):
        word, suffix = match.group(2), match.group(3)
        exponent = _ENGLISH_SCALES[word.lower()] if word else _ENGLISH_SUFFIXES[suffix.lower()]
        value = _scaled(match.group(1), exponent)
        if value is not None:
            scaled.setdefault(canonical_number(match.group(1)), set()).add(value)
    parties = [canonical_number(m.group(1)) for m in _PARTY.finditer(block.text)]
    figures = []
    for n in block.numbers:
        if n.value in parties:
            parties.remove(n.value)
            continue
        figures.append(Figure(n.text, frozenset({n.value, *scaled.get(n.value, ())}), n.line))
    return figures


def korean_figures(block: Block, lines: Sequence[str] = ()) -> list[Figure]:
    """Every number a Korean block writes: prose, inline code, math, 억/만 units, native words;
    each at its own line when the Korean file's ``lines`` are given (else the block's first)."""
    figures = [Figure(n.text, frozenset({n.value}), n.line) for n in block.numbers]
    figures += code_figures(block)
    if _SCALE_WORD.search(block.text):  # what both scale patterns need: most blocks lack it
        figures += _placed(block, lines, _scale_words(block))
    text = block.text
    native = [
        (match.group(0), str(_NATIVE[match.group(1) or match.group(2)]))
        for match in _KOREAN_NATIVE.finditer(text)
        if not after_syllable(text, match.start())
    ]
    return figures + _placed(block, lines, native) if native else figures


def _placed(block: Block, lines: Sequence[str], found: list[tuple[str, str]]) -> list[Figure]:
    """Figures of numbers written in words (text, value, in text order), each at its line."""
    figures = []
    at = block.line
    for text, value in found:
        at = _line_of(text, block, lines, at)
        figures.append(Figure(text, frozenset({value}), at))
    return figures


def _line_of(text: str, block: Block, lines: Sequence[str], start: int) -> int:
    """The first line of a block from ``start`` on (then from its first) that holds a text
    (``start`` if none does: a soft break inside it, or no lines at hand)."""
    end = min(block.end_line, len(lines))
    for line in chain(range(start, end + 1), range(block.line, min(start, end + 1))):
        if text in lines[line - 1]:
            return line
    return start


def _scale_words(block: Block) -> list[tuple[str, str]]:
    """The numbers a Korean block writes with a unit of ten thousand (184억, 3천만, 천만): their
    text and value, each kind in text order."""
    found = []
    for match in _KOREAN_SCALE().finditer(block.text):
        tens, unit = match.group(2) or "", match.group(3) or match.group(4)
        exponent = _KOREAN_TENS[tens] + (_KOREAN_SCALES[unit] if unit else 0)
        value = _scaled(match.group(1), exponent)
        if value is not None:
            found.append((match.group(0), value))
    for match in _KOREAN_WORD_SCALE().finditer(block.text):
        exponent = _KOREAN_TENS[match.group(1)] + _KOREAN_SCALES[match.group(2)]
        found.append((match.group(0), _scaled("1", exponent) or ""))
    return found


def _english(block: Block) -> list[Figure]:
    """Code and math numbers first, so they take their Korean counterparts before prose numbers
    look for theirs: a ``2`` of the English code cannot then vouch for a ``2`` of its prose."""
    if not block.numbers and not block.code_spans and not block.math:
        return []  # no number anywhere (most blocks): neither kind is looked for
    return code_figures(block) + (english_figures(block) if block.kind in PROSE_KINDS else [])


def _glued(english: Block | None, korean: Block | None, number: str) -> bool:
    """Whether an English number that follows a name (``ECMAScript 5``, ``Vue 3``) is in the
    Korean written onto the name (``ECMAScript5``, ``Vue3``): a number there is part of a name,
    not a number of the prose, yet the same version."""
    if english is None or korean is None or number not in korean.text:
        return False
    before = re.finditer(rf"([A-Za-z][\w.+-]*) {re.escape(number)}(?![\w.,]\d)", english.text)
    folded = korean.text.casefold()
    return any(f"{found[1]}{number}".casefold() in folded for found in before)


def _same(en: Figure, ko: Figure) -> bool:
    """Whether two figures can stand for the same value."""
    return not en.values.isdisjoint(ko.values)


@rule(
    "TC603",
    "number-mismatch",
    Severity.WARNING,
    example=Example(
        en="""\
            ## HBM

            Each chip has 16 GB of HBM.
            """,
        ko="""\
            ## HBM

            각 칩은 32GB의 HBM을 가집니다.
            """,
    ),
)
def number_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """A number in English prose (paragraph, list item, table row, heading) is absent in Korean.

    Bad:  en `Each chip has 16 GB of HBM.` ↔ ko `각 칩은 32GB의 HBM을 가집니다.`
    Good: ko `각 칩은 16GB의 HBM을 가집니다.` (1,000 and 1000, 184억 and 18.4 billion agree).
    """
    untranslated = lone_ids(ctx, korean=False)
    figures_of = partial(korean_figures, lines=ctx.target_text.lines if ctx.target_text else ())
    for section in section_blocks(ctx):
        match = match_items(section, _english, figures_of, _same, lone_korean=False)
        missing: dict[tuple[int, str], list[Placed[Figure]]] = {}  # one finding per block and text
        for placed in match.missing:
            # code-changed, math-changed and block-missing report the others
            if (
                placed.item.prose
                and id(placed.block.source) not in untranslated
                and not _glued(placed.block.source, placed.block.target, placed.item.text)
            ):
                missing.setdefault((id(placed.block), placed.item.text), []).append(placed)
        by_block: dict[int, list[list[Placed[Figure]]]] = {}
        for same in missing.values():
            by_block.setdefault(id(same[0].block), []).append(same)
        for several in (found for found in by_block.values() if len(found) > 1):
            yield _numbers_missing(ctx, section, several, _instead(match, several[0][0]))
        for placed, *again in (found[0] for found in by_block.values() if len(found) == 1):
            figure = placed.item
            kind = placed.block.source.kind.value if placed.block.source else "block"
            near = [k for k in _instead(match, placed) if k.text != figure.text]
            if near:
                other = near[0]
                instead = f"; the Korean has {other.text} instead"
                line = other.line
            else:
                instead = ""
                line = korean_line(placed.block, section.target, figure.line)
            said = f"number {figure.text} of the English {kind} is not in the Korean one"
            times = f" ({len(again) + 1}×)" if again else ""
            yield Hit(
                f"{said}{times}{instead}; write the same value",
                ctx.at_source(figure.line),
                ctx.at_target(line),
                identity=f"{said}{instead}" if again else "",
            )


# English number words, which the English figures leave out but a Korean translation may write
# as a number (one owner: 한 명): a Korean number of such a value stands for no changed figure.
_NUMBER_WORDS = {
    word: str(value)
    for value, words in enumerate(
        ("zero", "one single", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten")
    )
    for word in words.split()
}  # fmt: skip
_WORD = compiled(r"[a-z]+")


def _instead(match: ItemMatch[Figure, Figure], placed: Placed[Figure]) -> list[Figure]:
    """The Korean prose numbers of a block pair that no English figure took, but for those an
    English number word of the block says (``one`` for ``한 명``)."""
    english = placed.block.source.text.lower() if placed.block.source else ""
    said = {_NUMBER_WORDS[w] for w in _WORD().findall(english) if w in _NUMBER_WORDS}
    return [
        k.item
        for k in match.extra_in(placed.block)
        if k.item.prose and k.item.values.isdisjoint(said)
    ]


_SENTENCE_END = compiled(r"(?<=[.!?])\s+(?=[A-Z])")


def _numbers_missing(
    ctx: PairContext,
    section: SectionBlocks,
    several: list[list[Placed[Figure]]],
    extra: list[Figure],
) -> Hit:
    """One finding for several numbers of one English block the Korean lacks, each named: with
    the Korean block's own numbers where it has others (changed values), else with the sentence
    when they all stand in one (a sentence left out, as its numbers say)."""
    first = several[0][0]
    kind = first.block.source.kind.value if first.block.source else "block"
    named = listed([same[0].item.text + (f" ({len(same)}×)" if len(same) > 1 else "")
                    for same in several])  # fmt: skip
    said = f"numbers {named} of the English {kind} are not in the Korean one"
    line = korean_line(first.block, section.target, first.item.line)
    if extra:
        instead = listed(list(dict.fromkeys(figure.text for figure in extra)))
        said += f"; the Korean has {instead} instead; write the same values"
        line = extra[0].line
    else:
        said += _holding_sentence(first.block.source, [same[0].item.text for same in several])
    return Hit(said, ctx.at_source(first.item.line), ctx.at_target(line), identity=said)


def _holding_sentence(english: Block | None, numbers: list[str]) -> str:
    """', all in its sentence '…': is it translated?' when the numbers all stand in one sentence
    of a block of several (a sentence left out), else the plain advice."""
    sentences = _SENTENCE_END().split(english.text if english is not None else "")
    holding = {i for number in numbers for i, s in enumerate(sentences) if number in s}
    if len(sentences) > 1 and len(holding) == 1:
        sentence = clipped(sentences[holding.pop()], 80)
        return f", all in its sentence {sentence!r}: is it translated?"
    return "; write the same values"
