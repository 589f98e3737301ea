"""Source positions for inline tokens, which markdown-it leaves without any.

markdown-it gives a line map to block tokens only. Counting line breaks between inline children
is not enough: a code span, a link destination or title, raw HTML and math can all span lines
without leaving a break token behind. So the inline parser is given a state that stamps every
token with ``state.pos`` at the moment it is pushed, and a token's line is the block's first line
plus the newlines of the inline source before that offset.

At push time ``state.pos`` is the start of the construct for every rule of markdown-it and our
plugins. A ``text`` token is flushed later, when the next token is pushed or the run ends, so its
stamp is the offset just after the text; text never holds a newline (the newline rule splits it),
so that offset is on the text's own line.

Three rules leave tokens unstamped: the footnote reference rule replaces its token's meta (it is
stamped again, see ``track_positions``), and the linkify and task-list core rules make tokens
after inline parsing: the rules that run them stamp the runs they were handed (``stamp_run``),
rather than a final pass over every child of every run of the file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType

from transcheck.parse.firstchar import FirstCharParserInline
from transcheck.parse.tokens import new_token

_NEWLINE = re.compile("\n")
POS = "transcheck_pos"  # key in Token.meta; namespaced so no rule of markdown-it overwrites it
# markdown-it's inline state keeps its pending text as a string and the pieces appended since
# (``_pending``, ``_pending_buffer``), joined by its ``pending`` property. Every piece appended is
# non-empty (the ``text`` rule's run, a backtick marker, one character), so text is pending when
# either holds some: our state and tokenizer tell that without the property's join.


class _PositionedState(StateInline):
    """An inline state that records the source offset of every token it pushes, in the meta
    the token is made with (markdown-it's ``push`` and ``pushPending``, their tokens made by
    ``new_token``)."""

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """Push as ``StateInline.push`` does, stamping the token with the current offset."""
        if self._pending_buffer or self._pending:  # ``self.pending``, unjoined (see above)
            self.pushPending()
        token_meta = None
        if nesting < 0:  # closing tag
            self.level -= 1
            self.delimiters = self._prev_delimiters.pop()
        token = new_token(ttype, tag, nesting, self.level, False, {POS: self.pos})
        if nesting > 0:  # opening tag
            self.level += 1
            self._prev_delimiters.append(self.delimiters)
            self.delimiters = []
            token_meta = {"delimiters": self.delimiters}
        self.pendingLevel = self.level
        self.tokens.append(token)
        self.tokens_meta.append(token_meta)
        return token

    def pushPending(self) -> Token:
        """Flush pending text as ``StateInline.pushPending`` does, stamping it with the offset
        where the text ends. The text is read as the ``pending`` property reads it (the text
        so far and the pieces appended since), without the property's calls."""
        pieces = self._pending_buffer
        text = self._pending + "".join(pieces) if pieces else self._pending
        token = new_token("text", "", 0, self.pendingLevel, False, {POS: self.pos}, text)
        self.tokens.append(token)
        self._pending = ""
        if pieces:
            self._pending_buffer = []  # as the property's setter leaves it
        return token


class _PositionedParserInline(FirstCharParserInline):
    """markdown-it's inline parser (asking only the rules that can start at each offset, and
    only the post-processing rules a run has delimiters for, see ``firstchar``), run on a
    :class:`_PositionedState`."""

    def parse(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> list[Token]:
        """Tokenize ``src`` into ``tokens`` (the steps of ``ParserInline.parse``); a plain run
        (see ``first_stop``) is the text token the ``text`` rule would push, stamped with its
        end; another is tokenized from its first terminator found."""
        stop = self.first_stop(src)
        if stop is None:
            tokens.append(new_token("text", "", 0, 0, False, {POS: len(src)}, src))
            return tokens
        state = _PositionedState(src, md, env, tokens)
        self.tokenize(state, stop)
        for rule in self.post_rules(src):
            rule(state)
        return state.tokens


def stamp_run(token: Token) -> None:
    """Stamp the children of the inline run ``token`` that a core rule made after inline
    parsing (linkify's e-mails and ``www.``, a task list's checkbox).

    Such tokens replace one text token, which holds no newline, so the offset of the next stamped
    token (or the end of the run) is on their line.
    """
    following = len(token.content)
    for child in reversed(token.children or ()):
        if POS in child.meta:
            following = child.meta[POS]
        else:
            child.meta[POS] = following


def stamped(rule: Callable[[StateCore], None]) -> Callable[[StateCore], None]:
    """A core rule followed by stamping the children of every inline run, some of which it may
    have made (see stamp_run)."""

    def run(state: StateCore) -> None:
        rule(state)
        for token in state.tokens:
            if token.type == "inline":
                stamp_run(token)

    return run


def _restamped(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """An inline rule that replaces the meta of the token it pushes (the footnote reference's),
    its token stamped again with the offset it started at."""

    def restamp(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent:
            state.tokens[-1].meta[POS] = start
        return True

    return restamp


def track_positions(md: MarkdownIt) -> None:
    """Make ``md`` stamp inline tokens with their offsets; its rules and plugins are kept."""
    md.inline.__class__ = _PositionedParserInline
    for rule in md.inline.ruler.__rules__:
        if rule.name == "footnote_ref":
            md.inline.ruler.at(rule.name, _restamped(rule.fn), {"alt": list(rule.alt)})


class LineMap:
    """Maps offsets of one inline source to 1-based lines of the file."""

    def __init__(self, source: str, first_line: int) -> None:
        """``source`` is an inline token's content; its first character is on ``first_line``."""
        self._first = first_line
        self._breaks = [m.start() for m in _NEWLINE.finditer(source)] if "\n" in source else []
        self.multiline = bool(self._breaks)  # else every offset is on the first line

    def line_at(self, offset: int) -> int:
        """The file line of the character at ``offset`` of the source."""
        return self._first + bisect_left(self._breaks, offset)

    def line_of(self, token: Token, default: int) -> int:
        """The line of a stamped token, or ``default`` for one a post-processing rule made."""
        if not self._breaks:  # a one-line source: every token is on its first line
            return self._first
        offset = token.meta.get(POS) if token.meta else None
        return self.line_at(offset) if isinstance(offset, int) else default
