"""A run of lines that the site reads as a block of its own (an MDX flow expression, a line of
Hugo shortcodes or of Liquid tags) becomes a paragraph that holds only them.

markdown-it would otherwise read such a line as text: the ``---`` under it would make a setext
heading, and a table after it would swallow it as a row. As its own paragraph it is closed at
its last line, so what follows is parsed as the site parses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.rules_block import StateBlock

BlockRule = Callable[[StateBlock, int, int, bool], bool]


def push_own_paragraph(state: StateBlock, start: int, last: int, content: str) -> None:
    """Lines ``start``..``last`` (0-based, inclusive) as one paragraph holding ``content``."""
    opening = state.push("paragraph_open", "p", 1)
    opening.map = [start, last + 1]
    inline = state.push("inline", "", 0)
    inline.content = content
    inline.map = [start, last + 1]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    state.line = last + 1


def own_line_rule(line: re.Pattern[str]) -> BlockRule:
    """A block rule making a line that ``line`` matches whole a paragraph of its own."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.sCount[start] - state.blkIndent >= 4:
            return False
        text = state.src[state.bMarks[start] : state.eMarks[start]]
        if line.fullmatch(text) is None:
            return False
        if not silent:
            push_own_paragraph(state, start, start, text.strip())
        return True

    return rule
