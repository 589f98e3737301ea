"""The code scanner's shortcuts give what the long way gave: markup's kind read from the last
closed group, and a bound attribute's value holding no comment or string mark taken as written
(not scanned as script), on every code block of both corpora and on generated text."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.checks.test_codecomments_skipping import _MARKS, _code_blocks
from tests.conftest import CORPUS
from transcheck.checks import codecomments
from transcheck.checks.codecomments import _BY_LANGUAGE, _C_LIKE, _scan

_KINDS = ("comment", "embed", "expression", "code", "string")


def kinds(code: str) -> list[tuple[str | None, str]]:
    """Each markup match's kind as the scanner reads it, and as it was read before (the first
    of the alternatives' groups that took part)."""
    return [
        (m.lastgroup, next(kind for kind in _KINDS if m.group(kind) is not None))
        for m in _BY_LANGUAGE["vue"].matches(code)
    ]


def script_values(code: str) -> list[str]:
    """The bound attribute values (quotes included) of the tags in markup ``code``."""
    tags = [m.group(0) for m in _BY_LANGUAGE["vue"].matches(code) if m.lastgroup == "code"]
    return [
        m.group("script")
        for tag in tags
        for m in codecomments._PROSE_ATTRIBUTE().finditer(tag)
        if m.group("script") is not None
    ]


def taken_as_written(value: str) -> bool:
    """Whether ``_tag`` takes a script value as written, and the scan agrees it may."""
    inner = value[1:-1]
    if codecomments._C_LIKE_MARKS().search(value, 1, len(value) - 1) is not None:
        return False
    assert _scan(inner, _C_LIKE) == (inner, inner), value
    return True


_MARKUP_MARKS = [*_MARKS, ' :a="b // c"', " @x='y'", ' v-on:click="go(1)"', "<p>"]


@given(st.lists(st.sampled_from(_MARKUP_MARKS), max_size=30).map("".join))
@example("<script setup>a</script><!-- b -->{{ c }}<p>d</p>")
@example('<a :href="\'/x\' /* y */" v-if="ok">')
def test_shortcuts_give_what_the_long_way_gave(code: str) -> None:
    assert all(new == old for new, old in kinds(code))
    for value in script_values(code):
        taken_as_written(value)


def test_shortcuts_give_what_the_long_way_gave_in_every_code_block() -> None:
    if not (CORPUS / "en").is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    blocks = _code_blocks()
    assert len(blocks) > 1000  # both corpora were read
    taken = 0
    for code in blocks:
        assert all(new == old for new, old in kinds(code)), code
        taken += sum(map(taken_as_written, script_values(code)))
    assert taken > 100  # most bound values hold no mark: the shortcut is taken


def test_a_value_with_a_comment_or_string_is_scanned() -> None:
    # the shortcut would be wrong for these: their scan changes the text or marks a string
    for value in ('"a // b"', "'x /* y */'", "\"f('z')\"", '"`t`"'):
        inner = value[1:-1]
        assert _scan(inner, _C_LIKE) != (inner, inner)
        assert not taken_as_written(value)
    assert re.fullmatch(r"\[[^\]]+\]", codecomments._C_LIKE_MARKS().pattern)
