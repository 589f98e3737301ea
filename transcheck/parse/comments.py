"""HTML comments of a file with their lines, for inline suppression directives.

Comments come from raw HTML blocks and from inline HTML in paragraphs, headings, list items and
table cells; never from code (fenced, indented or inline), where markdown-it leaves them as text.
MDX has no HTML comments: there a ``{/* … */}`` expression is the comment, alone on its lines
or in text, and is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Comment
from transcheck.parse.positions import LineMap

_COMMENT = compiled(r"<!--(.*?)-->", re.DOTALL)
_MDX_COMMENT = compiled(r"\{\s*/\*(.*?)\*/\s*\}", re.DOTALL)


def _in_fragment(
    fragment: str, first_line: int, pattern: Callable[[], re.Pattern[str]] = _COMMENT
) -> list[Comment]:
    """The comments of a raw HTML fragment (or MDX expression, with ``_MDX_COMMENT``) whose
    first character is on ``first_line``."""
    found = []
    for match in pattern().finditer(fragment):
        line = first_line + fragment.count("\n", 0, match.start())
        end_line = line + match.group(0).count("\n")
        found.append(Comment(line, end_line, match.group(1)))
    return found


def collect_comments(tokens: Iterable[Token]) -> tuple[Comment, ...]:
    """Every HTML comment among the block tokens handed to it (and the inline HTML of their
    inline children), and every MDX ``{/* … */}`` comment in them: the walk hands over only the
    tokens that may hold one (see ``Walker.commented``)."""
    found: list[Comment] = []
    for token in tokens:
        if token.map is None:
            continue
        if token.type == "inline" and token.children == [] and "{/*" in token.content:
            found += _in_fragment(token.content, token.map[0] + 1, _MDX_COMMENT)  # own lines
            continue
        if "<!--" not in token.content and "/*" not in token.content:
            continue
        if token.type == "html_block":
            found += _in_fragment(token.content, token.map[0] + 1)
        elif token.type == "inline":
            lines = LineMap(token.content, token.map[0] + 1)
            for child in token.children or []:
                if child.type == "html_inline" and child.content.startswith("<!--"):
                    found += _in_fragment(child.content, lines.line_of(child, lines.line_at(0)))
                elif child.type == "mdx_expression" and child.content.strip().startswith("/*"):
                    line = lines.line_of(child, lines.line_at(0))
                    found += _in_fragment(f"{{{child.content}}}", line, _MDX_COMMENT)
    return tuple(found)
