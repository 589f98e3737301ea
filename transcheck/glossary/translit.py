"""Transliteration: whether a Korean word is the English word written in Hangul (샤딩 ↔ sharding,
컴포넌트 ↔ component, 파이프라이닝 ↔ pipelining).

Both words are reduced to a skeleton of consonant classes (vowels, h, w and y dropped; k/g/c,
t/d, p/b/f/v, l/r and s/z/j/ch/sh each one class; an English r before a consonant or at the end
is silent, as Korean loanwords drop it) and the skeletons are compared.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from transcheck.lazy import compiled

_INITIALS = (
    "k",
    "k",
    "n",
    "t",
    "t",
    "l",
    "m",
    "p",
    "p",
    "s",
    "s",
    "",
    "s",
    "s",
    "s",
    "k",
    "t",
    "p",
    "",
)
_FINALS = ("", "k", "k", "ks", "n", "ns", "n", "t", "l", "lk", "lm", "lp", "ls", "lt", "lp", "l",
           "m", "p", "ps", "s", "s", "nk", "s", "s", "k", "t", "p", "")  # fmt: skip
_FIRST, _LAST = 0xAC00, 0xD7A3

# Compiled on first use: only the glossary rules that look for a transliteration ask.
_ENGLISH = (
    (compiled(r"ph"), "p"),
    (compiled(r"th"), "t"),
    (compiled(r"ch|sh|tch"), "s"),
    (compiled(r"c(?=[eiy])"), "s"),
    (compiled(r"x"), "ks"),
    (compiled(r"r(?![aeiouy])"), ""),
)
_CLASSES = str.maketrans("gcqdbfvrzj", "kkktppplss")
_VOWELS = compiled(r"[aeiouyhw]")
_REPEATS = compiled(r"(.)\1+")

SIMILAR = 0.8  # skeleton similarity (1 - normalized edit distance) that counts as the same word


def _hangul(word: str) -> str:
    out = []
    for char in word:
        code = ord(char) - _FIRST
        if 0 <= code <= _LAST - _FIRST:
            out.append(_INITIALS[code // 588] + _FINALS[code % 28])
    return "".join(out)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton of an English or Hangul word (see the module docstring)."""
    if any(_FIRST <= ord(char) <= _LAST for char in word):
        consonants = _hangul(word)
    else:
        consonants = word.lower()
        for pattern, replacement in _ENGLISH:
            consonants = pattern().sub(replacement, consonants)
        consonants = _VOWELS().sub("", re.sub(r"[^a-z]", "", consonants)).translate(_CLASSES)
    return _REPEATS().sub(r"\1", consonants.replace("ng", "nk"))


def transliterates(korean: str, english: str) -> bool:
    """Whether ``korean`` is ``english`` written in Hangul (skeletons of three or more classes
    that nearly agree)."""
    first, second = skeleton(korean), skeleton(english)
    if min(len(first), len(second)) < 3:
        return first == second and len(first) >= 2
    return Levenshtein.normalized_similarity(first, second) >= SIMILAR
