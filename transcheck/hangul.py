"""Hangul in text, told with one compiled character class. sre_compile builds each class of
Hangul written in a pattern with a Python loop over its 11,172 syllables (~5 M instructions per
class, twice in a pattern that starts with it), at every start-up: the tests here derive from
the class every check compiles, ``HANGUL``, instead of compiling their own."""

from __future__ import annotations

import re

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")  # syllables and jamo
FIRST_SYLLABLE, LAST_SYLLABLE = "\uac00", "\ud7a3"  # 가, 힣


def is_syllable(char: str) -> bool:
    """Whether one character is a Hangul syllable (``[가-힣]``)."""
    return FIRST_SYLLABLE <= char <= LAST_SYLLABLE


def after_syllable(text: str, start: int) -> bool:
    """Whether the character before ``start`` in ``text`` is a Hangul syllable: what starts
    there is inside a Korean word (a lookbehind class would cost its compile at start-up)."""
    return start > 0 and is_syllable(text[start - 1])


def has_syllable(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable (``re.search("[가-힣]", text)``): the first of
    the Hangul letters ``HANGUL`` finds that is one (in Korean text, the first it finds)."""
    match = HANGUL.search(text)
    while match is not None:
        if FIRST_SYLLABLE <= match.group() <= LAST_SYLLABLE:  # is_syllable, without a call
            return True
        match = HANGUL.search(text, match.end())
    return False
