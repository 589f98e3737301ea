"""Learning terms from a tree answers as its plain path (issue 16): every unit stemmed, each
stem's spread counted over every unit, every candidate's rendering chosen over all its stems.
The shortcuts (stems read in rendered units only, the spread of the others counted only for
the stems that may win, where they are written) must learn the very same entries."""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.checks.test_content_helpers import context
from transcheck.checks.glossary import pair_units
from transcheck.glossary import Entry, Glossary
from transcheck.glossary.aligned import Piece, Unit, joined
from transcheck.glossary.english import WORD
from transcheck.glossary.learn import (
    _NOT_NOUN_END,
    MAX_TERMS,
    MIN_DICE,
    MIN_SHARED,
    MIN_TRANSLITERATED,
    _candidates,
    _count,
    _known_keys,
    _split,
    learn,
)
from transcheck.glossary.phrases import KoreanStems, lone_syllables
from transcheck.glossary.translit import transliterates


def _plain_learn(units: list[tuple[str, Unit]], known: Glossary) -> tuple[Entry, ...]:
    """learn as first written: the stems of every unit, each stem's spread over every unit."""
    korean = [joined(unit.korean) for _, unit in units]
    candidates = _candidates(_count(units, korean, _known_keys(known)))
    stemmer = KoreanStems(lone_syllables(korean))
    stems = [stemmer(text) for text in korean]
    spread = Counter(chain.from_iterable(stems))
    entries = []
    for key in sorted(candidates, key=lambda k: (-_split(candidates[k]), k)):
        rendered = candidates[key].rendered()
        together = Counter(chain.from_iterable(stems[number] for number in rendered))
        best: tuple[float, int, str] | None = None
        for stem, shared in together.items():
            if shared < MIN_SHARED or (" " in stem) != (" " in key):
                continue
            if stem.endswith(_NOT_NOUN_END):
                continue
            dice = 2 * shared / (len(rendered) + spread[stem])
            if dice >= MIN_TRANSLITERATED and transliterates(
                stem.replace(" ", ""), key.replace(" ", "")
            ):
                dice += 1.0
            if dice >= MIN_DICE and (best is None or (dice, len(stem)) > best[:2]):
                best = (dice, len(stem), stem)
        if best is not None:
            entries.append(Entry(term=key, ko=(best[2],), keep_english=True, advisory=True))
    return tuple(entries[:MAX_TERMS])


def test_the_book_learns_as_the_plain_path(corpus: Path) -> None:
    """Every chapter's translated units, as a check collects them."""
    units = []
    for english in sorted((corpus / "en").glob("*.md")):
        korean = corpus / "ko" / english.name
        ctx = context(english.read_text(encoding="utf-8"), korean.read_text(encoding="utf-8"))
        units += [(english.name, unit) for unit in pair_units(ctx) if unit.translated]
    known = Glossary(entries=(Entry(term="chip", ko=("칩",)),))
    learned = learn(units, known)
    assert len(learned) > 10  # enough terms that a difference would show
    assert learned == _plain_learn(units, known)


# Terms and what a translator writes for them: the term kept, its renderings (with tails, two
# words, a one-syllable noun), and words that go with any of them.
_RENDERINGS = {
    "sharding": ["샤딩", "샤딩을", "샤딩된", "샤딩하는"],
    "matrix multiplication": ["행렬 곱셈", "행렬 곱셈을", "행렬의 곱셈"],
    "chip": ["칩", "칩당", "칩의", "칩에서"],
    "batch size": ["배치 크기", "배치 크기는", "배치의 크기"],
    "kernel": ["커널", "커널들", "커널이"],
}
_FILLER = ["데이터를", "모든", "이", "그리고", "수", "칩", "행렬", "크기", "계산을", "."]
_PART = st.tuples(st.sampled_from(sorted(_RENDERINGS)), st.booleans(), st.integers(0, 3))
_UNIT = st.tuples(
    st.sampled_from("abcd"),
    st.lists(_PART, min_size=1, max_size=3),
    st.lists(st.sampled_from(_FILLER), max_size=4),
)


def _unit(path: str, parts: list[tuple[str, bool, int]], filler: list[str]) -> tuple[str, Unit]:
    """A unit whose English names the terms of ``parts`` and whose Korean keeps each or renders
    it (the rendering numbered), among the filler words."""
    english = " and ".join(term for term, _, _ in parts)
    words = [
        term if kept else _RENDERINGS[term][n % len(_RENDERINGS[term])] for term, kept, n in parts
    ]
    korean = " ".join([*filler[:2], *words, *filler[2:]])
    return path, Unit((Piece(english, 1),), (Piece(korean, 1),))


@given(st.lists(_UNIT, min_size=10, max_size=60))
def test_drawn_units_learn_as_the_plain_path(
    drawn: list[tuple[str, list[tuple[str, bool, int]], list[str]]],
) -> None:
    """Drawn units: some learn terms (a fifth or more of them), some none."""
    units = [_unit(*unit) for unit in drawn]
    known = Glossary(entries=(Entry(term="kernel", ko=("커널",)),))
    assert learn(units, known) == _plain_learn(units, known)


_SYLLABLES = "칩당들의을는이가에서행렬곱셈샤딩하된배치크기계산수모든그"
_KOREAN_TEXT = st.lists(
    st.one_of(
        st.text(alphabet=_SYLLABLES, min_size=1, max_size=5),
        st.sampled_from([" ", " ", "  ", "\n", ", ", "(", "a", "이", "수", "모든"]),
    )
).map("".join)


@given(_KOREAN_TEXT, st.lists(_KOREAN_TEXT, max_size=3), st.frozensets(st.sampled_from("칩행수")))
def test_a_stem_is_held_where_the_stems_have_it(
    text: str, others: list[str], alone: frozenset[str]
) -> None:
    """KoreanStems.holds says of any stem (the text's own, another text's, any piece of the
    text) what the text's stems say, whatever the stemmer saw before."""
    stemmer = KoreanStems(alone)
    asked = set(chain.from_iterable(map(stemmer, others)))
    stems = KoreanStems(alone)(text)
    asked |= stems | {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)}
    for stem in asked:
        assert stemmer.holds(text, stem) == (stem in stems), stem


@given(st.text(alphabet="aZb'-. 가1_\n", max_size=20))
def test_words_as_the_two_branch_pattern(text: str) -> None:
    """WORD (a letter, the run after it backed off to a letter) finds the words the pattern
    first written as two branches finds: the longest run ending in a letter, or one letter."""
    assert WORD.findall(text) == re.findall(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]", text)
