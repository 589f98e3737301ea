"""Tokens made field by field, for the block and inline states that push nearly every token.

markdown-it's ``Token`` is a dataclass: its ``__init__`` tests each of its 13 fields for a default
(two of them default factories), then ``__post_init__`` converts ``attrs``, making a second empty
dict. Our states push ~89,000 tokens on a 238-page site, at twice the cost of storing the fields
directly; ``new_token`` stores them directly, equal to ``Token(type, tag, nesting)`` with the
given fields set after it (a test holds it equal).
"""

from __future__ import annotations

from typing import Any, Literal

from markdown_it.token import Token

_new = Token.__new__


def new_token(
    ttype: str,
    tag: str,
    nesting: Literal[-1, 0, 1],
    level: int,
    block: bool,
    meta: dict[Any, Any],
    content: str = "",
) -> Token:
    """``Token(ttype, tag, nesting)`` with its ``level``, ``block``, ``meta`` and ``content``."""
    token = _new(Token)
    token.type = ttype
    token.tag = tag
    token.nesting = nesting
    token.attrs = {}
    token.map = None
    token.level = level
    token.children = None
    token.content = content
    token.markup = ""
    token.info = ""
    token.meta = meta
    token.block = block
    token.hidden = False
    return token
