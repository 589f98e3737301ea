"""Words and phrases of aligned text, English and Korean: what ``glossary mine`` proposes
entries from and what a check learns a chapter's own renderings from (``glossary.learn``).
Apart from the miner, so that a check does not import the mining command."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from itertools import chain, compress, count, islice, pairwise

from transcheck.glossary.english import STOPWORDS, WORD, singular
from transcheck.glossary.korean import HANGUL, noun_stems
from transcheck.hangul import after_syllable, is_syllable
from transcheck.lazy import compiled

MIN_ALONE = 2  # times a one-syllable word stands alone for it to be a stem (칩, 키, 축)
_JOINED = 256  # texts lone_syllables searches at once

# Korean words that go with everything (this, that, all, across, through, case, we …), and the
# one-syllable determiners, adverbs, numerals and dependent nouns (every, about, after, two …).
_KOREAN_STOPWORD_TEXT = """
이는 이를 이것은 이것이 그것은 그리고 하지만 따라서 따라 걸쳐 통해 위해 대해 대한 모든 각 같은 경우
우리는 우리가 우리의 있습니다 합니다 됩니다 것을 것이 것은 것입니다 있는 없는 수 때 더 또한 매우
여기 여기서 이것 그것 필요 가지 경우
이 그 저 것 매 맨 본 등 및 후 전 중 위 약 총 잘 못 안 또 좀 곧 꼭
큰 긴 새 한 두 세 네 몇 곳 번 개 예 단 조
"""
_KOREAN_STOPWORDS = frozenset(_KOREAN_STOPWORD_TEXT.split())

_SEPARATORS = r".,;:!?()\[\]{}\"“”‘’/=<>|*$"  # what ends a segment (as a class's inside)
_SEGMENT = re.compile(f"[^{_SEPARATORS}]+")
# The words of a text as phrases reads them (english.WORD in each segment), read without the
# regex engine (_read): the text's ASCII as a word's letters, apostrophes and hyphens, a
# segment's end (_BREAK) or a space, every other character (never in a word) a space.
_BREAK = "|"
_CURLY_QUOTES = "“”‘’"  # the separators outside ASCII
_WORD_CHARACTERS = string.ascii_letters + "'-"


def _reading(character: str) -> str:
    """What _read reads an ASCII character as: itself in a word, else _BREAK or a space."""
    if character in _WORD_CHARACTERS:
        return character
    return " " if _SEGMENT.fullmatch(character) else _BREAK


# The UTF-8 bytes of a text are read (str.translate looks each character of a text up in its
# table on every call): a byte of a character outside ASCII (none is in a word) as a space.
_READ = bytes(ord(_reading(chr(code))) for code in range(128)).ljust(256, b" ")
# An apostrophe or a hyphen at either end of a run of word characters, read between spaces.
_EDGES = (" '", " -", "' ", "- ")
# What is between two Korean words (as a group, so that split keeps it). On first use: only
# learning (3+ chapters) asks.
_BETWEEN_WORDS = compiled(f"([^{HANGUL}]+)")
# A Korean word of one syllable.
_LONE_SYLLABLE = compiled(f"(?<![{HANGUL}])[{HANGUL}](?![{HANGUL}])")


def phrases(text: str, sizes: tuple[int, ...] = (1, 2, 3)) -> Iterator[tuple[str, str]]:
    """(key, surface) of every word and two/three-word phrase within punctuation-free segments:
    no function word first or last (nor inside, but "of"), no one-letter word in a phrase."""
    for segment in _SEGMENT.findall(text):
        words = WORD.findall(segment)
        if not words:
            continue
        # Words are ASCII and hold no space: one join lowers them all.
        lowered = " ".join(words).lower().split(" ")
        count = len(words)
        for start in range(count):
            word = lowered[start]
            if word in STOPWORDS:
                continue
            for size in sizes:
                end = start + size
                if end > count:
                    break
                last = lowered[end - 1]
                if last in STOPWORDS:
                    continue
                if size == 1:
                    yield singular(word), words[start]
                elif size == 2:  # nothing inside: the words' lengths alone are asked
                    if len(word) > 1 and len(last) > 1:
                        yield f"{word} {singular(last)}", f"{words[start]} {words[start + 1]}"
                elif min(map(len, lowered[start:end])) > 1 and not any(
                    w in STOPWORDS and w != "of" for w in lowered[start + 1 : end - 1]
                ):
                    key = [*lowered[start : end - 1], singular(last)]
                    yield " ".join(key), " ".join(words[start:end])


class TwoWordPhrases:
    """What phrases(text, (1, 2)) gives, as learning reads it (words and two-word phrases):
    with ``first``, only the phrases whose first word (lower case) is in it. The words of a
    text are read at once by string methods (_read), not segment by segment by the word regex,
    whose matches cost more than the rest of a word's reading."""

    def __init__(self, first: set[str] | frozenset[str] | None = None) -> None:
        """``first``: the words phrases may start with (None: any)."""
        self._first = first

    def __call__(self, text: str) -> Iterator[tuple[str, str]]:
        """(key, surface) of the words and two-word phrases of ``text`` (see the class)."""
        read = read_words(text)
        lowered = read.lower().split()
        first = self._first
        starts: Iterable[int]
        if first is None:
            starts = range(len(lowered) - 1)
        elif first.isdisjoint(lowered):
            return
        else:
            # the places of the first words, without a Python step for every word of the text
            starts = compress(count(), map(first.__contains__, lowered))
        tokens = read.split()
        for start in starts:
            word, lower = tokens[start], lowered[start]
            if lower in STOPWORDS or word == _BREAK:
                continue
            yield singular(lower), word
            after = tokens[start + 1]
            if after != _BREAK:
                last = lowered[start + 1]
                if last not in STOPWORDS and len(lower) > 1 and len(last) > 1:
                    yield f"{lower} {singular(last)}", f"{word} {after}"


