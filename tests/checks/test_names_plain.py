"""The page names' shortcut answers as the plain rule it stands for: the proper nouns of a page
are looked for in lower case one by one, not found among every lower-case word listed."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from transcheck.checks.untranslated import _INNER_CAPITAL, _found_apart, _word_char, proper_nouns

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


# What the capital-first patterns replace: the lookbehind before the capital.
_LOOKBEHIND_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")


@given(_PROSE)
@example("we use Vite, Pinia; Vue")
def test_inner_capitals_as_the_lookbehind_finds_them(text: str) -> None:
    assert _INNER_CAPITAL().findall(text) == _LOOKBEHIND_CAPITAL.findall(text)


@given(st.sampled_from(["vite", "pinia", "vite config", "vue"]), _PROSE.map(str.casefold))
@example("vite", "a vite plugin")
@example("vite", "vitest, vite2 and avite")
@example("vite", "zvite, vitez")  # the last letters
def test_a_phrase_found_apart_as_the_regex_finds_it(name: str, text: str) -> None:
    plain = re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text) is not None
    assert _found_apart(name, text) == plain
