"""MDX: JSX component tags, JavaScript expressions and ``import``/``export`` lines.

- A line holding only component tags (``<Intro>``, ``</Sandpack>``, ``<Note title="x" />``, a tag
  whose props span lines) is a ``jsx_block`` token: the Markdown between an opening and a closing
  tag is parsed as Markdown, as MDX does. Component names and props must survive translation;
  props readers see (``title``, ``alt``, ``label``, ``caption``, ``text``) are also prose.
- ``import``/``export`` lines at the top level form an ``mdx_esm`` token: code kept as written.
- ``{expression}`` in text is an ``mdx_expression`` token, never prose; ``{/* comments */}`` are
  dropped. An expression alone on its lines (a flow expression, such as a ``{/* comment */}``
  line) is a paragraph of its own, as MDX reads it: the ``---`` after it is a thematic break,
  not the underline of a setext heading, and a table after it is a table.
Indented code does not exist in MDX, so the MDX parser disables it (JSX children are indented);
with it goes CommonMark's rule that a line indented four columns deeper than a paragraph only
continues it: in MDX such a line may start a fence, a component or a list that ends the
paragraph (micromark's content continuation asks the flow constructs whatever the indent once
``codeIndented`` is off), as in a list item written ``4.  text`` over an 8-space ``<FileTree>``.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.html_blocks import block_names
from markdown_it.common.utils import mdTrim
from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.ruler import RuleOptionsType
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Markup
from transcheck.parse.ownblock import push_own_paragraph
from transcheck.parse.unlogged import unlogged

TEXT_PROPS = frozenset({"title", "alt", "label", "caption", "text"})
# How far a tag may reach for its closing ">"; beyond it, it is text. Without a bound, a file of
# unclosed "<A" would be rescanned to its end from each one (quadratic).
WINDOW = 10_000
_NAME = compiled(r"[A-Za-z_$][\w$.:-]*")
_ESM = compiled(r"(?:import|export)(?=[\s{*])")
_BRACES = compiled(r"[\"'`{}]")  # what a scan over an expression stops at
_TAG = compiled(r"[\"'{>]")  # what a scan over a tag stops at
# HTML and SVG element names beside the block ones: a lowercase tag naming none is a component.
_ELEMENTS = """a abbr area audio b bdi bdo br button canvas cite code data datalist del dfn em
    embed i img input ins kbd label map mark math meter noscript object output picture progress
    q rp rt ruby s samp script select slot small source span strong style sub sup template
    textarea time u var video wbr circle clippath defs ellipse g image line lineargradient mask
    path pattern polygon polyline radialgradient rect stop svg symbol text tspan use font"""
_HTML_NAMES = frozenset(block_names) | frozenset(_ELEMENTS.split())


def _string_end(src: str, pos: int, limit: int) -> int:
    """Offset just after the quote closing the string opened at ``pos``, or -1."""
    quote, index = src[pos], pos + 1
    while True:
        index = src.find(quote, index, limit)
        if index < 0:
            return -1
        if src[index - 1] != "\\":
            return index + 1
        index += 1


def _skip_braces(src: str, pos: int, limit: int) -> int:
    """Offset just after the ``}`` matching the ``{`` at ``pos`` (strings skipped), or -1."""
    depth, index, braces = 0, pos, _BRACES()
    while (found := braces.search(src, index, limit)) is not None:
        index = found.start()
        char = src[index]
        if char in "{}":
            depth += 1 if char == "{" else -1
            if depth == 0:
                return index + 1
            index += 1
        else:
            index = _string_end(src, index, limit)
            if index < 0:
                return -1
    return -1


@lru_cache(maxsize=4)
def _expression_ends(src: str) -> dict[int, int]:
    """Each ``{`` of an inline source -> the offset after its ``}``, found in one pass (strings
    inside braces skipped; quotes outside them are prose apostrophes)."""
    ends: dict[int, int] = {}
    opened: list[int] = []
    index, braces = 0, _BRACES()
    while (found := braces.search(src, index)) is not None:
        index = found.start()
        char = src[index]
        if char == "{":
            opened.append(index)
        elif char == "}" and opened:
            ends[opened.pop()] = index + 1
        elif char not in "{}" and opened:
            index = _string_end(src, index, len(src))
            if index < 0:
                break
            continue
        index += 1
    return ends


def starts_component(src: str, pos: int) -> bool:
    """Whether a JSX component tag or fragment starts at ``pos``: ``<Name``, ``</Name``, ``<>``."""
    if not src.startswith("<", pos):
        return False
    after = src[pos + 1 : pos + 3]
    if after[:1] == "/":
        after = after[1:]
    return bool(after) and (after[0].isupper() or after[0] == ">")


def _starts_element(src: str, pos: int) -> bool:
    """A component tag (see starts_component), a lowercase tag that names no HTML element
    (Hugging Face's ``<frameworkcontent>``, ``<pt>``, ``<hfoption id="pip">``: components to
    MDX, whose Markdown children a fence may open right below), or an HTML element written
    as JSX: a lowercase tag with a ``{…}`` prop (``<a style={{ display: 'flex' }}>``), which
    is no HTML to markdown-it, so the lines of its tags would be read as text."""
    if starts_component(src, pos):
        return True
    if not (src.startswith("<", pos) and src[pos + 1 : pos + 3].lstrip("/")[:1].islower()):
        return False
    name = _NAME().match(src, pos + 1 + (src[pos + 1] == "/"))
    if name is not None and name.group(0).lower() not in _HTML_NAMES:
        return True
    stop = tag_end(src, pos, min(len(src), pos + WINDOW))
    return stop > 0 and "={" in src[pos:stop]


def tag_end(src: str, pos: int, limit: int) -> int:
    """Offset just after the ``>`` closing the tag that starts at ``pos``, or -1; quoted values
    and ``{…}`` expressions may hold a ``>``."""
    index, tag = pos + 1, _TAG()
    while (found := tag.search(src, index, limit)) is not None:
        index = found.start()
        char = src[index]
        if char == ">":
            return index + 1
        skip = _skip_braces if char == "{" else _string_end
        index = skip(src, index, limit)
        if index < 0:
            return -1
    return -1


def _ends_line(src: str, pos: int) -> bool:
    """Whether only spaces or tabs follow ``pos`` up to the end of its line."""
    while pos < len(src) and src[pos] in " \t":
        pos += 1
    return pos >= len(src) or src[pos] == "\n"


def _last_line(state: StateBlock, start: int, end: int, stop: int) -> int:
    """The last line (from ``start``, before ``end``) that begins before offset ``stop``."""
    last = start
    while last + 1 < end and state.bMarks[last + 1] <= stop:
        last += 1
    return last


def _jsx_block_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Lines holding only component tags -> one ``jsx_block`` token over those lines."""
    src = state.src
    pos = state.bMarks[start] + state.tShift[start]
    if not _starts_element(src, pos):
        return False
    stop = pos
    while True:
        stop = tag_end(src, stop, min(len(src), stop + WINDOW))
        if stop < 0:
            return False
        if _ends_line(src, stop):
            break
        rest = stop
        while src[rest] in " \t":
            rest += 1
        if not _starts_element(src, rest):
            return False
        stop = rest
    last = _last_line(state, start, end, stop)
    if silent:
        return True
    token = state.push("jsx_block", "", 0)
    token.map = [start, last + 1]
    token.content = src[pos:stop]
    state.line = last + 1
    return True


def _flow_expression_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A ``{…}`` expression alone on its lines -> a paragraph holding only it, closed there."""
    src = state.src
    pos = state.bMarks[start] + state.tShift[start]
    if not src.startswith("{", pos):
        return False
    stop = _skip_braces(src, pos, min(len(src), pos + WINDOW))
    if stop < 0 or not _ends_line(src, stop):
        return False
    last = _last_line(state, start, end, stop)
    if silent:
        return True
    push_own_paragraph(state, start, last, src[pos:stop])
    return True


def _esm_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Top-level ``import``/``export`` lines up to a blank line -> one ``mdx_esm`` token."""
    if state.blkIndent or state.sCount[start]:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not _ESM().match(state.src, pos):
        return False
    last = start + 1
    while last < end and not state.isEmpty(last):
        last += 1
    if silent:
        return True
    token = state.push("mdx_esm", "", 0)
    token.map = [start, last]
    token.content = state.getLines(start, last, 0, True)
    state.line = last
    return True


def _paragraph_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's paragraph, but every line may end it, however deep it is indented: without
    indented code, a deep line is a lazy continuation only when no block starts on it."""
    terminators = state.md.block.ruler.getRules("paragraph")
    old_parent, state.parentType = state.parentType, "paragraph"
    last, end = start + 1, state.lineMax
    while last < end and not state.isEmpty(last):
        if state.sCount[last] >= 0 and any(rule(state, last, end, True) for rule in terminators):
            break
        last += 1
    opening = state.push("paragraph_open", "p", 1)
    opening.map = [start, last]
    inline = state.push("inline", "", 0)
    inline.content = mdTrim(state.getLines(start, last, state.blkIndent, False))
    inline.map = [start, last]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    state.line = last
    state.parentType = old_parent
    return True


def _expression_rule(state: StateInline, silent: bool) -> bool:
    """``{…}`` in text -> one ``mdx_expression`` token holding the expression."""
    if state.src[state.pos] != "{":
        return False
    end = _expression_ends(state.src).get(state.pos, -1)
    if end < 0 or end > state.posMax:
        return False
    if not silent:
        token = state.push("mdx_expression", "", 0)
        token.content = state.src[state.pos + 1 : end - 1]
    state.pos = end
    return True


def _not_on_components(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """markdown-it's HTML block rule, which never starts on a component tag: ``<Aside>`` and
    ``<Details>`` share their names with HTML block tags, but in MDX they are components whose
    text is Markdown (``<Aside>See [x](/y).</Aside>``), and such a line continues a paragraph
    rather than ending it."""

    def html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if starts_component(state.src, state.bMarks[start] + state.tShift[start]):
            return False
        return rule(state, start, end, silent)

    return html_block


def mdx_plugin(md: MarkdownIt) -> None:
    """MDX rules: component blocks (which may interrupt a paragraph), ESM, expressions; no
    indented code."""
    interrupts: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote"]}
    md.block.ruler.before("html_block", "jsx_block", _jsx_block_rule, interrupts)
    md.block.ruler.before("jsx_block", "mdx_esm", _esm_rule)
    md.block.ruler.before("lheading", "mdx_flow_expression", _flow_expression_rule)
    md.inline.ruler.before("backticks", "mdx_expression", _expression_rule)
    md.block.ruler.at("paragraph", _paragraph_rule)
    html = next(rule for rule in md.block.ruler.__rules__ if rule.name == "html_block")
    # markdown-it's rule unlogged here: wrapped, it is no longer a rule the parser can copy.
    md.block.ruler.at("html_block", _not_on_components(unlogged(html.fn)), {"alt": list(html.alt)})
    md.disable("code")


def jsx_tags(source: str, line: int) -> tuple[list[Markup], list[str]]:
    """The component tags of a tag run (``<A x="1"></B>``), each at its line, and the prose
    of their text props."""
    tags: list[Markup] = []
    prose: list[str] = []
    pos = 0
    while True:
        pos = source.find("<", pos)
        if pos < 0:
            return tags, prose
        stop = tag_end(source, pos, len(source))
        if stop < 0:
            return tags, prose
        tag = jsx_tag(source[pos:stop], line + source.count("\n", 0, pos))
        tags.append(tag)
        prose += [value for key, value in tag.attrs if key in TEXT_PROPS and value.strip()]
        pos = stop


def jsx_tag(source: str, line: int) -> Markup:
    """One tag (``<Name a="x" b={1} {...rest} c />`` or ``</Name>``) as a ``jsx`` Markup; a
    closing tag is named ``/Name``, a fragment ``""``; ``{…}`` values are kept as written."""
    body = source[1:-1].strip().removesuffix("/").strip()
    closing = body.startswith("/")
    body = body.removeprefix("/").strip()
    name_match = _NAME().match(body)
    name = name_match.group(0) if name_match else ""
    props: list[tuple[str, str]] = []
    index = len(name)
    while index < len(body):
        char = body[index]
        if char.isspace():
            index += 1
        elif char == "{":
            stop = _skip_braces(body, index, len(body))
            stop = len(body) if stop < 0 else stop
            props.append(("", body[index:stop]))
            index = stop
        else:
            index = _prop(body, index, props)
    return Markup("jsx", ("/" if closing else "") + name, tuple(props), line)


def _prop(body: str, index: int, props: list[tuple[str, str]]) -> int:
    """Read one ``name``, ``name="v"``, ``name='v'`` or ``name={v}`` at ``index``; return the
    offset after it."""
    match = _NAME().match(body, index)
    if match is None:
        return index + 1
    key, index = match.group(0), match.end()
    if not body.startswith("=", index):
        props.append((key, ""))
        return index
    index += 1
    if body.startswith("{", index):
        stop = _skip_braces(body, index, len(body))
        stop = len(body) if stop < 0 else stop
        props.append((key, body[index:stop]))
        return stop
    if index < len(body) and body[index] in "\"'":
        stop = body.find(body[index], index + 1)
        stop = len(body) if stop < 0 else stop
        props.append((key, body[index + 1 : stop]))
        return stop + 1
    return index


_SPACE_EXPRESSION = compiled(r"""(['"`])\s*\1""")


def expression_markup(token: Token, line: int) -> Markup | None:
    """An ``mdx_expression`` token as Markup, or None for a ``{/* comment */}`` and for a
    space written as an expression (``{' '}``, which formatters put at a line break before a
    tag): neither is markup a translation keeps."""
    expression = token.content.strip()
    if expression.startswith("/*") and expression.endswith("*/"):
        return None
    if _SPACE_EXPRESSION().fullmatch(expression):
        return None
    return Markup("jsx", "{}", (("", expression),), line)
