"""Formulas written alike are the same without being normalized: math matching answers as the
plain comparison, which normalizes both formulas every time."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transcheck.checks.mathematics import _same, normalize_math
from transcheck.model import Math

# Commands whose argument may be translated, braces (closed or not), escapes and white space.
_PIECES = ["\\text{", "\\mathrm{", "}", "{", "\\}", "x", "2", " ", "\n", "\\frac", "값", "+"]
_FORMULAS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_FORMULAS, _FORMULAS)
@example("T = 2BD / W", "T = 2BD / W")
@example("\\text{time} = x", "\\text{시간}=x")
def test_same_is_the_plain_comparison(english: str, korean: str) -> None:
    for a, b in ((english, korean), (english, english), (korean, korean)):
        plain = normalize_math(a) == normalize_math(b)
        assert _same(Math(a, 1, "$$"), Math(b, 1, "$$")) == plain
