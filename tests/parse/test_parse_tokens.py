"""Tokens made field by field (``parse.tokens``) are markdown-it's own, the states that push
them push what markdown-it's states push, and the core rules that share one walk over the block
tokens (explicit ids, inline parsing, the runs handed to linkify and text-join) make what a walk
per rule makes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import rules_core
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote.index import footnote_tail

from transcheck.parse.dialects import DIALECTS
from transcheck.parse.headings import _EXPLICIT_ID, cut_explicit_id, split_explicit_id
from transcheck.parse.linemarks import LineMarkedState
from transcheck.parse.parsers import RUNS, check_runs_followers, markdown
from transcheck.parse.positions import POS, _PositionedState, stamped
from transcheck.parse.tokens import new_token

PIECES = [
    *"`*_~[]()!<>&$\\{}:@\n ", "a", "한글", "**x**", "~~y~~", "[l](/u)", "<b>", "</b>", "`c`",
    "$m$", "&amp;", "https://e.com/", "{x}", "{% y %}", "{{< z >}}", "[^1]", "![i](s)",
]  # fmt: skip


TOKEN_FIELDS = st.tuples(
    st.text(max_size=4),  # type
    st.sampled_from(["", "p", "h2"]),  # tag
    st.sampled_from([-1, 0, 1]),  # nesting
    st.integers(0, 4),  # level
    st.booleans(),  # block
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),  # meta
    st.text(max_size=4),  # content
)


@given(TOKEN_FIELDS)
def test_new_token_is_markdown_its_token(fields: tuple[Any, ...]) -> None:
    ttype, tag, nesting, level, block, meta, content = fields
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


ID_PIECES = [*"{}#:/*. \t\n-", "\u3000", "\xa0", "\x1c", "a", "한", "{#x}", "{: #y .c}", "{/*z*/}"]


@given(st.lists(st.sampled_from(ID_PIECES), max_size=12).map("".join))
def test_explicit_id_pretest_changes_nothing(source: str) -> None:
    """``split_explicit_id`` answers as its pattern alone would, though it asks the pattern
    only of a source ending in "}" (before trailing blanks)."""
    match = _EXPLICIT_ID().search(source)
    expected = (
        (source, None)
        if match is None
        else (source[: match.start()].rstrip(), match.group(1) or match.group(2))
    )
    assert split_explicit_id(source) == expected


def _plain_parse(dialect: str, text: str) -> tuple[list[Token], dict[str, Any]]:
    """``text`` parsed with markdown-it's own inline core rule, every heading's explicit id cut
    off in a walk of its own before it."""

    def plain_inline(state: StateCore) -> None:
        for index, token in enumerate(state.tokens):
            if token.type == "heading_open":
                cut_explicit_id(state.tokens[index + 1])
        rules_core.inline(state)

    md = markdown.__wrapped__(dialect)
    md.core.ruler.at("inline", plain_inline)
    md.core.ruler.at("linkify", stamped(rules_core.linkify))
    md.core.ruler.at("text_join", rules_core.text_join)
    env: dict[str, Any] = {}
    return md.parse(text, env), env


RUN_PIECES = [
    *"\n#{}[]`*\\&@", "# ", "## ", "a", "{#x}", "{/*y*/}", "\n===\n", "| a |\n|---|\n", "- ",
    "> ", "https://e.com/", "x@y.co", "&amp;", "\\*", "[l](//u)", "<!-- c -->\n", "```\n",
]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=20).map("".join))
def test_one_walk_gives_the_tokens_of_a_walk_per_rule(text: str) -> None:
    """The inline core rule that cuts explicit ids and keeps the runs for linkify and text-join
    gives the tokens of markdown-it's rules walking every block token each."""
    for dialect in DIALECTS:
        env: dict[str, Any] = {}
        ours = markdown(dialect).parse(text, env)
        plain, plain_env = _plain_parse(dialect, text)
        assert [t.as_dict() for t in ours] == [t.as_dict() for t in plain]
        assert env[RUNS] == [t for t in ours if t.type == "inline"]
        assert RUNS not in plain_env


