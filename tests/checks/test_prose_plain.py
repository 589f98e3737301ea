"""is_prose with each token's verdict remembered (prose repeats its words), counting words only
until it has the needed ones, answers as the plain computation, which strips and matches every
token of every text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transcheck.checks.untranslated import _EDGE, _word, is_prose


def _plain(text: str, min_words: int) -> bool:
    """is_prose as first written: every token stripped and matched anew."""
    tokens = text.split()
    needed = max(min_words, (len(tokens) + 1) // 2)
    return sum(_word(token.strip(_EDGE)) for token in tokens) >= needed


# Words, acronyms, CamelCase and identifiers, edge punctuation, apostrophes and hyphens inside
# words, digits, Hangul and white space of several kinds.
_PIECES = ["word", "Word", "GPU", "GPUs", "AllGather", "d_model", "it's", "don’t", "x-ray", "a"]
_PIECES += ["(", ")", "[", "]", "'", "’", "“", "*", "_", "`", ",", ".", ":", "-", "3", "v2"]
_PIECES += ["샤딩", " ", " ", "\n", "\t", "\u3000", "\xa0", "I", "ok"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join), st.integers(0, 5))
@example("Sharding splits an array across many devices.", 3)
@example("a' 'b (it's) x-ray GPU", 1)
def test_is_prose_is_the_plain_computation(text: str, min_words: int) -> None:
    assert is_prose(text, min_words) == _plain(text, min_words)
    assert is_prose(text, min_words) == _plain(text, min_words)  # asked again: remembered
