"""content-drift's lost terms: the pretest that skips indexing the English words (a term that
starts a word of the English is kept) answers as the plain computation, which indexes them
for every block."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transcheck.align import terms
from transcheck.checks.drift import MIN_LOST_TERMS, lost_terms
from transcheck.model import Block
from transcheck.parse import parse_markdown


def _plain(english: Block, korean: str) -> list[str]:
    """lost_terms as first written: the English words always indexed."""
    kept = sorted(terms.korean_terms(korean))
    needed = max(MIN_LOST_TERMS, (len(kept) + 1) // 2)
    if len(kept) < needed:
        return []
    words = terms.english_words(terms.everything(english))
    lost = [word for word in kept if not words.keep(word)]
    return lost if len(lost) >= needed else []


# Latin words, their inflections and parts, neighbours that glue to a word (- + # digits),
# characters that lower to ASCII letters (the Kelvin sign, dotted I) and Hangul.
_PIECES = ["Vue", "vue", "Vuex", "props", "prop", "mounting", "mount", "In-DOM", "dom", "c++"]
_PIECES += ["C#", "x86", "-", "+", "#", "_", ".", "/", " ", " ", "\u212aeep", "keep", "\u0130d"]
_PIECES += ["id", "2x", "를", "컴포넌트", "(", "[link](https://vuejs.org/guide)", "`code`", "é"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join),
)
@example("Use the Vue props.", "Vuex props mounting 를")
@example("\u212aeep \u212aept it", "keep kept 값을")
@example("x-vue and c++", "vue c++ 를 dom")
def test_lost_terms_is_the_plain_computation(english: str, korean: str) -> None:
    document = parse_markdown(english, "en.md")
    for section in document.sections:
        for block in section.blocks:
            assert lost_terms(block, korean) == _plain(block, korean)