def read_words(text: str) -> str:
    """``text`` as TwoWordPhrases reads it: its words between spaces (_read), with _BREAK after
    the last one (no word follows it)."""
    return f"{_read(text)} {_BREAK}"


def phrase_keys(text: str) -> set[str]:
    """The keys TwoWordPhrases() gives of ``text`` (its words' and two-word phrases'), without
    their surfaces: in one comprehension over the lower-cased words, where learning reads every
    Korean text keeping English. The break and one-letter words are no part of a phrase."""
    lowered = read_words(text).lower().split()
    words = set(lowered).difference(STOPWORDS)
    words.discard(_BREAK)
    keys = set(map(singular, words))
    keys.update(
        [
            f"{word} {singular(after)}"
            for word, after in pairwise(lowered)
            if len(word) > 1 and len(after) > 1 and word not in STOPWORDS and after not in STOPWORDS
        ]
    )
    return keys


def _read(text: str) -> str:
    """The words of ``text`` (english.WORD) in order between spaces, with _BREAK between two
    segments. A word is a run of letters, apostrophes and hyphens from its first letter to its
    last: the characters of none of them are read as spaces or breaks, and the runs are
    stripped of apostrophes and hyphens where one is at an end of one (few are)."""
    if not text.isascii():
        for quote in _CURLY_QUOTES:
            if quote in text:
                text = text.replace(quote, _BREAK)
    read = text.encode("utf-8", "surrogatepass").translate(_READ).decode()
    if _BREAK in read:
        read = read.replace(_BREAK, f" {_BREAK} ")
    if ("'" in read or "-" in read) and any(map(f" {read} ".__contains__, _EDGES)):
        read = " ".join([word for run in read.split() if (word := run.strip("'-"))])
    return read


def lone_syllables(texts: Iterable[str], among: Iterable[str] | None = None) -> frozenset[str]:
    """The one-syllable words Korean ``texts`` write on their own at least MIN_ALONE times (칩 in
    "TPU 칩 간"): the one-syllable nouns. A syllable seen only before tails starts a longer word
    (길이, 얕은), so it is no stem. ``among``: only these syllables are asked, found by a search
    that skips to them (the lookbehind of the general one is tried at every character)."""
    if among is None:
        alone = Counter(chain.from_iterable(map(_LONE_SYLLABLE().findall, texts)))
    else:
        # One search over each _JOINED texts joined by a line break, which is no syllable: a
        # text's first and last syllables stay at a word's edge (a Python call per text cost
        # more, and all of a large tree's texts joined would be a string of tens of MB).
        found = re.compile(f"[{''.join(among)}]").finditer
        alone = Counter()
        remaining = iter(texts)
        while some := list(islice(remaining, _JOINED)):
            alone.update(_alone(found, "\n".join(some)))
    return frozenset(word for word, count in alone.items() if count >= MIN_ALONE)


