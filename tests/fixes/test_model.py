"""Placing a fix: exact columns on the original line, and no fix when it would be ambiguous."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from transcheck.fixes import Edit, Replacement, Safety, SourceText
from transcheck.fixes.model import NEWLINE, split_lines


def text(source: str) -> SourceText:
    return SourceText.of(source.encode("utf-8"), source)


def test_columns_count_code_points_of_the_original_line_end_exclusive() -> None:
    placed = text("a\n한글 [링크](#old) 끝\n").place(Replacement(2, "#old", "#새"))
    assert placed == Edit(2, 9, 2, 13, "#새", "#old")


def test_a_replacement_that_is_not_a_whole_token_once_is_not_placed() -> None:
    source = text("[a](#old) [b](#old-two) [c](x#old)\n[d](#dup) [e](#dup)\n")
    assert source.place(Replacement(1, "#old", "#new")) is not None  # only the first is whole
    assert source.place(Replacement(2, "#dup", "#new")) is None  # twice: which one?
    assert source.place(Replacement(1, "#absent", "#new")) is None
    assert source.place(Replacement(9, "#old", "#new")) is None
    assert source.place(Replacement(1, "#old", "#old")) is None
    assert source.place(Replacement(1, "#old", "#new\n")) is None


def test_nfd_text_is_matched_as_written_or_not_at_all() -> None:
    nfd = unicodedata.normalize("NFD", "[가](#가나)\n")
    assert text(nfd).place(Replacement(1, "#가나", "#다")) is None
    assert text(nfd).place(Replacement(1, unicodedata.normalize("NFD", "#가나"), "#다"))


def test_a_fix_shows_its_lines_before_and_after() -> None:
    source = text("x\n[a](#old) and [b](../p-kr)\n")
    fix = source.fix(
        "write ids",
        Safety.SAFE,
        [Replacement(2, "#old", "#new"), Replacement(2, "../p-kr", "../p")],
    )
    assert fix is not None and fix.safe
    assert fix.before == ((2, "[a](#old) and [b](../p-kr)"),)
    assert fix.after() == ((2, "[a](#new) and [b](../p)"),)
    assert (
        source.fix("two edits of one span", Safety.SAFE, [Replacement(2, "#old", "#a")] * 2) is None
    )


def test_a_delimited_replacement_may_touch_words_but_not_hide_in_a_longer_one() -> None:
    source = text("이는 $D$와 $F$의 영향\n$$D$$와 $D$\n")
    placed = source.place(Replacement(1, "$D$", "$$D$$", whole=False))
    assert placed == Edit(1, 4, 1, 7, "$$D$$", "$D$")
    assert source.place(Replacement(1, "$D$", "$$D$$")) is None  # 와 continues the token
    assert source.place(Replacement(2, "$D$", "$$D$$", whole=False)) is None  # also inside $$D$$


@given(st.text(alphabet="ab한\r\n\u2028 ", max_size=30))
def test_lines_split_as_the_newline_pattern(source: str) -> None:
    """split_lines' str.split for text without CR gives the lines NEWLINE gives."""
    assert split_lines(source) == NEWLINE.split(source)
