"""Short cuts of the walk from tokens into a Document read what the plain walk reads: a run of
one text token is the items ``collect_inline`` collects from it, and so is HTML text without a
``$`` or a line break; an in-page link's fragment is read off its URL as ``Link.fragment`` and
``Link.path_part`` give it; a Liquid tag's arguments are found by one scan; the records a closed
link or element is made anew as carry every field."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given
from hypothesis import strategies as st

from transcheck.model import Link, LinkKind, Markup
from transcheck.parse.dialects import DIALECTS
from transcheck.parse.dollars import math_text_parser
from transcheck.parse.inline import _html_text, collect_inline, text_items
from transcheck.parse.liquid import _ARG, LiquidArg, liquid_args
from transcheck.parse.parsers import markdown
from transcheck.parse.positions import LineMap

PIECES = [*"ab 1,.:;-'\"?#", "한글", "  ", "\t", "\u00a0", "x y", "2.5%", "\\", "`", "*", "<", "["]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.integers(1, 50))
def test_a_one_text_run_is_what_collect_inline_reads(text: str, line: int) -> None:
    for dialect in DIALECTS:
        for token in markdown(dialect).parse(text, {}):
            children = token.children or []
            if token.type != "inline" or "\n" in token.content:
                continue
            if len(children) == 1 and children[0].type == "text":
                plain = collect_inline(children, LineMap(token.content, line), {}, jsx=True)
                assert repr(text_items(children[0].content, line)) == repr(plain)


HTML_TEXT = [*PIECES, "$", "$$", "$x$", "\n", "\r", "\r\n", "\0", "&amp;", "**b**", "_i_", "<b>"]


@given(st.lists(st.sampled_from(HTML_TEXT), max_size=12).map("".join), st.integers(1, 50))
def test_html_text_is_what_the_math_parser_reads(text: str, line: int) -> None:
    tokens = math_text_parser().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    assert repr(_html_text(text, line)) == repr(collect_inline(children, LineMap(text, line), {}))


@given(st.text(alphabet="#a/.?:%", max_size=6))
def test_an_in_page_fragment_is_read_off_the_url(url: str) -> None:
    link = Link(url, 1, LinkKind.INLINE)
    in_page = link.in_page_fragment  # as parse.document._with_site_ids reads it
    assert (in_page is not None) == bool(link.fragment and not link.path_part)
    if in_page is not None:
        assert in_page == link.fragment


def test_closed_links_and_elements_are_made_with_every_field() -> None:
    # parse.inline's close_link and close_element make these records anew, field by field.
    assert [f.name for f in dataclasses.fields(Link)] == [
        "url", "line", "kind", "text", "definition_line",
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(Markup)] == [
        "kind", "name", "attrs", "line", "text", "percent",
    ]  # fmt: skip


def _plain_liquid_args(body: str) -> tuple[str, tuple[LiquidArg, ...]]:
    """``liquid_args`` as it was: the first pair searched for, then every pair found again."""
    start = len(body) - len(body.lstrip(" \t\n-"))
    stripped = body.rstrip(" \t\n-")
    match = re.match(r"\S*", stripped[start:])
    name = match.group(0) if match else ""
    rest_at = start + len(name)
    rest = stripped[rest_at:]
    args: list[LiquidArg] = []
    first = _ARG().search(rest)
    bare = rest[: first.start()] if first else rest
    if bare.strip():
        args.append(LiquidArg("", bare.strip(), rest_at + len(bare) - len(bare.lstrip())))
    for found in _ARG().finditer(rest):
        group = next(g for g in (2, 3, 4) if found.group(g) is not None)
        value = found.group(group)
        if group in (2, 3):
            quote = '"' if group == 2 else "'"
            value = value.replace("\\" + quote, quote)
        args.append(LiquidArg(found.group(1), value, rest_at + found.start(group)))
    return name, tuple(args)


LIQUID = [*" \t\n-=\"'", '\\"', "a", "x=", "path=", 'caption="c"', "k='v'", "include", "f.liquid"]


@given(st.lists(st.sampled_from(LIQUID), max_size=14).map("".join))
def test_liquid_arguments_are_what_two_scans_find(body: str) -> None:
    assert repr(liquid_args(body)) == repr(_plain_liquid_args(body))
