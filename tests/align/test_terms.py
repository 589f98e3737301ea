"""The kept-term index answers exactly as the plain rule it indexes: a Korean word is an English
word when one starts with its stem, it starts with one's stem, or (five letters or more) it is
part of one. Block alignment and the drift rules depend on that answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transcheck.align.terms import EnglishWords, words


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
