"""The Hangul tests derived from the one compiled class answer as the classes they replace."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from transcheck.hangul import has_syllable, is_syllable

SYLLABLE = re.compile("[\uac00-\ud7a3]")  # what they replace: [가-힣]
# Syllables and their neighbours, jamo of both blocks and the unassigned code points around them,
# Latin letters: every side of each range the tests draw a line at.
NEAR = "\uabff\uac00\uac01힣\ud7a3\ud7a4\u1100\u11ff\u3130\u3131\u318e\u318fa ."


@given(st.sampled_from(NEAR) | st.characters())
def test_a_syllable_is_a_character_of_the_class(char: str) -> None:
    assert is_syllable(char) == (SYLLABLE.fullmatch(char) is not None)


@given(st.text(alphabet=st.sampled_from(NEAR) | st.characters(), max_size=30))
def test_a_text_holds_a_syllable_when_the_class_finds_one(text: str) -> None:
    assert has_syllable(text) == (SYLLABLE.search(text) is not None)


def test_jamo_alone_are_no_syllable() -> None:
    assert not has_syllable("ㄱㄴ \u1100\u1161 abc")
    assert has_syllable("ㄱㄴ 가")
