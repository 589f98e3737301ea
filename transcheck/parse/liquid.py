"""A markdown-it inline rule for Jekyll Liquid tags, so ``{% … %}`` and ``{{ … }}`` become tokens.

Without it a tag's arguments are read as prose (``_`` in a path turns into emphasis, a caption
counts as text to translate twice over). A token ``liquid`` carries the tag body; the arguments
are split as Jekyll's ``include`` tag splits them, backslash-escaped quotes included
(``caption="see <a href=\\"tpus\\">Part 2</a>"``).

An output tag written as a call, ``{{jsxref("Array.prototype.map()")}}`` or
``{{EmbedLiveSample('Basic_example', 600, 120)}}`` (KumaScript macros, Nunjucks and Jinja macro
calls), is read by ``template_call``: the name, then its arguments in order, quotes dropped. The
first names what the call is about (a page, an API, an example's heading); a later argument
holding letters is display text a translation may translate (key ``text``), others (sizes,
numbers) are kept under ``""``.

A line of tags only (``{% include figure.liquid … %}``, ``{% enddetails %}``) that starts a block
is a block of its own, as the HTML Jekyll puts there is: the ``---`` under it is a thematic
break, not a setext underline, and it ends a table above it.

``{% highlight lang %}`` … ``{% endhighlight %}`` on lines of their own is a code block, as
Jekyll renders it (a ``liquid_highlight`` token, read as a fence of ``lang``): older Jekyll
sites and their translations write code so where the English now fences it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from transcheck.lazy import compiled
from transcheck.parse.ownblock import own_line_rule
from transcheck.records import record

# Jekyll's IncludeTag::VALID_SYNTAX: key=value with "…" or '…' (backslash escapes) or a bare word.
_ARG = compiled(
    r"""([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.-]+))""", re.DOTALL
)
_NAME = compiled(r"\S*")
_OPENERS = {"{%": "%}", "{{": "}}"}
_TAG_LINE = re.compile(r"[ \t]*(?:\{%.*?%\}[ \t]*)+")
HIGHLIGHT = "liquid_highlight"
_HIGHLIGHT_OPEN = compiled(r"\{%-?[ \t]*highlight[ \t]+([^\s%]+)[^%]*-?%\}[ \t]*")
_HIGHLIGHT_CLOSE = compiled(r"[ \t]*\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*")


@record(slots=True)
class LiquidArg:
    """One argument of a tag; ``offset`` is where its value starts in the tag body."""

    key: str
    value: str
    offset: int


def liquid_args(body: str) -> tuple[str, tuple[LiquidArg, ...]]:
    """Split a tag body (``include figure.liquid path="x"``) into its name and its arguments.

    The first word is the name; ``key=value`` pairs become arguments, and the words between the
    name and the first pair (``include figure.liquid``, ``details Click here``) are kept under
    the key ``""``. Offsets count from the start of ``body`` as given.
    """
    start = len(body) - len(body.lstrip(" \t\n-"))
    stripped = body.rstrip(" \t\n-")
    match = _NAME().match(stripped, start)
    name = match.group(0) if match else ""
    rest_at = start + len(name)
    rest = stripped[rest_at:]
    args: list[LiquidArg] = []
    pairs = list(_ARG().finditer(rest))  # one scan: the first pair ends the bare words
    bare = rest[: pairs[0].start()] if pairs else rest
    if bare.strip():
        lead = len(bare) - len(bare.lstrip())
        args.append(LiquidArg("", bare.strip(), rest_at + lead))
    for found in pairs:
        group = next(g for g in (2, 3, 4) if found.group(g) is not None)
        value = found.group(group)
        if group in (2, 3):
            quote = '"' if group == 2 else "'"
            value = value.replace("\\" + quote, quote)
        args.append(LiquidArg(found.group(1), value, rest_at + found.start(group)))
    return name, tuple(args)


# Compiled on first use: only output tags (MDN's, Jekyll's) reach them.
_CALL = compiled(r"\s*([A-Za-z_][\w.-]*)\s*\((.*)\)\s*", re.DOTALL)
_CALL_ARG = compiled(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^,]*?))\s*(?:,|$)""")


def template_call(body: str) -> tuple[str, tuple[LiquidArg, ...]] | None:
    """Split an output tag written as a call (``jsxref("Array", "arrays")``) into its name and
    arguments, or None when the body is no call (``site.url``, ``page.title | upcase``)."""
    call = _CALL().fullmatch(body)
    if call is None:
        return None
    args: list[LiquidArg] = []
    at, inner = call.start(2), call.group(2)
    pos = 0
    while pos < len(inner) and inner[pos:].strip():
        found = _CALL_ARG().match(inner, pos)
        if found is None or found.end() == pos:
            return None
        group = next(g for g in (1, 2, 3) if found.group(g) is not None)
        value = found.group(group)
        if group < 3:
            quote = '"' if group == 1 else "'"
            value = value.replace("\\" + quote, quote)
        text = bool(args) and any(ch.isalpha() for ch in value)
        args.append(LiquidArg("text" if text else "", value, at + found.start(group)))
        pos = found.end()
    return call.group(1), tuple(args)


def _liquid_rule(state: StateInline, silent: bool) -> bool:
    """Turn ``{% … %}`` or ``{{ … }}`` at the current position into one ``liquid`` token."""
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


def _highlight(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``{% highlight lang %}`` on a line of its own, up to its ``{% endhighlight %}`` line: one
    ``liquid_highlight`` token holding the lines between; one never closed is left as text."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    found = _HIGHLIGHT_OPEN().fullmatch(state.src, start, state.eMarks[start_line])
    if found is None:
        return False
    line = start_line + 1
    while line < end_line:
        if _HIGHLIGHT_CLOSE().fullmatch(state.src, state.bMarks[line], state.eMarks[line]):
            break
        line += 1
    else:
        return False
    if not silent:
        token = state.push(HIGHLIGHT, "code", 0)
        token.info = found.group(1)
        token.content = state.getLines(start_line + 1, line, state.sCount[start_line], True)
        token.map = [start_line, line + 1]
        token.block = True
    state.line = line + 1
    return True


def liquid_plugin(md: MarkdownIt) -> None:
    """Register the Liquid inline rule ahead of emphasis and links, and the block rules for
    ``{% highlight %}`` code and lines of tags."""
    md.inline.ruler.before("backticks", "liquid", _liquid_rule)
    alt = ["paragraph", "reference", "blockquote", "list"]
    md.block.ruler.before("fence", HIGHLIGHT, _highlight, {"alt": alt})
    md.block.ruler.before(
        "lheading", "liquid_line", own_line_rule(_TAG_LINE), {"alt": ["blockquote"]}
    )
