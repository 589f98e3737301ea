"""The page names' shortcut answers as the plain rule it stands for: the proper nouns of a page
are looked for in lower case one by one, not found among every lower-case word listed."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from transcheck.checks.untranslated import _INNER_CAPITAL, _word_char, proper_nouns

_LOWER = re.compile(r"\b[a-z]+\b")
# Prose of a few words where a capital and its lower case meet: inside other words, beside
# digits, underscores, Hangul and punctuation, across blocks.
_PROSE = st.lists(
    st.sampled_from(
        ["Vite", "vite", "Pinia", "pinia", "vitest", "_", "2", "한", " ", ", ", "; ", "we ", ".",
         "-", "Vue", "vue", "\n"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


def _plain(texts: list[str]) -> set[str]:
    """The proper nouns as first written: every lower-case word of every text listed."""
    capitalized: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        capitalized.update(_INNER_CAPITAL().findall(text))
        lower.update(_LOWER.findall(text))
    return {word.casefold() for word in capitalized if word.casefold() not in lower}


@given(st.lists(_PROSE, max_size=4))
@example(["we use Vite", "vite_config"])  # no word of its own in lower case
@example(["we use Vite", "a vite plugin"])
def test_proper_nouns_as_the_plain_rule(texts: list[str]) -> None:
    assert proper_nouns(texts) == _plain(texts)


@given(st.characters())
def test_word_characters_as_the_regex_reads_them(char: str) -> None:
    assert _word_char(char) == (re.match(r"\w", char) is not None)
