"""The number patterns start with their first character and test the one before it in a
lookbehind after it (so the regex engine skips to digits): they find what the patterns with a
leading lookahead and lookbehind found."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from transcheck.checks.numbers import (
    _ENGLISH_SCALE,
    _KOREAN_SCALE,
    _KOREAN_WORD_SCALE,
    _PARTY,
)

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
# The patterns as first written, the assertions leading.
_LEADING = {
    "english scale": (
        _ENGLISH_SCALE,
        re.compile(
            rf"(?=\d)(?<![\w.,])({_DIGITS})(?:\s+(thousand|million|billion|trillion)\b|([kKMB])\b)",
            re.IGNORECASE,
        ),
    ),
    "party": (
        _PARTY,
        re.compile(r"(?=\d)(?<![\w.,])(\d+)(?:st|nd|rd|th)[- ]part(?:y|ies)\b", re.IGNORECASE),
    ),
    "korean scale": (
        _KOREAN_SCALE(),
        re.compile(rf"(?=\d)(?<![\d.,])({_DIGITS})\s?(?:([십백천])(만|억|조)?|(만|억|조))"),
    ),
    "korean word scale": (
        _KOREAN_WORD_SCALE(),
        re.compile(r"(?=[십백천])(?<![\uac00-\ud7a3\d])([십백천])(만|억|조)(?![\uac00-\ud7a3])"),
    ),
}
# Digits, separators, letters, scale words and units, Hangul and white space: what meets at the
# edges of a number.
_PIECES = ["1", "20", "5", "٣", ",", ".", ",000", " ", "\n", "a", "x", "_", "k", "M", "B"]
_PIECES += ["st", "rd", "th", "-party", " party", " parties", " Million", " billion", "thousand"]
_PIECES += ["십", "백", "천", "만", "억", "조", "수", "원", "이", "ㄱ"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
@example("x18.4 billion, 18.4 billion, 3rd-party, a3rd party, 1,5 million, 2K")
@example("184억, 3천만, 수천만, 천만 원, 1.5만")
def test_number_patterns_find_what_the_leading_assertions_found(text: str) -> None:
    for pattern, leading in _LEADING.values():
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in leading.finditer(text)]
