"""A markdown-it inline rule for Jekyll Liquid tags, so ``{% … %}`` and ``{{ … }}`` become tokens.

Without it a tag's arguments are read as prose (``_`` in a path turns into emphasis, a caption
counts as text to translate twice over). A token ``liquid`` carries the tag name and arguments.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

_ARG = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_OPENERS = {"{%": "%}", "{{": "}}"}


def parse_liquid_args(body: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Split a tag body (``include figure.liquid path="x"``) into its name and its arguments.

    The first word is the name; ``key=value`` pairs become attributes, and a bare word after the
    name (``include figure.liquid``) is kept under the key ``""``.
    """
    body = body.strip().strip("-").strip()
    name, _, rest = body.partition(" ")
    attrs: list[tuple[str, str]] = []
    rest = rest.strip()
    first_arg = _ARG.search(rest)
    bare = rest[: first_arg.start()].strip() if first_arg else rest
    if bare:
        attrs.append(("", bare))
    for match in _ARG.finditer(rest):
        value = next(group for group in match.groups()[1:] if group is not None)
        attrs.append((match.group(1), value))
    return name, tuple(attrs)


def _liquid_rule(state: StateInline, silent: bool) -> bool:
    opener = state.src[state.pos : state.pos + 2]
    closer = _OPENERS.get(opener)
    if closer is None:
        return False
    if opener == "{{" and state.src[state.pos + 2 : state.pos + 3] in ("<", "%"):
        return False  # Hugo shortcodes are not Liquid
    end = state.src.find(closer, state.pos + 2)
    if end < 0:
        return False
    if not silent:
        token = state.push("liquid", "", 0)
        token.content = state.src[state.pos + 2 : end]
        token.markup = opener
    state.pos = end + 2
    return True


def liquid_plugin(md: MarkdownIt) -> None:
    """Register the Liquid inline rule ahead of emphasis and links."""
    md.inline.ruler.before("backticks", "liquid", _liquid_rule)
