"""The glossary's matching and unit shortcuts of issue 16 answer as the plain forms they stand
for: each test holds the plain form and draws inputs where the shortcut could differ."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from transcheck.checks.glossary import _KEPT_NAME, _NO_NAMES, _QUOTE_MARK, _QUOTED, _marked
from transcheck.glossary.learn import _first_words
from transcheck.glossary.matcher import (
    _ENGLISH_ATOMS,
    _FOLDED_OTHERWISE,
    _WORD_AFTER,
    _WORD_BEFORE,
    _at_word_starts,
    _english_regex,
    _lowered,
)
from transcheck.glossary.phrases import TwoWordPhrases
from transcheck.glossary.trie import trie_regex
from transcheck.model import Block, BlockKind

# Characters that fold to ASCII letters otherwise than lower() (dotted and dotless i, long s,
# the Kelvin sign), one that lower() lengthens (İ), Hangul, and ASCII of either case.
_FOLDING = st.text(alphabet="aZiIsSkK -_'\u0130\u0131\u017f\u212a가ßΣ", max_size=12)


@given(st.one_of(_FOLDING, st.text(max_size=12), st.text(alphabet="aZ09 -_.'", max_size=12)))
@example("Kernel İs")
@example("plain ASCII Text")
def test_lowered_as_the_scan_for_folding_characters_gives_it(text: str) -> None:
    """_lowered answers an ASCII text without scanning it: as the scan and lower() do."""
    plain = None if _FOLDED_OTHERWISE.search(text) else text.lower()
    if plain is not None and len(plain) != len(text):
        plain = None
    assert _lowered(text) == plain


def _marked_plain(blocks: list[Block]) -> frozenset[str]:
    """_marked as first written: every emphasized run, then every quoted text, as names."""
    runs = [run for block in blocks for run in block.emphasis]
    quoted = (block.text for block in blocks if _QUOTE_MARK().search(block.text))
    runs += [m[1] or m[2] for text in quoted for m in _QUOTED().finditer(text)]
    return frozenset(
        name.lower() for run in runs if _KEPT_NAME().fullmatch(name := " ".join(run.split()))
    )


_WORDS = st.sampled_from(
    ["Pending", "callbacks", "키", "'x'", '"Strong scaling"', "it's", " ", "「a」"]
)
_BLOCK = st.builds(
    lambda text, emphasis: Block(BlockKind.PARAGRAPH, 1, 1, text, emphasis=tuple(emphasis)),
    st.lists(_WORDS, max_size=5).map("".join),
    st.lists(st.lists(_WORDS, max_size=3).map(" ".join), max_size=2),
)


@given(st.lists(_BLOCK, max_size=3))
def test_marked_names_as_every_run_and_quote_read_together(blocks: list[Block]) -> None:
    """_marked gathers the runs block by block and stops early without any: the names the
    runs and quotes of all blocks read together give (one shared empty set for none)."""
    found = _marked(blocks)
    assert found == _marked_plain(blocks)
    assert found or found is _NO_NAMES


_TERM_WORDS = st.sampled_from(["size", "batch size", "batches", "bat", "sizes", "x-ray"])
_PROSE = st.lists(
    st.sampled_from(["micro", "batch", "size", "Batch", "sizes", "x", "-", " ", "_", "가", "2"]),
    max_size=10,
).map("".join)


@given(st.sets(_TERM_WORDS, min_size=1), _PROSE)
@example({"batch size", "size"}, "microbatch size")
def test_folded_matches_at_word_starts_as_the_lookbehind_gives_them(
    words: set[str], text: str
) -> None:
    """The lower-case English regex leaves the word start to _at_word_starts: it finds the
    matches finditer finds with the word-start lookbehind, a match inside a word tried again
    a character on (``microbatch size`` holds ``size``)."""
    trie = trie_regex(words, _ENGLISH_ATOMS)
    plain = re.compile(f"{_WORD_BEFORE}(?:{trie}){_WORD_AFTER}").finditer(text)
    folded = _english_regex(words, False).folded
    assert folded is not None
    found = _at_word_starts(folded(), text)
    assert [m.span() for m in found] == [m.span() for m in plain]


_TAIL_WORDS = st.sampled_from(["이", "이나", "이나마", "나", "에", "에서", "에서의", "서", "의"])


@given(st.lists(_TAIL_WORDS, min_size=1), st.text(alphabet="이나마에서의가 ", max_size=10))
def test_tail_trie_tries_as_the_alternation_longest_first(words: list[str], text: str) -> None:
    """A tail list as a trie matches as the alternation sorted longest first that it stands
    for, backtracking included (repeated, then no syllable after)."""
    alternation = "|".join(sorted(set(words), key=len, reverse=True))
    for body in (alternation, trie_regex(words)):
        assert re.fullmatch(f"(?:{body})", "".join(words[:1]))
    shapes = ("(?:{})", "((?:{}){{0,3}})(?![가-힣])", "(?:{})?(?:{}){{0,3}}")
    for shape in shapes:
        plain = re.compile(shape.format(alternation, alternation))
        trie = re.compile(shape.format(trie_regex(words), trie_regex(words)))
        assert [(m.span(), m.groups()) for m in trie.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]


_KEYS = st.sampled_from(["batch", "batch size", "size", "sizes", "the", "b", "of size"])


@given(st.sets(_KEYS), st.sets(_KEYS), _PROSE)
def test_first_words_read_every_counted_phrase(
    often: set[str], counted: set[str], text: str
) -> None:
    """Reading English from _first_words alone gives every phrase with a counted key that
    reading from every first word of the keys kept often gives."""
    counted &= often
    everything = {key.split(" ", 1)[0] for key in often}
    wanted = [p for p in TwoWordPhrases(everything)(text) if p[0] in counted]
    assert [
        p for p in TwoWordPhrases(_first_words(often, counted))(text) if p[0] in counted
    ] == wanted
