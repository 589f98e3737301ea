"""Tokens made field by field (``parse.tokens``) are markdown-it's own, and the states that push
them push what markdown-it's states push."""

from __future__ import annotations

from typing import Any, Literal

from hypothesis import given
from hypothesis import strategies as st
from markdown_it.parser_inline import ParserInline
from markdown_it.token import Token

from transcheck.parse.dialects import DIALECTS
from transcheck.parse.parsers import markdown
from transcheck.parse.positions import POS
from transcheck.parse.tokens import new_token

PIECES = [
    *"`*_~[]()!<>&$\\{}:@\n ", "a", "한글", "**x**", "~~y~~", "[l](/u)", "<b>", "</b>", "`c`",
    "$m$", "&amp;", "https://e.com/", "{x}", "{% y %}", "{{< z >}}", "[^1]", "![i](s)",
]  # fmt: skip


@given(
    st.text(max_size=4),
    st.sampled_from(["", "p", "h2"]),
    st.sampled_from([-1, 0, 1]),
    st.integers(0, 4),
    st.booleans(),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.text(max_size=4),
)
def test_new_token_is_markdown_its_token(
    ttype: str,
    tag: str,
    nesting: Literal[-1, 0, 1],
    level: int,
    block: bool,
    meta: dict[Any, Any],
    content: str,
) -> None:
    expected = Token(ttype, tag, nesting)
    expected.level, expected.block, expected.meta, expected.content = level, block, meta, content
    made = new_token(ttype, tag, nesting, level, block, dict(meta), content)
    assert made == expected  # every field compared: a field markdown-it adds is missing here
    assert made.attrs is not new_token(ttype, tag, nesting, level, block, {}).attrs


def _unstamped(tokens: list[Token]) -> list[dict[str, Any]]:
    for token in tokens:
        token.meta.pop(POS, None)
    return [token.as_dict() for token in tokens]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_inline_state_pushes_markdown_its_tokens(src: str) -> None:
    """Our inline state's tokens, less their offsets, are those of markdown-it's state."""
    for dialect in DIALECTS:
        md = markdown(dialect)
        ours: list[Token] = []
        md.inline.parse(src, md, {}, ours)
        plain: list[Token] = []
        ParserInline.parse(md.inline, src, md, {}, plain)
        assert _unstamped(ours) == _unstamped(plain)
