"""block-length-outlier's measured lengths: an ASCII text lowered once before its Latin words are
listed answers as the plain computation (each word lowered), in the word lists and in the
characters measured with them."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.checks.test_blocklength_glosses import GLOSS  # the gloss pattern as first written
from transcheck.checks.blocklength import LATIN_WORD, characters, latin_words
from transcheck.model import Block, BlockKind


def _plain_words(text: str) -> list[str]:
    """latin_words as first written: each word lowered on its own."""
    return [word.lower() for word in LATIN_WORD.findall(text)]


def _plain_characters(blocks: list[Block], kept: frozenset[str]) -> int:
    """characters as first written (no gloss or address in these texts): each word of each
    block looked up among the kept ones."""
    total = 0
    for block in blocks:
        text = GLOSS.sub("", block.text) if "(" in block.text else block.text
        total += len(text) - text.count(" ")
        total -= sum(len(word) for word in _plain_words(text) if word in kept)
    return total


# Latin words in any case, neighbours that glue to a word (- + # . digits), characters that
# lower to ASCII letters (the Kelvin sign, dotted I), Hangul and a gloss.
_PIECES = ["Vue", "vue", "VUE", "props", "In-DOM", "dom", "c++", "C#", "x86", "-", "+", "#"]
_PIECES += [".", "_", " ", " ", "\u212aeep", "keep", "\u0130d", "id", "é", "컴포넌트", "를"]
_PIECES += ["반응성(reactivity)", "(", ")", "2x"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
@example("Use \u212aeep or keep with VUE")
@example("plain ASCII words: Vue, vue.js and C++")
def test_latin_words_are_the_plain_ones(text: str) -> None:
    assert latin_words(text) == _plain_words(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=3), _TEXTS)
@example(["vue props vue", "Vue"], "vue를 props로")
def test_characters_less_kept_words_are_the_plain_count(texts: list[str], korean: str) -> None:
    blocks = [Block(BlockKind.PARAGRAPH, 1, 1, text=text) for text in texts]
    kept = frozenset(_plain_words(" ".join(texts))) & frozenset(_plain_words(korean))
    words = [latin_words(text) for text in texts]
    expected = _plain_characters(blocks, kept)
    assert characters(blocks, kept, words) == expected
    assert characters(blocks, kept) == expected  # the words listed from the text itself
