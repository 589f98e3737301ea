"""Drift rules (TC111, TC704): an English paragraph that changed after it was translated, seen
without history, through what survives translation (headings: ``headingdrift``).

Every aligned paragraph (or merge/split group, see ``blocklength``) is measured against the
chapter's own Korean/English length ratio: the median of the per-paragraph log ratios, with
their spread (the median absolute deviation, scaled to a standard deviation) as the unit. The
ratio is fitted on the paragraphs block-length-outlier judges (``block_length`` options), or,
in a chapter with too few of them, on every paragraph of SHORT_CHARS or more.

- content-drift (TC704): the Korean is short by at least ``DRIFT_Z`` deviations, has fewer
  sentences, and dropping one English sentence (of at least ``MIN_SENTENCE`` characters, not
  repeated, none of whose own Latin-script terms the Korean keeps) brings it within ``FIT_Z``
  of the ratio: that sentence has no Korean counterpart (appended upstream, or skipped); or
  the Korean keeps Latin-script terms (names, acronyms, English words a translator leaves as
  they are) of which at least ``MIN_LOST_TERMS``, and half of them, are in its English no
  more: the English was rewritten.
- block-length-outlier (TC111): a paragraph far out of the ratio that no single sentence
  explains (a paragraph doubled, several sentences added, a translation that says more); the
  tolerance widens for an English paragraph shorter than ``SETTLED`` characters, as the square
  root of how much shorter (a short text's length varies more).

Precedence, one cause one finding: a paragraph whose English has a code span, number, formula or
link target that its Korean lacks is left to inline-code-missing, number-mismatch, math-changed
and the link rules, which name the item; a paragraph content-drift reports is not also a
block-length outlier.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

from transcheck.align import terms
from transcheck.align.blocks import median
from transcheck.align.blockscore import block_tokens
from transcheck.checks.blocklength import Measured, measured
from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.blocks import block_name, first_words
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.findings import Severity
from transcheck.glossary import Matcher, active_matcher
from transcheck.glossary.model import Entry
from transcheck.hangul import HANGUL
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind
from transcheck.parse.numbers import find_numbers
from transcheck.records import record

MIN_DEVIATION = 0.05  # a floor for the spread of a chapter whose paragraphs agree too well
DRIFT_Z = 1.0  # how many deviations short a Korean paragraph must be for a sentence to be sought
FIT_Z = 1.5  # how close to the ratio the paragraph must come without the sentence
MIN_SENTENCE = 15  # characters (spaces excluded) of a sentence that can be missing
TIE = 0.5  # sentence fits this close (in deviations) are a tie
MIN_LOST_TERMS = 2
SHORT_CHARS = 30  # in a chapter of short paragraphs, drift is sought in those this long
SETTLED = 160  # English characters from which a paragraph's length ratio varies as the chapter's
MIN_SAMPLES = 5  # ... when there are this many
_TOKEN_KINDS = ("C:", "N:", "M:", "L:")  # code, numbers, math, links: their own rules report

_ABBREVIATION = compiled(r"(?:\b(?:e\.g|i\.e|etc|vs|cf|Fig|fig|Eq|eq|approx|resp|Dr|Mr|Ms)\.)$")
# A sentence ends at . ! ? and the space after it; in Korean also with no space, when the mark
# stands between two syllables (lines joined without one: "전환합니다.이 옵션은").
_SENTENCE_END = compiled(r"(?<=[.!?])[\"')\]]*\s+|(?<=[가-힣][.!?])(?=[가-힣])")


def sentences(text: str) -> list[str]:
    """The sentences of a prose text (an abbreviation such as ``e.g.`` ends none)."""
    found: list[str] = []
    for piece in _SENTENCE_END().split(text.strip()):
        if found and _ABBREVIATION().search(found[-1]):
            found[-1] += " " + piece
        elif piece:
            found.append(piece)
    return found


@record
class Ratio:
    """A chapter's calibrated Korean/English length: the median log ratio and its spread."""

    centre: float
    deviation: float

    def z(self, english: int, korean: int) -> float:
        """How many deviations a paragraph of these lengths lies from the chapter's ratio."""
        return (math.log(korean / english) - self.centre) / self.deviation


