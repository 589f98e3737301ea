"""Markdown text -> Document: sections, blocks and inline items, each with its 1-based line.

This module and its siblings are the only code that imports markdown-it. Token maps are 0-based
and end-exclusive; they are turned into 1-based lines here, once. The text is read as markdown-it
reads it (CommonMark + GFM tables), with these choices where the site's kramdown differs:

- ``$$…$$`` inside a paragraph is inline math (as in kramdown); ``$…$`` is recorded as math with
  the delimiter ``$`` although kramdown leaves it as text (MathJax renders it in the browser), so
  checks can tell the two apart. A ``$$`` block on its own lines has the delimiter ``block``.
  MathJax also reads ``$…$`` in raw HTML and figure captions, so math is found there too.
- Bare URLs count as links (``autolink``), as on GitHub; kramdown leaves them as text.
- Text inside ``markdown="1"`` HTML is parsed as inline Markdown, as kramdown does; an HTML
  heading element opens a section (see ``headings``).
- Left as CommonMark has it: an HTML block ends at a blank line (kramdown keeps an element without
  ``markdown="1"`` raw up to its end tag), emphasis flanking rules (``**(i, i)**th`` is not bold
  here), and ``[^1]`` footnotes are not parsed (the corpus writes ``<d-footnote>``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from transcheck.model import Block, BlockKind, Document, FrontMatter, Math, Section
from transcheck.parse.comments import collect_comments
from transcheck.parse.dollars import use_math_inline_rule
from transcheck.parse.frontmatter import parse_front_matter, unclosed_front_matter
from transcheck.parse.headings import (
    Heading,
    html_heading,
    html_heading_level,
    markdown_heading,
    split_explicit_id,
)
from transcheck.parse.inline import InlineItems, collect_inline, html_items
from transcheck.parse.liquid import liquid_plugin
from transcheck.parse.positions import LineMap, track_positions
from transcheck.parse.slugs import Slugger


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """The configured parser: CommonMark + GFM tables, strikethrough and bare-URL autolinks,
    front matter, ``$``/``$$`` math and Liquid tags; inline tokens carry source offsets."""
    md = MarkdownIt("commonmark", {"store_labels": True, "linkify": True})
    md.enable(["table", "strikethrough", "linkify"])
    if md.linkify is not None:
        md.linkify.set({"fuzzy_link": False})  # "file.md" in prose is not a link
        # Without fuzzy links every match holds "//" or "@": skip linkify's costly regex otherwise.
        pretest = md.linkify.pretest
        md.linkify.pretest = lambda text: ("//" in text or "@" in text) and pretest(text)
    md.use(front_matter_plugin)
    md.use(dollarmath_plugin, double_inline=True, allow_space=False, allow_digits=False)
    use_math_inline_rule(md)
    md.use(liquid_plugin)
    track_positions(md)
    # Keep URLs as written: percent-encoding them would hide the anchor a translator typed.
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


class _InlineParser:
    """Inline parsing for one document, whose reference definitions resolve everywhere in it
    (Markdown inside HTML and explicit-id headings, which are parsed again, included)."""

    def __init__(self, env: dict[str, Any]) -> None:
        """Keep the document's env (its reference definitions) for every later inline parse."""
        self._env = env
        references = env.get("references", {})
        self.definitions = {
            label: ref["map"][0] + 1 for label, ref in references.items() if ref.get("map")
        }

    def token(self, token: Token, line: int) -> InlineItems:
        """Items of one ``inline`` token whose source starts at ``line``."""
        lines = LineMap(token.content, line)
        return collect_inline(token.children or [], lines, self.definitions)

    def source(self, source: str, line: int) -> InlineItems:
        """Items of a string of inline Markdown whose first line is ``line``."""
        tokens = markdown().parseInline(source, self._env)
        children = tokens[0].children if tokens and tokens[0].children else []
        return collect_inline(children, LineMap(source, line), self.definitions)


@dataclass
class _Builder:
    """Accumulates sections while walking the block tokens of one file."""

    first_body_line: int = 1
    sections: list[Section] = field(default_factory=list)
    heading: Heading | None = None
    blocks: list[Block] = field(default_factory=list)

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
        parent = next((s.index for s in reversed(self.sections) if s.level < level), None)
        self.sections.append(
            Section(
                index=len(self.sections),
                level=level,
                title=heading.title if heading else "",
                line=line,
                end_line=max(end_line, line),
                anchor=heading.anchor if heading else "",
                explicit_id=heading.explicit_id if heading else False,
                parent=parent,
                blocks=tuple(self.blocks),
            )
        )
        self.blocks = []


def _block(kind: BlockKind, span: tuple[int, int], items: InlineItems, **extra: object) -> Block:
    """A block of ``kind`` over the 1-based lines ``span`` holding ``items``."""
    return Block(
        kind=kind,
        line=span[0],
        end_line=span[1],
        text=items.text,
        links=tuple(items.links),
        code_spans=tuple(items.code_spans),
        numbers=tuple(items.numbers),
        math=tuple(items.math),
        markup=tuple(items.markup),
        **extra,  # type: ignore[arg-type]
    )


