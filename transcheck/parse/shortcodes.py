"""Hugo shortcodes: ``{{< name args >}}``, ``{{% name args %}}`` and their closing tags.

A markdown-it inline rule turns each shortcode into one ``shortcode`` token, so its arguments are
not read as prose. Its name and arguments become a ``shortcode`` Markup (closing tags are named
``/name``), which must survive translation; the text between an opening and a closing tag is
ordinary Markdown and is translated. Arguments that readers see (``text=``, ``title=``, ``alt=``,
``caption=``, ``label=``) are prose as well as arguments.

A line holding only shortcodes (``{{< table caption="Ports" >}}``, ``{{< /note >}}``) is a block of
its own, as Hugo reads it (a paired shortcode and its inner text are replaced before the Markdown
is rendered): it interrupts a paragraph, ends a table, and the ``---`` under it is no setext
underline. The text right under an opening ``{{< name >}}`` line is handed to the shortcode's
template as it is, which renders it trimmed (``trim .Inner | markdownify``): indented by four
spaces there, it is a paragraph, not an indented code block (``{{% name %}}`` text is the page's
Markdown, where indentation makes code).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Markup
from transcheck.parse.ownblock import own_line_rule, push_own_paragraph

TEXT_ARGUMENTS = frozenset({"text", "title", "alt", "caption", "label"})
WINDOW = 10_000  # how far a shortcode may reach for its "}}"; an unclosed one further is text
# A named argument (key="v", key=`v`, key=v) or a positional one ("v", `v`, v).
_LINE = compiled(r"[ \t]*(?:(?:\{\{<.*?>\}\}|\{\{%.*?%\}\})[ \t]*)+")
_OPENING = compiled(r"[ \t]*\{\{<[ \t]*[\w-]+(?:[ \t][^>]*)?>\}\}[ \t]*")
_ARG = compiled(r"""(?:([\w-]+)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+))""")


def _shortcode_rule(state: StateInline, silent: bool) -> bool:
    """``{{< … >}}`` or ``{{% … %}}`` at the current position -> one ``shortcode`` token."""
    src, pos = state.src, state.pos
    if not src.startswith("{{", pos) or pos + 2 >= state.posMax or src[pos + 2] not in "<%":
        return False
    closer = (">" if src[pos + 2] == "<" else "%") + "}}"
    end = src.find(closer, pos + 3, min(state.posMax, pos + WINDOW))
    if end < 0:
        return False
    if not silent:
        token = state.push("shortcode", "", 0)
        token.content = src[pos + 3 : end]
        token.markup = src[pos : pos + 3]
    state.pos = end + 3
    return True


def _inner_text_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Indented lines right under an opening ``{{< name >}}`` line -> one paragraph."""
    if start == 0 or state.sCount[start] - state.blkIndent < 4:
        return False
    above = state.src[state.bMarks[start - 1] : state.eMarks[start - 1]]
    if _OPENING().fullmatch(above) is None:
        return False
    last = start
    while last + 1 < end and not state.isEmpty(last + 1):
        following = state.src[state.bMarks[last + 1] : state.eMarks[last + 1]]
        if _LINE().fullmatch(following) is not None:
            break
        last += 1
    if not silent:
        lines = [state.src[state.bMarks[i] : state.eMarks[i]] for i in range(start, last + 1)]
        push_own_paragraph(state, start, last, "\n".join(line.strip() for line in lines))
    return True


def shortcode_plugin(md: MarkdownIt) -> None:
    """Register the shortcode rule ahead of emphasis, links and code spans, the rule for
    lines of shortcodes, which may interrupt a paragraph and end a table, and the one for the
    indented text of a paired shortcode's template."""
    md.inline.ruler.before("backticks", "shortcode", _shortcode_rule)
    md.block.ruler.before("code", "shortcode_inner", _inner_text_rule)
    md.block.ruler.before(
        "lheading",
        "shortcode_line",
        own_line_rule(_LINE()),
        {"alt": ["paragraph", "reference", "blockquote"]},
    )


def shortcode_markup(token: Token, line: int) -> tuple[Markup, list[str]]:
    """The Markup of a ``shortcode`` token and the prose its text arguments show."""
    body = token.content.strip()
    if body.startswith("/*") and body.endswith("*/"):  # {{</* x */>}} shows a shortcode as text
        return Markup("shortcode", "/*", (("", body[2:-2].strip()),), line), []
    body = body.removesuffix("/").strip()  # self-closing {{< name />}}
    name, rest = [*re.split(r"\s+", body, maxsplit=1), ""][:2]
    args: list[tuple[str, str]] = []
    prose: list[str] = []
    for found in _ARG().finditer(rest):
        key = found.group(1) or ""
        value = next((g for g in found.group(2, 3, 4) if g is not None), "")
        if found.group(2) is not None:
            value = value.replace('\\"', '"')
        args.append((key, value))
        if key in TEXT_ARGUMENTS and value.strip():
            prose.append(value)
    percent = token.markup == "{{%"
    return Markup("shortcode", name.strip(), tuple(args), line, percent=percent), prose
