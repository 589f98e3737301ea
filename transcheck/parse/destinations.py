"""Link destinations read as markdown-it reads them, without its character-by-character loop.

markdown-it's ``parseLinkDestination`` steps through a destination one character at a time in
Python; docs sites link to playground URLs that carry whole programs (over a kilobyte each), so
that loop is a visible share of the parse. This version jumps with a regex to the next character
that matters (a control character, space, parenthesis or backslash; ``<``, ``>``, a newline or a
backslash inside ``<…>``) and does the same thing there, so it returns exactly the same result.
It is installed on our parsers only (see ``parsers``), not on markdown-it's shared helpers.
"""

from __future__ import annotations

import re
from types import ModuleType

from markdown_it import helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers.parse_link_destination import _Result

_PLAIN_STOP = re.compile(r"[\x00-\x20\x7f()\\]")
_ANGLE_STOP = re.compile(r"[\n<>\\]")
_MAX_PARENS = 32  # markdown-it's limit of nested parentheses in a destination


def parse_link_destination(string: str, pos: int, maximum: int) -> _Result:
    """What ``markdown_it.helpers.parseLinkDestination`` returns for the same arguments."""
    start = pos
    result = _Result()
    end = min(maximum, len(string))
    if pos < end and string[pos] == "<":
        pos += 1
        while (stop := _ANGLE_STOP.search(string, pos, end)) is not None:
            pos = stop.start()
            char = string[pos]
            if char == ">":
                result.pos = pos + 1
                result.str = unescapeAll(string[start + 1 : pos])
                result.ok = True
                return result
            if char != "\\":  # a newline or another "<"
                return result
            pos += 2
        return result
    level = 0
    while (stop := _PLAIN_STOP.search(string, pos, end)) is not None:
        pos = stop.start()
        char = string[pos]
        if char == "\\" and pos + 1 < maximum:
            if pos + 1 < len(string) and string[pos + 1] == " ":
                break
            pos += 2
            continue
        if char == "(":
            level += 1
            if level > _MAX_PARENS:
                return result
        elif char == ")":
            if level == 0:
                break
            level -= 1
        elif char != "\\":  # a space or a control character
            break
        pos += 1
    else:
        pos = max(pos, end)
    if start == pos or level != 0:
        return result
    result.str = unescapeAll(string[start:pos])
    result.pos = pos
    result.ok = True
    return result


def link_helpers() -> ModuleType:
    """markdown-it's link helpers with :func:`parse_link_destination` in place of its own."""
    module = ModuleType("transcheck_link_helpers", helpers.__doc__)
    module.parseLinkLabel = helpers.parseLinkLabel  # type: ignore[attr-defined]
    module.parseLinkTitle = helpers.parseLinkTitle  # type: ignore[attr-defined]
    module.parseLinkDestination = parse_link_destination  # type: ignore[attr-defined]
    return module
