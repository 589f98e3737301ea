"""Markdown text -> Document: sections, blocks and inline items, each with its 1-based line.

This module and its siblings are the only code that imports markdown-it. Token maps are 0-based
and end-exclusive; they are turned into 1-based lines here, once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from transcheck.model import Block, BlockKind, Document, FrontMatter, Math, Section
from transcheck.parse.frontmatter import parse_front_matter
from transcheck.parse.inline import InlineItems, InlineParser, collect_inline, html_items
from transcheck.parse.liquid import liquid_plugin
from transcheck.parse.slugs import Slugger

_EXPLICIT_ID = re.compile(r"\s*(?:\{#([^\s}]+)\}|\{/\*\s*([^\s*]+)\s*\*/\})\s*$")


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """The configured parser: CommonMark + GFM tables, strikethrough and bare-URL autolinks,
    front matter, ``$``/``$$`` math and Liquid tags."""
    md = MarkdownIt("commonmark", {"store_labels": True, "linkify": True})
    md.enable(["table", "strikethrough", "linkify"])
    if md.linkify is not None:
        md.linkify.set({"fuzzy_link": False})  # "file.md" in prose is not a link
    md.use(front_matter_plugin)
    md.use(dollarmath_plugin, double_inline=True, allow_space=False, allow_digits=False)
    md.use(liquid_plugin)
    # Keep URLs as written: percent-encoding them would hide the anchor a translator typed.
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def _parse_inline_markdown(source: str) -> list[Token]:
    return markdown().parseInline(source)


_REPARSE = InlineParser(_parse_inline_markdown)


@dataclass
class _Builder:
    """Accumulates sections while walking the block tokens of one file."""

    slugger: Slugger
    first_body_line: int = 1
    sections: list[Section] = field(default_factory=list)
    heading: tuple[int, str, int, str, bool] | None = None  # level, title, line, anchor, explicit
    blocks: list[Block] = field(default_factory=list)

    def start_section(self, level: int, items: InlineItems, line: int, block: Block) -> None:
        self.close_section(line - 1)
        title = items.plain
        match = _EXPLICIT_ID.search(title)
        if match:
            anchor = match.group(1) or match.group(2)
            title = title[: match.start()].strip()
            self.slugger.reserve(anchor)
            self.heading = (level, title, line, anchor, True)
        else:
            self.heading = (level, title, line, self.slugger.slug(title), False)
        self.blocks = [block]

    def close_section(self, end_line: int) -> None:
        level, title, line, anchor, explicit = self.heading or (
            0,
            "",
            self.first_body_line,
            "",
            False,
        )
        parent = None
        for previous in reversed(self.sections):
            if previous.level < level:
                parent = previous.index
                break
        self.sections.append(
            Section(
                index=len(self.sections),
                level=level,
                title=title,
                line=line,
                end_line=max(end_line, line),
                anchor=anchor,
                explicit_id=explicit,
                parent=parent,
                blocks=tuple(self.blocks),
            )
        )
        self.blocks = []


def _block(kind: BlockKind, line: int, end: int, items: InlineItems, **extra: object) -> Block:
    return Block(
        kind=kind,
        line=line,
        end_line=end,
        text=items.text,
        links=tuple(items.links),
        code_spans=tuple(items.code_spans),
        numbers=tuple(items.numbers),
        math=tuple(items.math),
        markup=tuple(items.markup),
        **extra,  # type: ignore[arg-type]
    )


def _paragraph_kind(children: list[Token], in_item_first: bool) -> BlockKind:
    meaningful = [c for c in children if c.type not in ("softbreak", "hardbreak")]
    meaningful = [c for c in meaningful if not (c.type == "text" and not c.content.strip())]
    if meaningful and all(c.type == "liquid" for c in meaningful):
        return BlockKind.LIQUID
    if len(meaningful) == 1 and meaningful[0].type == "math_inline_double":
        return BlockKind.MATH
    return BlockKind.LIST_ITEM if in_item_first else BlockKind.PARAGRAPH


def _span(token: Token) -> tuple[int, int]:
    """1-based first and last line of a block token (maps are 0-based, end-exclusive)."""
    start, end = token.map or (0, 1)
    return start + 1, max(start + 1, end)


def parse_markdown(text: str, path: str, slug_style: str = "github") -> Document:
    """Parse one file's text (already decoded) into a Document. Never raises on odd Markdown."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    tokens = markdown().parse(text)
    builder = _Builder(Slugger(slug_style))
    front: FrontMatter | None = None
    depth = 0
    item_first: list[bool] = []
    row: tuple[int, int, InlineItems, list[str]] | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "front_matter":
            first, last = _span(token)
            front = parse_front_matter(token.content, first, last)
            builder.first_body_line = last + 1
        elif kind == "heading_open":
            inline = tokens[index + 1]
            line, end = _span(token)
            items = collect_inline(inline.children or [], line, _REPARSE)
            block = _block(BlockKind.HEADING, line, end, items)
            builder.start_section(int(token.tag[1]), items, line, block)
            index += 2
        elif kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif kind == "list_item_open":
            item_first.append(True)
        elif kind == "list_item_close":
            item_first.pop()
        elif kind == "paragraph_open":
            inline = tokens[index + 1]
            line, end = _span(token)
            children = inline.children or []
            items = collect_inline(children, line, _REPARSE)
            first_in_item = bool(item_first) and item_first[-1]
            if item_first:
                item_first[-1] = False
            block_kind = _paragraph_kind(children, first_in_item)
            builder.blocks.append(_block(block_kind, line, end, items, depth=depth))
            index += 1
        elif kind == "tr_open":
            line, end = _span(token)
            row = (line, end, InlineItems(), [])
        elif kind == "inline" and row is not None:
            cell = collect_inline(token.children or [], row[0], _REPARSE)
            row[2].extend(cell)
            row[3].append(cell.text)
        elif kind == "tr_close" and row is not None:
            line, end, items, cells = row
            builder.blocks.append(
                _block(BlockKind.TABLE_ROW, line, end, items, depth=depth, cells=tuple(cells))
            )
            row = None
        elif kind in ("fence", "code_block"):
            line, end = _span(token)
            lang = token.info.strip().split(" ")[0] if token.info else ""
            builder.blocks.append(
                Block(BlockKind.CODE, line, end, depth=depth, lang=lang, text=token.content)
            )
        elif kind == "math_block" or kind == "math_block_label":
            line, end = _span(token)
            items = InlineItems(math=[Math(token.content, line, "block")])
            builder.blocks.append(_block(BlockKind.MATH, line, end, items, depth=depth))
        elif kind == "html_block":
            line, end = _span(token)
            items = InlineItems()
            html_items(token.content, line, items, _REPARSE)
            builder.blocks.append(_block(BlockKind.HTML, line, end, items, depth=depth))
        index += 1
    line_count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    builder.close_section(line_count)
    return Document(path, line_count, tuple(builder.sections), front)
