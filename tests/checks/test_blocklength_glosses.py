"""Glosses left out of a paragraph's length: the syllable before a gloss is tested in Python,
and the text left is the one the lookbehind class it replaces leaves."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from transcheck.checks.blocklength import _without_glosses

# What it replaces: a lookbehind for a syllable before the parenthesized Latin text.
GLOSS = re.compile(r"(?=\()(?<=[\uac00-\ud7a3])\([A-Za-z][A-Za-z0-9 .,'/-]*\)")
# Syllables and their neighbours, jamo, Latin, and what a gloss holds and ends with.
PIECES = [
    "훅",
    "가",
    "힣",
    "\uabff",
    "\ud7a4",
    "ㄱ",
    "a",
    "Z",
    "9",
    " ",
    ".",
    "(",
    ")",
    "((",
    "'",
    "-",
]


@given(st.lists(st.sampled_from(PIECES) | st.characters(), max_size=40).map("".join))
def test_glosses_are_cut_as_the_lookbehind_cuts_them(text: str) -> None:
    assert _without_glosses(text) == GLOSS.sub("", text)


def test_a_gloss_after_a_syllable_goes_and_other_parentheses_stay() -> None:
    assert _without_glosses("훅(hook)과 (note) a(b) 값(x)(y)") == "훅과 (note) a(b) 값(y)"
    assert _without_glosses("(hook) 훅") == "(hook) 훅"  # nothing before the first character
