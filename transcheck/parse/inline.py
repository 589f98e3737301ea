"""Items of one inline run (a paragraph, heading, list item or table cell) with their lines.

markdown-it gives positions to block tokens only, so a child's line is the block's first line plus
the line breaks before it: soft and hard breaks, and newlines inside raw HTML, Liquid and math.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from markdown_it.token import Token

from transcheck.model import CodeSpan, Link, LinkKind, Markup, Math, Number
from transcheck.parse.html import scan_html
from transcheck.parse.liquid import parse_liquid_args

NUMBER = re.compile(
    r"(?<![\w.,])[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?%?(?![\d])"
)


def canonical_number(text: str) -> str:
    """A canonical form of a written number: 1,000 and 1000 and 1e3 give the same string."""
    cleaned = text.replace(",", "").replace("−", "-").rstrip("%")
    try:
        value = Decimal(cleaned).normalize()
    except InvalidOperation:
        return text
    suffix = "%" if text.endswith("%") else ""
    return f"{value:f}{suffix}" if abs(value.adjusted()) < 16 else f"{value}{suffix}"


def find_numbers(text: str, line: int) -> list[Number]:
    """Numbers written in a run of prose on one line."""
    return [Number(m.group(0), canonical_number(m.group(0)), line) for m in NUMBER.finditer(text)]


@dataclass
class InlineItems:
    """What an inline run holds; ``text`` is its prose with code, math, URLs and tags left out."""

    text: str = ""
    plain: str = ""  # the rendered text content (prose plus code), as heading ids use it
    links: list[Link] = field(default_factory=list)
    code_spans: list[CodeSpan] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    math: list[Math] = field(default_factory=list)
    markup: list[Markup] = field(default_factory=list)

    def extend(self, other: InlineItems) -> None:
        """Append another run's items (used for table cells and Markdown inside HTML)."""
        self.text = f"{self.text} {other.text}".strip() if self.text else other.text
        self.plain = f"{self.plain} {other.plain}".strip() if self.plain else other.plain
        self.links += other.links
        self.code_spans += other.code_spans
        self.numbers += other.numbers
        self.math += other.math
        self.markup += other.markup


def html_items(fragment: str, line: int, items: InlineItems, reparse: InlineParser | None) -> None:
    """Add the tags, link targets and text of a raw HTML fragment starting at ``line``."""
    tags, texts = scan_html(fragment)
    for tag in tags:
        tag_line = line + tag.offset
        items.markup.append(Markup("html", tag.name, tag.attrs, tag_line))
        attrs = dict(tag.attrs)
        if tag.name == "a" and attrs.get("href"):
            items.links.append(Link(attrs["href"].strip(), tag_line, LinkKind.HTML))
        elif tag.name == "img" and attrs.get("src"):
            items.links.append(Link(attrs["src"].strip(), tag_line, LinkKind.HTML_IMAGE))
    for run in texts:
        if run.markdown and reparse is not None:
            items.extend(reparse(run.text, line + run.offset))
        else:
            text = " ".join(run.text.split())
            items.text = f"{items.text} {text}".strip()
            items.numbers += find_numbers(run.text, line + run.offset)


class InlineParser:
    """Turns a string of inline Markdown into items; given by the parser for Markdown in HTML."""

    def __init__(self, parse_inline: object) -> None:
        self._parse_inline = parse_inline

    def __call__(self, source: str, line: int) -> InlineItems:
        tokens: list[Token] = self._parse_inline(source)  # type: ignore[operator]
        children = tokens[0].children if tokens and tokens[0].children else []
        return collect_inline(children, line, self)


def collect_inline(children: list[Token], line: int, reparse: InlineParser | None) -> InlineItems:
    """Walk the children of one ``inline`` token whose first source line is ``line``."""
    items = InlineItems()
    text_parts: list[str] = []
    plain_parts: list[str] = []
    link_stack: list[tuple[Link, list[str]]] = []
    for child in children:
        kind = child.type
        if kind == "text":
            text_parts.append(child.content)
            plain_parts.append(child.content)
            items.numbers += find_numbers(child.content, line)
            for _, label in link_stack:
                label.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            text_parts.append(" ")
            plain_parts.append(" ")
            line += 1
        elif kind == "code_inline":
            items.code_spans.append(CodeSpan(child.content, line))
            plain_parts.append(child.content)
        elif kind in ("math_inline", "math_inline_double"):
            delimiter = "$$" if kind == "math_inline_double" else "$"
            items.math.append(Math(child.content, line, delimiter))
            line += child.content.count("\n")
        elif kind == "link_open":
            href = str(child.attrs.get("href", "")).strip()
            if child.markup == "autolink" or child.info == "auto":
                link_kind = LinkKind.AUTOLINK
            elif child.meta.get("label"):
                link_kind = LinkKind.REFERENCE
            else:
                link_kind = LinkKind.INLINE
            link_stack.append((Link(href, line, link_kind), []))
        elif kind == "link_close" and link_stack:
            link, label = link_stack.pop()
            items.links.append(Link(link.url, link.line, link.kind, "".join(label).strip()))
        elif kind == "image":
            src = str(child.attrs.get("src", "")).strip()
            items.links.append(Link(src, line, LinkKind.IMAGE, child.content))
            text_parts.append(child.content)
        elif kind == "html_inline":
            html_items(child.content, line, items, None)
            line += child.content.count("\n")
        elif kind == "liquid":
            name, attrs = parse_liquid_args(child.content)
            items.markup.append(Markup("liquid", name, attrs, line))
            path = dict(attrs).get("path")
            if path:
                items.links.append(
                    Link(path, line, LinkKind.LIQUID, dict(attrs).get("caption", ""))
                )
            line += child.content.count("\n")
    prose = " ".join("".join(text_parts).split())
    items.text = f"{prose} {items.text}".strip() if items.text else prose
    items.plain = " ".join("".join(plain_parts).split())
    return items
