"""The block parser's line marks, found with string methods a line at a time.

markdown-it's ``StateBlock`` records, for each line, where it begins and ends and how far its
leading blanks reach (in characters and in columns, tabs expanded), scanning the blanks one
character at a time in Python. Here the text is split once and each line's blanks are measured
by ``str.lstrip``; the marks are the same (a property test holds them equal to markdown-it's).
Each line's first begin and its end stay in the env (``LINES``), so the walk after parsing can
cut a line out of the text without splitting it again (see ``parse.unclosed``).
"""

from __future__ import annotations

from itertools import accumulate, repeat
from operator import add, sub
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.utils import EnvType

from transcheck.parse.tokens import new_token

Marks = tuple[list[int], list[int], list[int], list[int], list[int]]
LINES = "transcheck_lines"  # key in the env: each line's begin and end offsets in the text


def line_text(state: StateBlock, line: int) -> str:
    """A line's text after its indent, without its trailing blanks."""
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].rstrip()


def _columns(blanks: str) -> int:
    """The width of leading blanks, a tab reaching the next multiple of four."""
    width = 0
    for char in blanks:
        width += 4 - width % 4 if char == "\t" else 1
    return width


def line_marks(src: str) -> Marks:
    """``bMarks``, ``eMarks``, ``tShift``, ``sCount`` and ``bsCount`` of ``src``, each with the
    end-of-text entry markdown-it adds (a last line of blanks without a line break has none)."""
    lines = src.split("\n")
    if not lines[-1].strip(" \t"):  # the empty rest after a final "\n", or a last blank line
        lines.pop()
    lengths = list(map(len, lines))
    begins = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    ends = list(map(add, begins, lengths))
    begins.pop()
    shifts = list(map(sub, lengths, map(len, map(str.lstrip, lines, repeat(" \t")))))
    if "\t" in src:
        columns = [
            _columns(line[:shift]) if "\t" in line[:shift] else shift
            for shift, line in zip(shifts, lines, strict=True)
        ]
    else:
        columns = shifts.copy()
    size = len(src)
    begins.append(size)
    ends.append(size)
    shifts.append(0)
    columns.append(0)
    return begins, ends, shifts, columns, [0] * len(begins)


class LineMarkedState(StateBlock):
    """markdown-it's block state, its line marks found by ``line_marks`` and its tokens made
    by ``new_token``; the lines' first begins and their ends are kept in the env (``LINES``)."""

    def __init__(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> None:
        """Every field as markdown-it sets it (for an empty text), then the marks of ``src``."""
        super().__init__("", md, env, tokens)
        self.src = src
        self.bMarks, self.eMarks, self.tShift, self.sCount, self.bsCount = line_marks(src)
        self.lineMax = len(self.bMarks) - 1
        self._begins = self.bMarks.copy()  # block quotes and plugins move a line's begin mark
        env[LINES] = (self._begins, self.eMarks)  # neither list is changed after this

    def getLines(self, begin: int, end: int, indent: int, keepLastLF: bool) -> str:
        """Lines ``begin`` to ``end`` (exclusive) as ``StateBlock.getLines`` cuts them. With no
        indent to cut, and no line but the first begun past its start (as a block quote's
        lines are), they follow one another in the text: one slice, where ``getLines`` cuts
        and joins them line by line (25,000 of the 34,500 lines it cuts on vue-docs)."""
        if indent == 0 and self.bMarks[begin + 1 : end] == self._begins[begin + 1 : end]:
            if begin >= end:
                return ""
            stop = self.eMarks[end - 1] + 1 if keepLastLF else self.eMarks[end - 1]
            return self.src[self.bMarks[begin] : stop]
        return super().getLines(begin, end, indent, keepLastLF)

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """Push a new token as ``StateBlock.push`` does (made by ``new_token``)."""
        if nesting < 0:  # closing tag
            self.level -= 1
        token = new_token(ttype, tag, nesting, self.level, True, {})
        if nesting > 0:  # opening tag
            self.level += 1
        self.tokens.append(token)
        return token
