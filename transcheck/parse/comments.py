"""HTML comments of a file with their lines, for inline suppression directives.

Comments come from raw HTML blocks and from inline HTML in paragraphs, headings, list items and
table cells; never from code (fenced, indented or inline), where markdown-it leaves them as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it.token import Token

from transcheck.model import Comment
from transcheck.parse.positions import LineMap

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def _in_fragment(fragment: str, first_line: int) -> list[Comment]:
    """The comments of a raw HTML fragment whose first character is on ``first_line``."""
    found = []
    for match in _COMMENT.finditer(fragment):
        line = first_line + fragment.count("\n", 0, match.start())
        end_line = line + match.group(0).count("\n")
        found.append(Comment(line, end_line, match.group(1)))
    return found


def collect_comments(tokens: Iterable[Token]) -> tuple[Comment, ...]:
    """Every HTML comment among block tokens (and the inline HTML of their inline children)."""
    found: list[Comment] = []
    for token in tokens:
        if "<!--" not in token.content or token.map is None:
            continue
        if token.type == "html_block":
            found += _in_fragment(token.content, token.map[0] + 1)
        elif token.type == "inline":
            lines = LineMap(token.content, token.map[0] + 1)
            for child in token.children or []:
                if child.type == "html_inline" and child.content.startswith("<!--"):
                    found += _in_fragment(child.content, lines.line_of(child, lines.line_at(0)))
    return tuple(found)