def calibrate(found: Sequence[Measured]) -> Ratio:
    """The ratio of a chapter's measured paragraphs (robust: median and scaled MAD)."""
    ratios = [m.log_ratio for m in found]
    centre = median(ratios)
    deviation = 1.4826 * median(abs(r - centre) for r in ratios)
    return Ratio(centre, max(deviation, MIN_DEVIATION))


@record
class Drift:
    """A measured paragraph and what drift analysis found: its distance from the ratio, and the
    English sentence without Korean counterpart when one explains the distance."""

    paragraph: Measured
    z: float
    sentence: str | None
    # the English has code, a number, math or a link the Korean lacks (asked only of a
    # paragraph with a sentence: both rules read it only then; False without one)
    token_surplus: bool


def _token_surplus(english: Sequence[Block], korean: Sequence[Block]) -> bool:
    """Whether the English blocks carry an item of their own rules that the Korean lack."""
    if not any(map(_carries_items, english)):
        return False  # nothing to lack (a third of the paragraphs): no tokens counted
    en, ko = _tokens(english), _tokens(korean)
    return any(n > ko[key] for key, n in en.items() if key.startswith(_TOKEN_KINDS))


def _carries_items(block: Block) -> bool:
    """Whether a block has a token of _TOKEN_KINDS: a number, inline code, math, or a link out
    of its page (block_tokens counts no link to an anchor of the same page)."""
    if block.numbers or block.code_spans or block.math:
        return True
    return any(not link.url.startswith("#") for link in block.links)


def _tokens(blocks: Sequence[Block]) -> Counter[str]:
    """The tokens of some blocks together (most groups are one block: its own are used)."""
    if len(blocks) == 1:
        return block_tokens(blocks[0], str)
    found: Counter[str] = Counter()
    for block in blocks:
        found.update(block_tokens(block, str))
    return found


def _size(text: str) -> int:
    return len(text) - text.count(" ")


def _echoed(sentence: str, others: Sequence[str], korean: Sequence[str]) -> bool:
    """Whether the Korean keeps a Latin-script term or a number that only ``sentence`` has in
    the English (a term in no form: ``fetch`` is not its own beside ``fetching``): then the
    sentence is translated (merged into another one, or written longer than the one that is
    missing), not missing."""
    numbers = _numbers(sentence)
    if numbers and not (numbers - _numbers(" ".join(others))).isdisjoint(
        _numbers(" ".join(korean))
    ):
        return True
    rest = terms.words(" ".join(others), parts=True)
    own = [w for w in terms.words(sentence) - rest if not any(_same_term(w, o) for o in rest)]
    kept = terms.words(" ".join(korean))
    return any(_same_term(word, term) for word in kept for term in own)


def _numbers(text: str) -> set[str]:
    """The values of the numbers a text writes (1,000 and 1000 alike)."""
    return {number.value for number in find_numbers([(text, 0)])}


def _glossary_evidence(
    matcher: Matcher | None, english: Sequence[str], korean: str
) -> list[tuple[bool, bool]]:
    """What the glossary says of each English sentence: whether the Korean renders one of its
    terms more often than the other English sentences use it (``module`` three times in
    Korean, twice in the rest: the sentence is translated), and whether it has terms of its
    own of which the Korean renders none (``server``, ``configuration``: evidence that it is
    missing). A rendering after a demonstrative (``이 컴포넌트는``) is the noun Korean repeats
    where English says "it": no evidence of the term's own sentence. Each text is matched
    once."""
    if matcher is None:
        return [(False, False)] * len(english)
    per_sentence = [
        Counter(found.entry for found in matcher.english(sentence)) for sentence in english
    ]
    total = sum(per_sentence, Counter[Entry]())
    found_korean = matcher.korean(korean)
    rendered = Counter(found.entry for found in found_korean)
    named = Counter(
        found.entry for found in found_korean if not _DEMONSTRATIVE().search(korean, 0, found.start)
    )
    evidence = []
    for mine in per_sentence:
        rest = total - mine  # the other sentences' uses
        echoed = any(named[entry] > rest[entry] for entry in mine)
        own = [entry for entry in mine if not rest[entry]]
        evidence.append((echoed, bool(own) and not any(rendered[entry] for entry in own)))
    return evidence


