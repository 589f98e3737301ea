"""The glossary's matching and unit shortcuts of issue 16 answer as the plain forms they stand
for: each test holds the plain form and draws inputs where the shortcut could differ."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from transcheck.checks.glossary import _KEPT_NAME, _NO_NAMES, _QUOTE_MARK, _QUOTED, _marked
from transcheck.glossary.matcher import _FOLDED_OTHERWISE, _lowered
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
