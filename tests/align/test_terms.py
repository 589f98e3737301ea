"""The kept-term index answers exactly as the plain rule it indexes: a Korean word is an English
word when one starts with its stem, it starts with one's stem, or (five letters or more) it is
part of one. Block alignment and the drift rules depend on that answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transcheck.align import terms
from transcheck.align.terms import (
    EnglishWords,
    _agreement,
    english_words,
    korean_terms,
    starts_word,
    words,
)
from transcheck.parse.document import parse_markdown

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _plain(word: str, english: set[str]) -> bool:
    """The rule, word against every English word (what the index must equal)."""

    def stem(w: str) -> str:
        return w[: max(3, len(w) - 2)]

    return any(
        other.startswith(stem(word))
        or word.startswith(stem(other))
        or (len(word) >= 5 and word in other)
        for other in english
    )


_WORD = st.text(alphabet="abcdeilmnoprst-", min_size=3, max_size=12).filter(
    lambda w: w[0] != "-" and w[-1] != "-"
)


@given(st.sets(_WORD, max_size=12), st.lists(_WORD, max_size=12))
def test_the_index_answers_as_the_rule(english: set[str], korean: list[str]) -> None:
    index = EnglishWords(english)
    for word in korean:
        assert index.keep(word) == _plain(word, english), (word, english)


def test_kept_forms_of_real_terms() -> None:
    english = EnglishWords(words("TPUs mounting tree-shaking in-DOM templates", parts=True))
    assert [english.keep(w) for w in ("tpu", "mount", "shaking", "dom", "template")] == [True] * 5
    assert not english.keep("props")
    assert not english.keep("sharding")


# Latin words, their inflections and parts, neighbours that glue to a word (- + # digits),
# characters that lower to ASCII letters (the Kelvin sign, dotted I) and Hangul.
_PIECES = ["Vue", "vue", "Vuex", "props", "prop", "mounting", "mount", "In-DOM", "dom", "c++"]
_PIECES += ["C#", "x86", "-", "+", "#", "_", ".", "/", " ", " ", "\u212aeep", "keep", "\u0130d"]
_PIECES += ["id", "2x", "를", "컴포넌트", "(", "https://vuejs.org/guide", "`code`", "é", "\ud800"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join),
)
@example("Use the Vue props.", "Vuex props mounting 를")
@example("\u212aeep \u212aept it", "keep kept 값을")
@example("x-vue and c++", "vue c++ 를 dom")
def test_agreement_is_the_plain_count(english: str, korean: str) -> None:
    """Terms found starting a word of the English (no index built) count as the index says."""
    index = english_words(english)
    plain = sum(1 if index.keep(word) else -1 for word in korean_terms(korean))
    _agreement.cache_clear()
    assert _agreement(english, korean) == plain
    # the pretest itself never keeps a term the index would not
    written = english.encode("utf-8", "surrogatepass").lower()
    for word in korean_terms(korean):
        assert not starts_word(word, written) or index.keep(word)


_TWO_OR_MORE = re.compile(r"[A-Za-z][A-Za-z0-9+#-]*[A-Za-z0-9+#]")  # words' pattern as it was


def _words_as_they_were(text: str, parts: bool = False) -> set[str]:
    """``words`` as first written: every match of two characters or more, lowered, hyphenated
    parts added, then the short ones dropped."""
    found = {word.lower() for word in _TWO_OR_MORE.findall(text)}
    if parts:
        found |= {p for w in found if "-" in w for p in [*w.split("-"), w.replace("-", "")]}
    return {word for word in found if len(word) >= 3}


# Short words next to long ones and to the characters that continue or end a word.
_GLUED = ["ab", "a", "abc", "x-y", "ab-cd", "a-b-c", "-", "+", "#", "9", "_", ".", " ", "값", "C#"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_GLUED + _PIECES), max_size=16).map("".join), st.booleans())
@example("ab-cd a-b ab+ x9y", True)
def test_words_are_the_two_character_search_filtered(text: str, parts: bool) -> None:
    """The three-character pattern finds what the two-character one found, less the short."""
    assert words(text, parts) == _words_as_they_were(text, parts)


@pytest.mark.parametrize("corpus", ["scaling-book", "vue-docs"])
def test_words_of_every_corpus_block(corpus: str) -> None:
    """Every block text of both sides of a shared corpus, as shown and as prose."""
    root = CORPORA / corpus
    if not root.is_dir():
        pytest.skip("shared corpus not present")
    for path in sorted(root.rglob("*.md")):
        for section in parse_markdown(path.read_text(encoding="utf-8"), str(path)).sections:
            for block in section.blocks:
                for text in (block.text, block.shown):
                    assert words(text, True) == _words_as_they_were(text, True)
                    assert words(text) == _words_as_they_were(text)


@pytest.mark.parametrize(
    ("korean", "expected"),
    [
        ("NLP(Natural Language Processing)란", {"nlp": {"natural", "language", "processing"}}),
        ("대규모 언어 모델(LLM, Large Language Model)을", {"llm": {"large", "language", "model"}}),
        ("언어 모델(Large Language Model, LLM)", {"llm": {"large", "language", "model"}}),
        (
            "using Retrieval-Augmented Generation (RAG)",
            {"rag": {"retrieval", "augmented", "retrieval-augmented", "generation"}},
        ),
        ("SaaS(Software as a Service)", {"saas": {"software", "service"}}),  # minor words count
        ("CLI(command line)는", {}),  # the words do not spell it
        ("GEMM(General Matrix Multiply)", {}),  # two letters of one word: not told
        ("Vue(Vue.js)", {}),
        ("괄호 없는 NLP Natural Language Processing", {}),
    ],
)
def test_glosses_are_acronyms_spelled_out_in_brackets(
    korean: str, expected: dict[str, set[str]]
) -> None:
    assert terms.glosses(korean) == {k: frozenset(v) for k, v in expected.items()}


def test_a_page_title_goes_by_its_acronym() -> None:
    assert terms.acronyms("Natural Language Processing") == {"nlp"}
    assert terms.acronyms("Tour of Go") == {"tog", "tg"}
    assert terms.acronyms("Vue") == frozenset()