def _word_at(text: str, at: int) -> tuple[str, str | None] | None:
    """The Korean word starting at ``at`` and the word after it where one space comes between
    (else None), None where no word starts there: found with _BETWEEN_WORDS, which learning
    compiles anyway (a pattern of its own would compile the Hangul class again, a loop over
    its 11,172 syllables)."""
    between = _BETWEEN_WORDS().search
    gap = between(text, at)
    end = len(text) if gap is None else gap.start()
    if end == at:
        return None
    if gap is None or gap.group() != " " or gap.end() == len(text):
        return text[at:end], None
    after = between(text, gap.end())
    return text[at:end], text[gap.end() : len(text) if after is None else after.start()]


def _alone(finditer: Callable[[str], Iterator[re.Match[str]]], text: str) -> list[str]:
    """The syllables ``finditer`` finds in ``text`` with no syllable before or after them, told
    in Python: those few are found, and lookarounds would compile two Hangul classes (a loop
    over 11,172 syllables each)."""
    alone = []
    for found in finditer(text):
        start, end = found.span()
        if not after_syllable(text, start) and not is_syllable(text[end : end + 1]):
            alone.append(found[0])
    return alone


class _Every:
    """Every syllable, as KoreanStems' ``alone``: the stems worked out before the one-syllable
    words are counted (see learn), those no option needs never are."""

    def __contains__(self, syllable: object) -> bool:
        return True


EVERY_SYLLABLE = _Every()


class KoreanStems:
    """Stems of Korean units (see ``__call__``), with what each word gives remembered: a tree's
    units write a few thousand words tens of thousands of times."""

    def __init__(self, alone: Container[str] = ()) -> None:
        """``alone``: the one-syllable words that are stems on their own (lone_syllables)."""
        self._alone = alone
        self._kept: dict[str, tuple[str, ...]] = {}  # a word's stems kept (see noun_stems)
        self._first: dict[str, str] = {}  # its first stem
        self._bare: set[str] = set()  # the words that have no tail (and are no function word)

    def _word(self, word: str) -> None:
        """Work out what a word gives (see the attributes)."""
        stem, *others = noun_stems(word)
        self._kept[word] = tuple(s for s in (stem, *others) if len(s) > 1 or s in self._alone)
        self._first[word] = stem
        if stem == word and word not in _KOREAN_STOPWORDS:
            self._bare.add(word)

    def __call__(self, text: str) -> set[str]:
        """Stems of one Korean unit: words without their tails, one-syllable stems of ``alone``
        included (see noun_stems), and two-word stems whose first word has no tail (행렬 곱셈);
        function words left out."""
        # The words with what comes between them: words at the even places (the first and
        # the last may be empty), a word and the next are apart by one space where that is " ".
        parts = _BETWEEN_WORDS().split(text)
        words = set(parts[::2])
        words.discard("")
        for word in words.difference(self._kept):
            self._word(word)
        stems = set(chain.from_iterable(map(self._kept.__getitem__, words)))
        bare, first_stem = self._bare, self._first
        for first, between, second in zip(parts[:-1:2], parts[1::2], parts[2::2], strict=True):
            if between == " " and second and first in bare:
                stems.add(f"{first} {first_stem[second]}")
        return stems - _KOREAN_STOPWORDS

    def holds(self, text: str, stem: str) -> bool:
        """Whether ``stem`` is one of ``text``'s stems (in ``self(text)``), told where it is
        written, without stemming every word: a stem starts a word and is one of its stems, or
        is a word without a tail, one space and the first stem of the next word."""
        if stem in _KOREAN_STOPWORDS:
            return False
        first, _, second = stem.partition(" ")
        at = text.find(stem)
        while at >= 0:
            # The word starting there, and the word after it, as __call__ finds them.
            found = None if after_syllable(text, at) else _word_at(text, at)
            if found is not None:
                word, after = found
                if word not in self._kept:
                    self._word(word)
                if not second:
                    if stem in self._kept[word]:
                        return True
                elif word == first and word in self._bare and after is not None:
                    if after not in self._kept:
                        self._word(after)
                    if self._first[after] == second:
                        return True
            at = text.find(stem, at + 1)
        return False