def test_a_core_rule_that_may_add_runs_after_inline_is_refused() -> None:
    """A core rule between "inline" and "text_join" that adds inline runs (footnotes moved to
    the end) would have them skipped by the rules handed the kept runs: building refuses it."""
    for dialect in DIALECTS:
        check_runs_followers(markdown(dialect))  # today's parsers pass
    md = markdown.__wrapped__("gfm")
    md.core.ruler.after("inline", "footnote_tail", footnote_tail)
    with pytest.raises(ValueError, match="footnote_tail"):
        check_runs_followers(md)


LINE_PIECES = [*"ab> \t\n", "한", "  - ", "\n\n", "    x"]


@given(st.lists(st.sampled_from(LINE_PIECES), max_size=16).map("".join), st.data())
def test_get_lines_cuts_what_markdown_it_cuts(src: str, data: st.DataObject) -> None:
    """Lines cut as one slice are the lines markdown-it's ``getLines`` joins, also after a block
    quote moved some lines' begin marks past their ``>``."""
    state = LineMarkedState(src, markdown("gfm"), {}, [])
    lines = state.lineMax
    for line in data.draw(st.lists(st.integers(0, max(lines - 1, 0)), max_size=3)):
        if line < lines:
            state.bMarks[line] = data.draw(st.integers(state.bMarks[line], state.eMarks[line]))
    begin = data.draw(st.integers(0, lines))
    end = data.draw(st.integers(0, lines))
    indent = data.draw(st.sampled_from([0, 0, 1, 2, 4]))
    keep = data.draw(st.booleans())
    assert _cut(state.getLines, begin, end, indent, keep) == _cut(
        partial(StateBlock.getLines, state), begin, end, indent, keep
    )


def _cut(get_lines: Callable[[int, int, int, bool], str], *args: Any) -> str | type:
    """What ``get_lines`` returns, or the exception it raises (markdown-it's indexes past the
    text when asked to keep the last line break of a text without one, and cut an indent)."""
    try:
        return get_lines(*args)
    except IndexError as error:
        return type(error)


PLAIN_PIECES = ["a", "한글", " ", ".", ",", "/", "'", '"', "(", ")", "?", "é", "\t", *"*[\n:-{"]


@given(st.lists(st.sampled_from(PLAIN_PIECES), max_size=12).map("".join))
def test_a_plain_run_is_the_text_token_tokenizing_makes(src: str) -> None:
    """A run without a terminator is the one text token, with its offset, that tokenizing it
    makes; any other run is tokenized."""
    for dialect in DIALECTS:
        md = markdown(dialect)
        ours: list[Token] = []
        md.inline.parse(src, md, {}, ours)
        state = _PositionedState(src, md, {}, [])
        md.inline.tokenize(state)
        for rule in md.inline.ruler2.getRules(""):
            rule(state)
        assert [t.as_dict() for t in ours] == [t.as_dict() for t in state.tokens]
        plain = bool(src) and md.inline.terminator_re.search(src) is None
        assert (md.inline.first_stop(src) is None) == plain


def test_a_rule_that_may_start_anywhere_turns_plain_runs_off() -> None:
    md = markdown.__wrapped__("gfm")
    assert md.inline.first_stop("abc") is None
    md.inline.ruler.push("anywhere", lambda state, silent: False)
    assert md.inline.first_stop("abc") == 3
    md = markdown.__wrapped__("gfm")
    assert (
        md.inline.first_stop("abc") is None
    )  # remembered before the post-processing rule is added
    md.inline.ruler2.push("after", lambda state: None)
    assert md.inline.first_stop("abc") == 3


def _mark_a(state: StateInline, silent: bool) -> bool:
    """An inline rule no table lists: a token of its own for each "a"."""
    if state.src[state.pos] != "a":
        return False
    if not silent:
        state.push("mark_a", "", 0)
    state.pos += 1
    return True


def test_an_unlisted_rule_turns_plain_runs_off_whatever_the_terminators() -> None:
    """A rule missing from the tables may start on any character, even when "." (the start
    character it used to be given) is a terminator."""
    md = markdown.__wrapped__("gfm")
    md.inline.add_terminator_char(".")
    md.inline.ruler.before("text", "mark_a", _mark_a)
    assert md.inline.first_stop("abc") == 3
    tokens: list[Token] = []
    md.inline.parse("abc", md, {}, tokens)
    assert [token.type for token in tokens] == ["mark_a", "text"]
