"""Markup opened and never closed: a code fence, a ``$$`` formula, an HTML comment.

A fence whose closing line was lost is often closed by the closing line of the next code block,
and the opening line of that block (```js) becomes code: such a fence counts as unclosed too.

markdown-it closes what is left open at the end of the document (or of the HTML block), so the
tokens look normal while everything after the opening renders as code, math or nothing. Found
here from the tokens plus the lines they cover; ``{% details %}`` balance is checked with the
Liquid tags (see checks.markup).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Unclosed

LineSpans = tuple[Sequence[int], Sequence[int]]  # each line's begin and end offsets

_QUOTE_PREFIX = re.compile(r"^[\s>]*")
_CODE_SPAN = compiled(r"(`+)(?:.+?)\1", re.DOTALL)
_DOLLARS = compiled(r"(?<!\\)\$\$")


def _closes_fence(line: str, markup: str) -> bool:
    """Whether ``line`` (container prefixes such as ``>`` stripped) closes a fence opened with
    ``markup`` (at least as many of the same character, nothing else)."""
    stripped = _QUOTE_PREFIX.sub("", line).rstrip()
    return len(stripped) >= len(markup) and set(stripped) == {markup[0]}


@lru_cache(maxsize=64)
def _fence_opener(run: str) -> re.Pattern[str]:
    """A line that reads as the opening of another fence inside a fence whose opener needs
    ``run`` (``` plus an info string such as ```js, at least as long as ``run``): the fence
    above it was not closed where it should have been, and the closing fence of the next block
    closed it instead. (A fence that shows Markdown with fences inside uses a longer fence, as in
    ````md.) One search over the block's content finds such a line, whatever the block's length."""
    fence = f"{re.escape(run[0])}{{{len(run)},}}"
    return re.compile(rf"^[^\S\n]*{fence}[^\S\n]*[^\s`~]", re.MULTILINE)


def opens_fence(content: str, markup: str) -> bool:
    """Whether a line of ``content`` opens another fence (see ``_fence_opener``); searched for only
    in a content holding a run of the fence's character as long as the opener needs, which most
    code does not hold."""
    run = markup[0] * max(len(markup), 3)
    return run in content and _fence_opener(run).search(content) is not None


def _fence(token: Token, text: str, lines: LineSpans) -> Unclosed | None:
    assert token.map is not None
    first, end = token.map
    begins, ends = lines
    if (
        end - first < 2
        or not _closes_fence(text[begins[end - 1] : ends[end - 1]], token.markup)
        or opens_fence(token.content, token.markup)
    ):
        return Unclosed("fence", first + 1, token.markup)
    return None


def _comment(token: Token) -> Unclosed | None:
    assert token.map is not None
    start = token.content.find("<!--")
    if token.content.lstrip().startswith("<!--") and "-->" not in token.content[start:]:
        return Unclosed("comment", token.map[0] + 1, "<!--")
    return None


def _math(token: Token) -> Unclosed | None:
    """An odd ``$$`` in a paragraph (code spans and ``\\$`` left out): the last one opens a
    formula that the paragraph never closes. (A ``$$`` block is a math_block token; one left
    open swallows the next formula's opening, see find_unclosed.)"""
    assert token.map is not None
    text = _CODE_SPAN().sub(
        lambda m: "".join(c if c == "\n" else " " for c in m.group(0)), token.content
    )
    found = [m.start() for m in _DOLLARS().finditer(text)]
    if len(found) % 2:
        return Unclosed("math", token.map[0] + 1 + text.count("\n", 0, found[-1]), "$$")
    return None


def find_unclosed(tokens: Sequence[Token], text: str, lines: LineSpans) -> tuple[Unclosed, ...]:
    """Every fence, ``$$`` formula and HTML comment block left open, in line order, among
    ``tokens``: the fences, HTML blocks, ``$$`` blocks and paragraphs' inline tokens of a file
    (the walk hands them over as it meets them, see ``parse.walker``). ``lines`` gives each
    line's begin and end offsets in ``text`` (the block parser's, see ``parse.linemarks``)."""
    found: list[Unclosed | None] = []
    for token in tokens:
        kind = token.type
        if token.map is None:
            continue
        if kind == "inline":
            # a paragraph's text: only one holding "$$" can leave a formula open
            if "$$" in token.content:
                found.append(_math(token))
        elif kind == "fence":
            found.append(_fence(token, text, lines))
        elif kind == "html_block":
            found.append(_comment(token))
        elif kind in ("math_block", "math_block_label") and "$$" in token.content:
            # an open $$ block runs on to the next line ending in $$, over other formulas
            found.append(Unclosed("math", token.map[0] + 1, "$$"))
    return tuple(sorted([item for item in found if item is not None], key=lambda item: item.line))