def _paragraph_kind(children: list[Token], first_in_item: bool) -> BlockKind:
    """A paragraph of only Liquid tags is Liquid, of only ``$$…$$`` is math (kramdown agrees)."""
    blank = ("softbreak", "hardbreak")
    meaningful = [
        c for c in children if c.type not in blank and (c.type != "text" or c.content.strip())
    ]
    if meaningful and all(c.type == "liquid" for c in meaningful):
        return BlockKind.LIQUID
    if len(meaningful) == 1 and meaningful[0].type == "math_inline_double":
        return BlockKind.MATH
    return BlockKind.LIST_ITEM if first_in_item else BlockKind.PARAGRAPH


def _span(token: Token) -> tuple[int, int]:
    """1-based first and last line of a block token (maps are 0-based, end-exclusive)."""
    start, end = token.map or (0, 1)
    return start + 1, max(start + 1, end)


@dataclass
class _Walker:
    """Turns the block tokens of one file into blocks and sections."""

    slugger: Slugger
    inline: _InlineParser
    builder: _Builder = field(default_factory=_Builder)
    front: FrontMatter | None = None
    depth: int = 0  # list and block quote nesting
    items_open: list[bool] = field(default_factory=list)  # per open list item: no block yet
    row: tuple[tuple[int, int], InlineItems, list[str]] | None = None

    def add(self, block: Block) -> None:
        """Add a block to the current section; the first block of a list item is the item."""
        if self.items_open:
            self.items_open[-1] = False
        self.builder.blocks.append(block)

    def heading(self, open_token: Token, inline: Token) -> None:
        """A Markdown heading opens a section."""
        span = _span(open_token)
        source, explicit = split_explicit_id(inline.content)
        if explicit is None:
            items = self.inline.token(inline, span[0])
        else:
            items = self.inline.source(source, span[0])
        block = _block(BlockKind.HEADING, span, items, depth=self.depth)
        heading = markdown_heading(
            int(open_token.tag[1]), items, source, explicit, block, self.slugger
        )
        self.builder.start_section(heading)

    def paragraph(self, open_token: Token, inline: Token) -> None:
        """A paragraph: prose, a list item's text, a Liquid tag line or a ``$$`` formula."""
        span = _span(open_token)
        first_in_item = bool(self.items_open) and self.items_open[-1]
        kind = _paragraph_kind(inline.children or [], first_in_item)
        self.add(_block(kind, span, self.inline.token(inline, span[0]), depth=self.depth))

    def html_block(self, token: Token) -> None:
        """Raw HTML: a heading element opens a section, anything else is an HTML block."""
        span = _span(token)
        items = InlineItems()
        html_items(token.content, span[0], items, self.inline.source)
        level = html_heading_level(token.content)
        if level is None:
            self.add(_block(BlockKind.HTML, span, items, depth=self.depth))
        else:
            block = _block(BlockKind.HEADING, span, items, depth=self.depth)
            self.builder.start_section(html_heading(level, items, block))

    def table(self, token: Token) -> None:
        """Table rows: one block per row, its cells' text in ``cells``."""
        if token.type == "tr_open":
            self.row = (_span(token), InlineItems(), [])
        elif token.type == "inline" and self.row is not None:
            cell = self.inline.token(token, self.row[0][0])
            self.row[1].extend(cell)
            self.row[2].append(cell.text)
        elif token.type == "tr_close" and self.row is not None:
            span, items, cells = self.row
            self.add(_block(BlockKind.TABLE_ROW, span, items, depth=self.depth, cells=tuple(cells)))
            self.row = None

    def token(self, token: Token) -> None:
        """Handle one block token that needs no look-ahead."""
        kind = token.type
        if kind == "front_matter":
            first, last = _span(token)
            self.front = parse_front_matter(token.content, first, last)
            self.builder.first_body_line = last + 1
        elif kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            self.depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            self.depth -= 1
        elif kind == "list_item_open":
            self.items_open.append(True)
        elif kind == "list_item_close":
            self.items_open.pop()
        elif kind in ("tr_open", "tr_close") or (kind == "inline" and self.row is not None):
            self.table(token)
        elif kind in ("fence", "code_block"):
            lang = token.info.strip().split(" ")[0] if token.info else ""
            span = _span(token)
            self.add(Block(BlockKind.CODE, *span, depth=self.depth, lang=lang, text=token.content))
        elif kind in ("math_block", "math_block_label"):
            span = _span(token)
            items = InlineItems(math=[Math(token.content.strip(), span[0], "block")])
            self.add(_block(BlockKind.MATH, span, items, depth=self.depth))
        elif kind == "html_block":
            self.html_block(token)


def parse_markdown(text: str, path: str, slug_style: str = "github") -> Document:
    """Parse one file's text (already decoded) into a Document. Never raises on odd Markdown.

    CRLF and lone CR count as one line break each and a leading BOM is dropped, so lines match
    what an editor shows; text is NFC-normalized (Korean saved on macOS can be NFD).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    env: dict[str, Any] = {}
    tokens = markdown().parse(text, env)
    walker = _Walker(Slugger(slug_style), _InlineParser(env))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            walker.heading(token, tokens[index + 1])
            index += 2
        elif token.type == "paragraph_open":
            walker.paragraph(token, tokens[index + 1])
            index += 1
        else:
            walker.token(token)
        index += 1
    line_count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    builder = walker.builder
    builder.first_body_line = min(builder.first_body_line, max(line_count, 1))
    builder.close_section(line_count)
    front = walker.front or unclosed_front_matter(text, line_count)
    return Document(path, line_count, tuple(builder.sections), front, collect_comments(tokens))
