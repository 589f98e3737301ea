"""The glossary's learning and matching shortcuts answer exactly as the plain rules they stand
for: each test holds the plain rule and draws inputs from the syllables and words where the
shortcut could go wrong (tails, particles, kept English, punctuation)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transcheck.glossary.korean import DERIVED, noun_stems, tail_ok
from transcheck.glossary.korean import _INFLECTED_END as INFLECTED_END
from transcheck.glossary.korean import _noun_tail as noun_tail

# Syllables of stems, noun suffixes, particles and verb tails (하/되/시키 and their forms).
_SYLLABLES = "칩당들별용간상내화성을를은는이가의에서로와과도만까지하한할된되시키켜기반파프라인"
_KOREAN_WORD = st.text(alphabet=_SYLLABLES, min_size=1, max_size=7)


def _plain_stems(word: str) -> tuple[str, ...]:
    """noun_stems as first written: the shortest valid stem, then each longer prefix and the
    first syllable, each tail asked on its own."""
    stem = next((word[:end] for end in range(2, len(word)) if tail_ok(word[end:], end)), word)
    longer: tuple[str, ...] = ()
    if noun_tail(word[len(stem) :]):
        longer = tuple(
            word[:end]
            for end in range(len(stem) + 1, len(word) + 1)
            if noun_tail(word[end:]) and not word[:end].endswith(INFLECTED_END)
        )
    if len(word) > 1 and noun_tail(word[1:]) and not word[1:].startswith(DERIVED):
        return (stem, *longer, word[0])
    return (stem, *longer)


@given(_KOREAN_WORD)
def test_noun_stems_as_the_plain_rule(word: str) -> None:
    assert noun_stems(word) == _plain_stems(word)
