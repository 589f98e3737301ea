"""The walk over one file's block tokens: blocks with their lines, list/table membership, sections.

Each block records its nesting depth (lists and block quotes), the list or table it belongs to
(``group``, the container's first line) and the list item holding it (``item``), so list lengths
and table shapes can be compared between languages. Dialect blocks are read here too: JSX
component lines and Docusaurus admonitions (MDX), ``import``/``export`` lines (kept as ``js``
code), shortcode-only paragraphs (Hugo), admonitions, ``///`` blocks and code includes (MkDocs),
footnote definitions, and GFM alerts (``> [!NOTE]``), whose type becomes an ``admonition`` Markup
instead of prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field

from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, FrontMatter, Markup, Math, Section
from transcheck.parse.fences import fence_language
from transcheck.parse.frontmatter import parse_front_matter
from transcheck.parse.headings import (
    EXPLICIT_ID,
    Heading,
    html_heading,
    html_heading_level,
    markdown_heading,
    shortcode_heading,
)
from transcheck.parse.inline import InlineItems, add_jsx_tags, html_items
from transcheck.parse.liquid import HIGHLIGHT
from transcheck.parse.mkdocs import INCLUDE, TAB, block_title, fenced_include, include_block
from transcheck.parse.slugs import Slugger
from transcheck.parse.tomlfront import MARKER as TOML_MARKER
from transcheck.parse.tomlfront import parse_toml_front_matter
from transcheck.records import mutable

_ALERT = compiled(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)", re.IGNORECASE)
_ADMONITION = compiled(r"(\w+)\s*(?:\[(.*)\]|(.*))")
_HEADER = compiled(r"""header\s*=\s*["'](.*)["']""")  # a box fence's title (see boxes)
_ONLY_TAGS = {"liquid": BlockKind.LIQUID, "shortcode": BlockKind.SHORTCODE}
_WHOLE_KINDS = frozenset({*_ONLY_TAGS, "math_inline_double"})  # a paragraph of only these
# The opening tokens of Docusaurus admonitions and MkDocs admonitions, blocks and tabs.
_BOXES = frozenset(
    {"container_admonition_open", "container_blocks_open", "admonition_open", f"{TAB}_open"}
)


class InlineSource:
    """What the walker needs to read inline Markdown: a token's items, a string's items."""

    def __init__(
        self,
        token: Callable[[Token, int], InlineItems],
        source: Callable[[str, int], InlineItems],
    ) -> None:
        """``token`` reads an ``inline`` token, ``source`` a string; both take its first line."""
        self.token = token
        self.source = source


@mutable
class Builder:
    """Accumulates sections while walking the block tokens of one file."""

    first_body_line: int = 1
    sections: list[Section] = field(default_factory=list)
    heading: Heading | None = None
    blocks: list[Block] = field(default_factory=list)
    enclosing: list[Section] = field(default_factory=list)  # open sections, levels rising

    def start_section(self, heading: Heading) -> None:
        """Close the current section just above ``heading`` and open the heading's section."""
        self.close_section(heading.line - 1)
        self.heading = heading
        self.blocks = [heading.block]

    def close_section(self, end_line: int) -> None:
        """Append the current section (the preamble before any heading), ending at ``end_line``."""
        heading = self.heading
        level = heading.level if heading else 0
        line = heading.line if heading else self.first_body_line
        # The enclosing sections form a stack of rising levels: the parent is the nearest earlier
        # section of a lower level, found without rescanning every section (files of 60,000
        # headings stay linear).
        while self.enclosing and self.enclosing[-1].level >= level:
            self.enclosing.pop()
        section = Section(
            index=len(self.sections),
            level=level,
            title=heading.title if heading else "",
            line=line,
            end_line=max(end_line, line),
            anchor=heading.anchor if heading else "",
            explicit_id=heading.explicit_id if heading else False,
            parent=self.enclosing[-1].index if self.enclosing else None,
            blocks=tuple(self.blocks),
        )
        self.sections.append(section)
        self.enclosing.append(section)
        self.blocks = []


def _paragraph_kind(children: list[Token], first_in_item: bool) -> BlockKind:
    """A paragraph of only Liquid tags is Liquid, of only shortcodes a shortcode block, of only
    ``$$…$$`` math (kramdown agrees); the first paragraph of a list item is the item."""
    default = BlockKind.LIST_ITEM if first_in_item else BlockKind.PARAGRAPH
    if children and children[0].type == "text" and children[0].content.strip():
        return default  # most paragraphs: prose first
    blank = ("softbreak", "hardbreak")
    meaningful = (
        c for c in children if c.type not in blank and (c.type != "text" or c.content.strip())
    )
    first = next(meaningful, None)
    if first is None or first.type not in _WHOLE_KINDS:
        return default
    rest = list(meaningful)
    only = _ONLY_TAGS.get(first.type)
    if only is not None and all(c.type == first.type for c in rest):
        return only
    return BlockKind.MATH if first.type == "math_inline_double" and not rest else default


def _docusaurus_title(info: str) -> tuple[str, str]:
    """The type and title of a Docusaurus ``:::note[Title]`` (or ``:::note Title``) line, or
    of a box fence (``smart header="Title"``, see ``boxes``)."""
    found = _ADMONITION().match(info.strip())
    if found is None:
        return "", ""
    title = (found.group(2) or found.group(3) or "").strip()
    header = _HEADER().fullmatch(title)
    return found.group(1).lower(), header.group(1) if header is not None else title


def span(token: Token) -> tuple[int, int]:
    """1-based first and last line of a block token (maps are 0-based, end-exclusive)."""
    start, end = token.map or (0, 1)
    return start + 1, max(start + 1, end)


def _drop_prefix(items: InlineItems, length: int) -> None:
    """Remove the first ``length`` characters of prose (a GFM alert's ``[!NOTE]``)."""
    while length and items.prose:
        piece, line = items.prose[0]
        if len(piece) <= length:
            items.prose.pop(0)
            length -= len(piece)
        else:
            items.prose[0] = (piece[length:], line)
            length = 0


@mutable
class Walker:
    """Turns the block tokens of one file into blocks and sections."""

    slugger: Slugger
    inline: InlineSource
    jsx: bool = False  # MDX: capitalised tags are components
    mkdocs: bool = False  # MkDocs: admonitions, ``///`` blocks, code includes
    builder: Builder = field(default_factory=Builder)
    front: FrontMatter | None = None
    depth: int = 0  # list and block quote nesting
    items_open: list[bool] = field(default_factory=list)  # per open list item: no block yet
    groups: list[int] = field(default_factory=list)  # first lines of the open lists and tables
    item_lines: list[int] = field(default_factory=list)  # first lines of the open list items
    pending: list[Markup] = field(default_factory=list)  # for the next block (footnote labels)
    quote_opened: bool = False  # a block quote opened and holds no block yet (GFM alerts)
    row: tuple[tuple[int, int], InlineItems, list[str]] | None = None
    # The fences, HTML blocks, $$ blocks and paragraph texts holding $$ met so far: what may
    # leave markup open (see ``parse.unclosed``), kept as the walk meets them.
    openers: list[Token] = field(default_factory=list)
    # The inline runs and HTML blocks met so far whose text holds "<!--" or "/*": where a comment
    # may be (see ``parse.comments``), kept as the walk meets them.
    commented: list[Token] = field(default_factory=list)

    def block(
        self,
        kind: BlockKind,
        lines: tuple[int, int],
        items: InlineItems,
        *,
        text: str | None = None,
        lang: str = "",
        cells: tuple[str, ...] = (),
        esm: bool = False,
    ) -> Block:
        """A block of ``kind`` over ``lines`` holding ``items``, its prose the block's ``text``;
        a code block gives its code as ``text`` and holds no items (no prose, shown text or
        numbers to read)."""
        if text is None:
            text, shown, numbers = items.texts_and_numbers()
        else:
            shown, numbers = "", []
        # Block's fields in their order: a keyword call matches 16 names one by one, three times
        # the cost of the call itself.
        return Block(
            kind,
            lines[0],
            lines[1],
            text,
            shown,
            self.depth,
            lang,
            cells,
            tuple(items.links),
            tuple(items.code_spans),
            tuple(numbers),
            tuple(items.math),
            (*self.pending, *items.markup),
            tuple(items.emphasis),
            self.groups[-1] if self.groups else 0,
            self.item_lines[-1] if self.item_lines else 0,
            esm,
        )

    def may_comment(self, token: Token) -> None:
        """Keep an inline run or HTML block whose text may hold a comment."""
        if "<!--" in token.content or "/*" in token.content:
            self.commented.append(token)

    def add(self, block: Block) -> None:
        """Add a block to the current section; the first block of a list item is the item."""
        if self.items_open:
            self.items_open[-1] = False
        self.pending = []
        self.quote_opened = False
        self.builder.blocks.append(block)

    def heading(self, open_token: Token, inline: Token) -> None:
        """A Markdown heading opens a section; its source no longer holds its explicit id."""
        lines = span(open_token)
        self.may_comment(inline)
        items = self.inline.token(inline, lines[0])
        block = self.block(BlockKind.HEADING, lines, items)
        explicit = inline.meta.get(EXPLICIT_ID)
        heading = markdown_heading(
            int(open_token.tag[1]), inline.content, explicit, block, self.slugger
        )
        self.pending = []
        self.builder.start_section(heading)

    def paragraph(self, open_token: Token, inline: Token) -> None:
        """A paragraph: prose, a list item's text, a Liquid or shortcode line, a ``$$`` formula,
        or the first paragraph of a GFM alert."""
        lines = span(open_token)
        first_in_item = bool(self.items_open) and self.items_open[-1]
        kind = _paragraph_kind(inline.children or [], first_in_item)
        self.may_comment(inline)
        if "$$" in inline.content:
            self.openers.append(inline)
        items = self.inline.token(inline, lines[0])
        alert = _ALERT().match(inline.content) if self.quote_opened else None
        if alert is not None:
            _drop_prefix(items, len(alert.group(0).rstrip("\n")))
            alert_type = (("type", alert.group(1).lower()),)
            items.markup.insert(0, Markup("admonition", "alert", alert_type, lines[0]))
        renders = shortcode_heading(items.markup, lines[0]) if kind is BlockKind.SHORTCODE else None
        if renders is not None:  # {{% whatsnext-heading %}}: an h2, as ## {{% heading … %}}
            items.markup[:] = [renders]
            block = self.block(BlockKind.HEADING, lines, items)
            self.pending = []
            self.builder.start_section(Heading(2, "", lines[0], "", False, block))
        elif items.prose or items.markup or items.links or items.math or items.code_spans:
            self.add(self.block(kind, lines, items))  # an MDX {/* comment */} leaves nothing

    def html_block(self, token: Token) -> None:
        """Raw HTML: a heading element opens a section, anything else is an HTML block."""
        lines = span(token)
        self.openers.append(token)
        self.may_comment(token)
        items = InlineItems()
        html_items(token.content, lines[0], items, self.inline.source)
        level = html_heading_level(token.content)
        if level is None:
            self.add(self.block(BlockKind.HTML, lines, items))
        else:
            block = self.block(BlockKind.HEADING, lines, items)
            self.pending = []
            self.builder.start_section(html_heading(level, block))

    def table(self, token: Token) -> None:
        """Table rows: one block per row, its cells' text in ``cells``."""
        if token.type == "tr_open":
            self.row = (span(token), InlineItems(), [])
        elif token.type == "inline" and self.row is not None:
            cell = self.inline.token(token, self.row[0][0])
            self.row[1].extend(cell)
            self.row[2].append(cell.text)
        elif token.type == "tr_close" and self.row is not None:
            lines, items, cells = self.row
            self.add(self.block(BlockKind.TABLE_ROW, lines, items, cells=tuple(cells)))
            self.row = None

    def component(self, token: Token) -> None:
        """A line of JSX component tags: the tags, and the prose of their text props."""
        lines = span(token)
        items = InlineItems()
        add_jsx_tags(items, token.content, lines[0])
        self.add(self.block(BlockKind.COMPONENT, lines, items))

    def admonition(self, token: Token) -> None:
        """A Docusaurus ``:::note[Title]`` line, an MkDocs ``!!! note "Title"`` or ``/// note |
        Title`` line, or a box fence's ``` ```smart header="Title" ``` line (see ``boxes``):
        its type as Markup, its title as prose."""
        first = span(token)[0]
        lines = (first, first)
        fence = token.markup[:1] in ("`", "~")
        mkdocs = self.mkdocs and not fence
        kind, title = block_title(token.info) if mkdocs else _docusaurus_title(token.info)
        items = InlineItems()
        if kind:
            name = "fence" if fence else "block" if mkdocs else "container"
            items.markup.append(Markup("admonition", name, (("type", kind),), lines[0]))
            if title:
                items.extend(self.inline.source(title, lines[0]), separate=False)
        self.add(self.block(BlockKind.COMPONENT, lines, items))

    def code(self, token: Token) -> None:
        """A code block: a fence, indented code, an MDX ``import`` line (``js``), a Jekyll
        ``{% highlight %}`` block, or a file an MkDocs page includes (its path and highlighted
        lines, see ``parse.mkdocs``)."""
        lang = "js" if token.type == "mdx_esm" else fence_language(token.info)
        text = token.content
        if token.type == INCLUDE:
            text, lang = include_block(token.content)
        elif token.type == "fence":
            self.openers.append(token)
            if self.mkdocs:
                text = fenced_include(token.content, token.info) or text
        esm = token.type == "mdx_esm"
        self.add(
            self.block(BlockKind.CODE, span(token), InlineItems(), lang=lang, text=text, esm=esm)
        )

    def front_matter(self, token: Token) -> None:
        """YAML (``---``) or TOML (``+++``) front matter; the body starts after it."""
        first, last = span(token)
        read = parse_toml_front_matter if token.markup == TOML_MARKER else parse_front_matter
        self.front = read(token.content, first, last)
        self.builder.first_body_line = last + 1

    def item(self, token: Token) -> None:
        """A list item opens or closes."""
        if token.nesting > 0:
            self.items_open.append(True)
            self.item_lines.append(span(token)[0])
        else:
            self.items_open.pop()
            self.item_lines.pop()

    def cell(self, token: Token) -> None:
        """A table cell's text (other inline tokens are read with their paragraph or heading)."""
        self.may_comment(token)
        if self.row is not None:
            self.table(token)

    def math_block(self, token: Token) -> None:
        """A ``$$`` formula on its own lines; the formula's line is that of its first text, below
        an opening ``$$`` written alone."""
        lines = span(token)
        self.openers.append(token)
        content = token.content
        text = content.strip()
        below = content[: len(content) - len(content.lstrip())].count("\n") if text else 0
        items = InlineItems(math=[Math(text, lines[0] + below, "block")])
        self.add(self.block(BlockKind.MATH, lines, items))

    def footnote(self, token: Token) -> None:
        """A footnote definition opens (its label goes to its first block) or closes."""
        if token.nesting > 0:
            label = str(token.meta.get("label", ""))
            self.pending = [Markup("footnote", "definition", (("label", label),), span(token)[0])]
        else:
            self.pending = []

    def open_container(self, token: Token) -> None:
        """A list, block quote or table opens: deeper nesting, or a new group."""
        if token.type == "table_open":
            self.groups.append(span(token)[0])
            return
        self.depth += 1
        if token.type == "blockquote_open":
            self.quote_opened = True
        else:
            self.groups.append(span(token)[0])

    def close_container(self, token: Token) -> None:
        """A list, block quote or table closes."""
        if token.type != "table_close":
            self.depth -= 1
        if token.type != "blockquote_close":
            self.groups.pop()


# What each kind of block token does to the walk; other kinds (closing paragraphs and headings,
# table heads and cells, rules) change nothing.
HANDLERS: dict[str, Callable[[Walker, Token], None]] = {
    **dict.fromkeys(
        ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open"),
        Walker.open_container,
    ),
    **dict.fromkeys(
        ("bullet_list_close", "ordered_list_close", "blockquote_close", "table_close"),
        Walker.close_container,
    ),
    "list_item_open": Walker.item,
    "list_item_close": Walker.item,
    "tr_open": Walker.table,
    "tr_close": Walker.table,
    "inline": Walker.cell,
    **dict.fromkeys(("fence", "code_block", "mdx_esm", INCLUDE, HIGHLIGHT), Walker.code),
    "math_block": Walker.math_block,
    "math_block_label": Walker.math_block,
    "html_block": Walker.html_block,
    "jsx_block": Walker.component,
    **dict.fromkeys(_BOXES, Walker.admonition),
    "front_matter": Walker.front_matter,
    "footnote_reference_open": Walker.footnote,
    "footnote_reference_close": Walker.footnote,
}