# A determiner right before a rendering: "this/that/the said" (이 컴포넌트, 해당 모듈, 이러한 값).
_DEMONSTRATIVE = compiled(r"(?:^|(?<=\s))(?:이|그|저|해당|이러한|그러한|이런|그런)\s+$")


def _same_term(a: str, b: str) -> bool:
    """One term in two forms: equal, or one a plural or inflection of the other (``symbol``,
    ``symbols``; ``multiplicand``, ``multiplicands``)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def _missing_sentence(paragraph: Measured, ratio: Ratio, matcher: Matcher | None) -> str | None:
    """The English sentence without Korean counterpart: one whose removal brings the paragraph
    within FIT_Z of the ratio and that the Korean does not echo (a Latin-script term or, by
    the run's glossary, a rendering it alone accounts for); of several, one whose own glossary
    terms the Korean renders none of, if any is, and then the one that leaves the other
    sentences fitting their Korean sentences in order best, the later on a near tie (None: no
    single sentence explains the gap)."""
    english = sentences(" ".join(b.text for b in paragraph.english))
    korean = sentences(" ".join(b.text for b in paragraph.korean))
    if len(english) < 2 or len(korean) >= len(english):
        return None
    # Echoes are sought in the sentences as shown, inline code included (`title`), when they
    # split as the text does.
    shown = sentences(" ".join(b.shown or b.text for b in paragraph.english))
    shown = shown if len(shown) == len(english) else english
    shown_korean = sentences(" ".join(b.shown or b.text for b in paragraph.korean))
    en_length, ko_length = paragraph.lengths
    candidates: list[tuple[bool, float, str]] = []
    glossary: list[tuple[bool, bool]] = []  # matched when a sentence first needs it
    for index, part in enumerate(english):
        size = _size(part)
        if size < MIN_SENTENCE or size >= en_length:
            continue
        if abs(ratio.z(en_length - size, ko_length)) > FIT_Z:
            continue
        rest = english[:index] + english[index + 1 :]
        if part in rest or _echoed(shown[index], shown[:index] + shown[index + 1 :], shown_korean):
            continue  # a repeated sentence is a length outlier; an echoed one was translated
        glossary = glossary or _glossary_evidence(matcher, english, " ".join(korean))
        echoed, absent = glossary[index]
        if echoed:
            continue
        fit = sum(
            abs(ratio.z(max(_size(en), 1), max(_size(ko), 1)))
            for en, ko in zip(rest, korean, strict=False)
        )
        candidates.append((absent, fit, part))
    if any(absent for absent, _, _ in candidates):
        candidates = [candidate for candidate in candidates if candidate[0]]
    if not candidates:
        return None
    best = min(fit for _, fit, _ in candidates)
    # Near ties go to the later sentence: English grows at the end more than anywhere else.
    return [part for _, fit, part in candidates if fit <= best + TIE][-1]


def _judged(ctx: PairContext) -> tuple[list[Measured], list[Measured]]:
    """The paragraphs block-length-outlier judges (the ``block_length`` options; none when
    fewer than ``min_paragraphs``) and those drift is sought in: the same, or in a chapter too
    short for them, every paragraph of SHORT_CHARS or more when there are MIN_SAMPLES."""
    long = measured(ctx)
    if len(long) >= int(ctx.config.option("block_length", "min_paragraphs")):
        return long, long
    short = measured(ctx, SHORT_CHARS)
    return [], short if len(short) >= MIN_SAMPLES else []


def analysed(ctx: PairContext) -> tuple[list[Drift], list[Measured]]:
    """Every paragraph drift is sought in, with its analysis against the chapter's calibrated
    ratio, and the paragraphs block-length-outlier judges; once per pair."""

    def compute() -> tuple[list[Drift], list[Measured]]:
        judged, sought = _judged(ctx)
        if not sought:
            return [], judged
        ratio = calibrate(sought)
        matcher = active_matcher(ctx.config)
        result = []
        for paragraph in sought:
            z = ratio.z(*paragraph.lengths)
            sentence = _missing_sentence(paragraph, ratio, matcher) if z <= -DRIFT_Z else None
            surplus = sentence is not None and _token_surplus(paragraph.english, paragraph.korean)
            result.append(Drift(paragraph, z, sentence, surplus))
        return result, judged

    return ctx.cached("drift", compute)  # type: ignore[no-any-return]


def lost_terms(english: Block, korean: str) -> list[str]:
    """The Latin-script terms the Korean keeps that the English block no longer has (in all it
    shows, see terms.everything), when they are at least MIN_LOST_TERMS and half of the terms
    the Korean keeps (else none)."""
    kept = sorted(terms.korean_terms(korean))
    needed = max(MIN_LOST_TERMS, (len(kept) + 1) // 2)
    if len(kept) < needed:
        return []
    shown = terms.everything(english)
    written = terms.lowered(shown)
    if sum(not terms.starts_word(word, written) for word in kept) < needed:
        return []  # too few terms the English may lack (most blocks): its words not indexed
    words = terms.english_words(shown)
    lost: list[str] = []
    for at, word in enumerate(kept):
        if not words.keep(word):
            lost.append(word)
        elif len(lost) + len(kept) - at - 1 < needed:
            return []  # too few words left to lose: most blocks stop here, about halfway
    glossed = terms.glossed(korean, words)  # "NLP(Natural Language Processing)" for "NLP"
    lost = [word for word in lost if word not in glossed]
    return lost if len(lost) >= needed else []


def quote(words: Sequence[str]) -> str:
    return ", ".join(repr(word) for word in words)


# The example chapter of both rules: four paragraphs translated in full, then a last one whose
# Korean is a single short sentence.
ROOFLINE_EN = """\
## Rooflines

A roofline plot shows the peak throughput an algorithm can reach on given hardware.

Arithmetic intensity is the number of operations an algorithm performs for every byte.

When the intensity is low, the algorithm waits on memory and the compute units idle.

When the intensity is high enough, the algorithm becomes compute bound and peaks.

"""
ROOFLINE_KO = """\
## 루프라인

루프라인 그래프는 알고리즘이 하드웨어에서 도달할 수 있는 최대 처리량을 보여줍니다.

산술 강도는 알고리즘이 옮기는 바이트마다 수행하는 연산의 수입니다.

강도가 낮으면 알고리즘은 메모리를 기다리고 연산 장치는 놀게 됩니다.

강도가 충분히 높으면 알고리즘은 연산 제한 상태가 되어 최대 처리량에 도달합니다.

두 영역이 만나는 지점을 임계 강도라고 부릅니다.
"""


@rule(
    "TC704",
    "content-drift",
    Severity.WARNING,
    example=Example(
        en=ROOFLINE_EN
        + "The point where the two regimes meet is called the critical intensity. A chip with\n"
        "faster memory reaches its peak at a lower intensity than one with slower memory.\n",
        ko=ROOFLINE_KO,
        config={"block_length": {"min_paragraphs": 5, "min_chars": 40}},
    ),
)
def content_drift(ctx: PairContext) -> Iterator[Hit]:
    """An English paragraph says more than its Korean: a sentence it gained, or new content.

    Bad:  en "The point where the two regimes meet is called the critical intensity. A chip
          with faster memory reaches its peak at a lower intensity." ↔ ko "두 영역이 만나는
          지점을 임계 강도라고 부릅니다." (the second sentence was added upstream).
    Good: ko translating both sentences. A Korean paragraph that keeps English terms its
          English no longer has (the English was rewritten) is reported too.
    """
    for drift in analysed(ctx)[0]:
        if drift.sentence is None or drift.token_surplus:
            continue
        en, ko = drift.paragraph.english, drift.paragraph.korean
        words = drift.sentence.split()
        shown = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        # The paragraph's opening words are the sentence itself when it comes first.
        opening = " ".join(b.text for b in en).lstrip().startswith(drift.sentence)
        whose = f"{block_name(en[0])}'s first sentence" if opening else "sentence"
        of = "" if opening else f" of {first_words(en[0])}"
        yield Hit(
            f"the English {whose} {shown!r}{of} has no counterpart in "
            f"the Korean {block_name(ko[0])}: "
            "the English gained it after translation, or it was skipped; translate it",
            ctx.at_source(en[0].line),
            ctx.at_target(ko[0].line),
            identity=f"sentence\0{' '.join(drift.sentence.split()).lower()}",
        )
    for en_block, ko_block, lost in _rewritten(ctx):
        yield Hit(
            f"the Korean {block_name(ko_block)} keeps {quote(lost)}, which its English "
            f"{first_words(en_block)} no longer has: the English was rewritten after "
            "translation; translate it again",
            ctx.at_source(en_block.line),
            ctx.at_target(ko_block.line),
            identity=f"terms\0{' '.join(lost)}",
        )


_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


def _rewritten(ctx: PairContext) -> list[tuple[Block, Block, list[str]]]:
    """Aligned paragraphs whose Korean keeps Latin-script terms its English lost, with them."""

    def compute() -> list[tuple[Block, Block, list[str]]]:
        found = []
        for section in section_blocks(ctx):
            for pair in section.blocks:
                en_block, ko_block = pair.source, pair.target
                if en_block is None or ko_block is None or pair.joined:
                    continue
                if en_block.kind not in _PROSE or en_block.kind is not ko_block.kind:
                    continue
                if not en_block.text.strip():
                    continue  # a paragraph of tags alone (an anchor) says nothing to rewrite
                if HANGUL.search(ko_block.text) is None:
                    continue  # left in English: every word is "kept"; untranslated's to say
                lost = lost_terms(en_block, ko_block.text)
                if lost:
                    found.append((en_block, ko_block, lost))
        return found

    return ctx.cached("drift-rewritten", compute)  # type: ignore[no-any-return]


@rule(
    "TC111",
    "block-length-outlier",
    Severity.WARNING,
    example=Example(
        en=ROOFLINE_EN
        + "The point where the two regimes meet is called the critical intensity. It is the ratio\n"
        "of the peak floating point rate to the memory bandwidth. A chip with faster memory\n"
        "therefore reaches its peak at a lower intensity than a chip with slower memory.\n",
        ko=ROOFLINE_KO,
        config={"block_length": {"min_paragraphs": 5, "min_chars": 60}},
    ),
)
def block_length_outlier(ctx: PairContext) -> Iterator[Hit]:
    """A Korean paragraph is far shorter or longer than its English, by this chapter's own ratio.

    Bad:  en a paragraph of 170 characters ↔ ko 21 characters, in a chapter whose Korean runs
          at about 0.4 of the English: the English grew after it was translated.
    Good: ko translating the whole paragraph (about 70 characters here).
    Options (``block_length``): min_chars, min_paragraphs, spread (deviations), min_factor.
    A paragraph that one missing sentence explains, or whose Korean keeps terms its English
    lost, is content-drift's.
    """
    drifts, judged = analysed(ctx)
    if not judged:
        return
    explained = {id(d.paragraph) for d in drifts if d.sentence is not None and not d.token_surplus}
    rewritten = {id(ko) for _, ko, _ in _rewritten(ctx)}
    ratio = calibrate(judged)
    spread = float(ctx.config.option("block_length", "spread"))
    floor = math.log(float(ctx.config.option("block_length", "min_factor")))
    for paragraph in judged:
        if id(paragraph) in explained or any(id(ko) in rewritten for ko in paragraph.korean):
            continue
        off = paragraph.log_ratio - ratio.centre
        # A short text's length varies more than a long one's (fewer words average out): the
        # tolerance widens as the English falls short of SETTLED characters.
        widen = math.sqrt(max(1.0, SETTLED / max(paragraph.lengths[0], 1)))
        if abs(off) < max(spread * ratio.deviation, floor) * widen:
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
            f"characters, Korean {paragraph.lengths[1]}; Korean runs at "
            f"{math.exp(ratio.centre):.2f} of English here, ±{ratio.deviation:.2f}): compare it "
            f"with {first_words(en[0])}",
            ctx.at_source(en[0].line),
            ctx.at_target(ko[0].line),
            identity=f"{'short' if off < 0 else 'long'}\0{first_words(en[0])}",
        )
