"""Native Korean numbers (두 개, 하나의): the syllable before a match is tested in Python, and
the matches kept are those of the lookbehind class it replaces."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from transcheck.checks.numbers import _COUNTERS, _KOREAN_NATIVE, _NATIVE
from transcheck.hangul import after_syllable

# What it replaces: the same pattern with the lookbehind after its leading lookahead.
LOOKBEHIND = re.compile(_KOREAN_NATIVE.pattern.replace(")(?:", r")(?<![\uac00-\ud7a3])(?:", 1))
# Number words, counters, particles, other syllables and what is not one: the pieces that meet
# at a match's edges.
PIECES = [*_NATIVE, *_COUNTERS.split("|"), "의", "가", "이", "은", "말", " ", "\n", "a", "1", "ㄱ"]


def kept(text: str) -> list[tuple[int, str]]:
    """The matches korean_figures reads, with their offsets."""
    matches = _KOREAN_NATIVE.finditer(text)
    return [(m.start(), m.group(0)) for m in matches if not after_syllable(text, m.start())]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_native_numbers_are_the_lookbehinds(text: str) -> None:
    assert kept(text) == [(m.start(), m.group(0)) for m in LOOKBEHIND.finditer(text)]


def test_a_number_inside_a_word_is_none() -> None:
    assert kept("다섯 개, 열두 개, 하나의 값") == [(0, "다섯 개"), (12, "하나의")]
