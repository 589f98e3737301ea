"""Items of one inline run (a paragraph, heading, list item or table cell) with their lines.

Every child token carries its source offset (see ``positions``), so each item gets the line it is
written on, whatever spans lines before it (code spans, link destinations, raw HTML, math).

What counts as prose (``InlineItems.text``): text, link labels, image alt text, the text of raw
HTML, Liquid figure captions and ``{% details … %}`` titles (readers see all of these). Not prose:
code, math, URLs (autolinks and bare URLs included) and tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import field

from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import CodeSpan, Link, LinkKind, Markup, Math, Number
from transcheck.parse.blanks import collapse_blanks
from transcheck.parse.dollars import math_text_parser
from transcheck.parse.html import HtmlTag, scan_html
from transcheck.parse.kramdown import attributes_markup
from transcheck.parse.liquid import liquid_args, template_call
from transcheck.parse.mdx import expression_markup, jsx_tags, starts_component
from transcheck.parse.numbers import find_numbers
from transcheck.parse.positions import POS, LineMap
from transcheck.parse.shortcodes import shortcode_markup
from transcheck.records import mutable

_CLOSE_A = compiled(r"</a\s*>", re.IGNORECASE)
_MATH_OR_BREAK = re.compile("[$\n\r\0]")  # where the math parser's rules start or rewrite


@mutable
class InlineItems:
    """What an inline run holds, in source order; prose is kept as pieces with their lines."""

    prose: list[tuple[str, int]] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # prose, code and math as displayed
    links: list[Link] = field(default_factory=list)
    code_spans: list[CodeSpan] = field(default_factory=list)
    math: list[Math] = field(default_factory=list)
    markup: list[Markup] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)  # the prose of each *x* or **x**

    @property
    def text(self) -> str:
        """The prose, whitespace collapsed."""
        return collapse_blanks("".join([piece for piece, _ in self.prose]))

    def texts_and_numbers(self) -> tuple[str, str, list[Number]]:
        """The prose and the rendered text (prose, code and math, which GitHub-style heading ids
        are made of), whitespace collapsed, and the numbers written in the prose (each at its own
        line), from one join of the pieces. A run rendered as its prose alone (no code, math or
        bare URL: most paragraphs) has its text collapsed once for both."""
        pieces = [piece for piece, _ in self.prose]
        run = "".join(pieces)
        text = collapse_blanks(run)
        rendered = self.rendered
        shown = text if pieces == rendered else collapse_blanks("".join(rendered))
        return text, shown, find_numbers(self.prose, run) if pieces else []

    def add_prose(self, text: str, line: int, *, word: bool = False) -> None:
        """Append prose starting at ``line``; a ``word`` stands apart from its neighbours."""
        if text:
            self.prose.append((f" {text} " if word else text, line))
            self.rendered.append(f" {text} " if word else text)

    def extend(self, other: InlineItems, *, separate: bool = True) -> None:
        """Append another run's items (table cells, HTML text); a ``separate`` run stands apart
        from the text before it, as a cell or a paragraph does."""
        gap = [" "] if separate else []
        if other.prose:
            self.prose += [(piece, other.prose[0][1]) for piece in gap] + other.prose
        self.rendered += gap + other.rendered
        self.links += other.links
        self.code_spans += other.code_spans
        self.math += other.math
        self.markup += other.markup
        self.emphasis += other.emphasis


def text_items(text: str, line: int) -> InlineItems:
    """The items ``collect_inline`` reads from a run on one ``line`` that is one ``text`` token
    (4,500 of vue-docs' 11,000 runs): its text as prose, without a walk or a line map."""
    return InlineItems([(text, line)], [text]) if text else InlineItems()


def add_jsx_tags(items: InlineItems, source: str, line: int) -> None:
    """Add MDX component tags: their Markup, the links of their ``href``/``src`` string props,
    and the prose of their text props."""
    tags, prose = jsx_tags(source, line)
    items.markup += tags
    for tag in tags:
        for key, value in tag.attrs:
            if key in ("href", "src") and value.strip() and not value.startswith("{"):
                kind = LinkKind.HTML if key == "href" else LinkKind.HTML_IMAGE
                items.links.append(Link(value.strip(), tag.line, kind, tag.attr("alt") or ""))
    for text in prose:
        items.add_prose(text, line, word=True)


InlineParser = Callable[[str, int], InlineItems]
"""Parses a string of inline Markdown whose first line is the given one (Markdown in HTML)."""


def _html_link(tag: HtmlTag, line: int) -> Link | None:
    """The link an ``<a href>`` or ``<img src>`` tag makes, if any."""
    attrs = dict(tag.attrs)
    if tag.name == "a" and attrs.get("href", "").strip():
        return Link(attrs["href"].strip(), line, LinkKind.HTML, tag.text)
    if tag.name == "img" and attrs.get("src", "").strip():
        return Link(attrs["src"].strip(), line, LinkKind.HTML_IMAGE, attrs.get("alt", ""))
    return None


def html_items(fragment: str, line: int, items: InlineItems, reparse: InlineParser | None) -> None:
    """Add the tags, link targets and text of a raw HTML fragment starting at ``line``.

    Text that kramdown parses as Markdown (``markdown="1"``) goes through ``reparse``; other text
    is prose in which only ``$…$``/``$$…$$`` math is found (MathJax renders it in the browser).
    """
    tags, texts = scan_html(fragment)
    for tag in tags:
        tag_line = line + tag.offset
        items.markup.append(Markup("html", tag.name, tag.attrs, tag_line))
        link = _html_link(tag, tag_line)
        if link is not None:
            items.links.append(link)
    for run in texts:
        if run.markdown and reparse is not None:
            items.extend(reparse(run.text, line + run.offset))
        else:
            items.extend(_html_text(run.text, line + run.offset), separate=run.separate)


def _html_text(source: str, line: int) -> InlineItems:
    """Items of HTML text that is not Markdown: prose and math. A text without a ``$`` or a
    line break (nor what markdown-it's normalizing rewrites: CR, NUL) is one text token to the
    math parser, read here without starting its pipeline."""
    if _MATH_OR_BREAK.search(source) is None:
        return text_items(source, line)
    tokens = math_text_parser().parseInline(source)
    children = tokens[0].children if tokens and tokens[0].children else []
    return collect_inline(children, LineMap(source, line), {})


def _liquid_items(token: Token, lines: LineMap, line: int, items: InlineItems) -> None:
    """Add a Liquid tag: its markup, a figure's ``path=`` and caption, a ``details`` title."""
    if token.markup == "{{":  # an output tag: a call, or an expression kept whole
        kind = "template"
        name, args = template_call(token.content) or (collapse_blanks(token.content), ())
    else:
        kind = "liquid"
        name, args = liquid_args(token.content)
    items.markup.append(Markup(kind, name, tuple((a.key, a.value) for a in args), line))
    start = token.meta.get(POS)

    def line_of(offset: int) -> int:
        """The file line of an offset into the tag body."""
        return line if start is None else lines.line_at(start + len(token.markup) + offset)

    caption = InlineItems()
    for arg in args:
        if arg.key == "caption":
            html_items(arg.value, line_of(arg.offset), caption, None)
        elif arg.key == "" and name == "details":
            items.add_prose(arg.value, line_of(arg.offset), word=True)
    for arg in args:
        if arg.key == "path" and arg.value:
            items.links.append(Link(arg.value, line_of(arg.offset), LinkKind.LIQUID, caption.text))
    items.extend(caption)


def _link(token: Token, line: int, definitions: Mapping[str, int]) -> Link:
    """The link a ``link_open`` token opens; a reference link knows its definition's line."""
    url = str(token.attrs.get("href", "")).strip()
    if token.markup in ("autolink", "linkify") or token.info == "auto":
        return Link(url, line, LinkKind.AUTOLINK)
    label = token.meta.get("label")
    if label:
        return Link(url, line, LinkKind.REFERENCE, definition_line=definitions.get(label))
    return Link(url, line, LinkKind.INLINE)


class _Walk:
    """One walk over inline children: the items so far and the links still open."""

    def __init__(self, jsx: bool) -> None:
        """Start with no items and no open link; ``jsx``: capitalised tags are MDX components."""
        self.items = InlineItems()
        self.open: list[tuple[int, list[str]]] = []  # index into items.links, label so far
        self.elements: list[tuple[int, str, int]] = []  # open HTML: markup index, name, prose
        self.jsx = jsx

    def open_link(self, link: Link) -> None:
        """Add a link now (keeping source order) and collect its label until it closes."""
        self.items.links.append(link)
        self.open.append((len(self.items.links) - 1, []))

    def close_link(self, html: bool | None = None) -> None:
        """Give the innermost open link the label text seen since it opened; with ``html``, the
        innermost ``<a>`` (True) or Markdown link (False), so an unclosed ``<a>`` is skipped."""
        for position in range(len(self.open) - 1, -1, -1):
            index, label = self.open[position]
            if html is None or (self.items.links[index].kind is LinkKind.HTML) == html:
                del self.open[position]
                link = self.items.links[index]  # made anew: ``replace`` reads every field twice
                text = collapse_blanks("".join(label))
                self.items.links[index] = Link(
                    link.url, link.line, link.kind, text, link.definition_line
                )
                return

    def close_element(self, name: str) -> None:
        """Give the innermost open element ``name`` the prose seen since it opened."""
        for position in range(len(self.elements) - 1, -1, -1):
            index, opened, start = self.elements[position]
            if opened == name:
                text = collapse_blanks("".join([piece for piece, _ in self.items.prose[start:]]))
                tag = self.items.markup[index]
                self.items.markup[index] = Markup(
                    tag.kind, tag.name, tag.attrs, tag.line, text, tag.percent
                )
                del self.elements[position:]
                return

    def label(self, content: str) -> None:
        """Add text to the label of every open link."""
        for _, label in self.open:
            label.append(content)

    def dialect_tag(self, token: Token, line: int) -> None:
        """A shortcode, kramdown attribute list, MDX expression or footnote reference: markup,
        plus the prose a shortcode's text arguments show."""
        kind = token.type
        if kind == "shortcode":
            tag, prose = shortcode_markup(token, line)
            self.items.markup.append(tag)
            src = tag.attr("src")
            if src and src.strip():  # {{< figure src="…" >}}: an image, as an <img> is
                self.items.links.append(
                    Link(src.strip(), line, LinkKind.HTML_IMAGE, tag.attr("alt") or "")
                )
            for text in prose:
                self.items.add_prose(text, line, word=True)
        elif kind == "kramdown":
            self.items.markup.append(attributes_markup(token, line))
        elif kind == "footnote_ref":
            label = str(token.meta.get("label", ""))
            self.items.markup.append(Markup("footnote", "ref", (("label", label),), line))
        else:
            expression = expression_markup(token, line)
            if expression is not None:
                self.items.markup.append(expression)

    def link_text(self, content: str, line: int) -> None:
        """Text inside a link: add it to every open link's label, and to prose unless it is a
        URL shown as is."""
        self.label(content)
        if any(self.items.links[i].kind is LinkKind.AUTOLINK for i, _ in self.open):
            self.items.rendered.append(content)
        else:
            self.items.add_prose(content, line)

    def html(self, content: str, line: int) -> None:
        """Raw inline HTML: an ``<a href>`` opens a link whose label follows; ``</a>`` closes it."""
        if self.jsx and starts_component(content, 0):
            add_jsx_tags(self.items, content, line)
            return
        if content.startswith("</"):  # an end tag: a link's end, an element's text
            if _CLOSE_A().fullmatch(content):
                self.close_link(html=True)
            self.close_element(content[2:].strip(" \t\n>").lower())
            return
        for tag in scan_html(content)[0]:
            tag_line = line + tag.offset
            self.elements.append((len(self.items.markup), tag.name, len(self.items.prose)))
            self.items.markup.append(Markup("html", tag.name, tag.attrs, tag_line))
            link = _html_link(tag, tag_line)
            if link is not None and link.kind is LinkKind.HTML:
                self.open_link(link)
            elif link is not None:
                self.items.links.append(link)


_DIALECT_TAGS = frozenset({"shortcode", "kramdown", "footnote_ref", "mdx_expression"})


def collect_inline(
    children: list[Token], lines: LineMap, definitions: Mapping[str, int], jsx: bool = False
) -> InlineItems:
    """Walk the children of one ``inline`` token whose source ``lines`` maps to file lines.

    ``definitions`` maps a reference label to the line of its definition; with ``jsx``,
    capitalised tags are MDX components.
    """
    walk = _Walk(jsx)
    items = walk.items
    prose, rendered = items.prose, items.rendered
    emphasized: list[int] = []  # where in ``prose`` each open emphasis starts
    line = lines.line_at(0)
    multiline = lines.multiline
    for child in children:
        if multiline:
            line = lines.line_of(child, line)
        kind = child.type
        if kind == "text":
            if walk.open:
                walk.link_text(child.content, line)
            elif child.content:  # the common case, kept short: text outside any link
                prose.append((child.content, line))
                rendered.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            walk.label(" ")
            items.add_prose("\n", line)
        elif kind == "code_inline":
            items.code_spans.append(CodeSpan(child.content, line))
            items.rendered.append(child.content)
            walk.label(child.content)  # [pass a `key`](#x) reads "pass a key"
        elif kind in ("math_inline", "math_inline_double"):
            delimiter = "$$" if kind == "math_inline_double" else "$"
            items.math.append(Math(child.content, line, delimiter))
            items.rendered.append(child.content)
        elif kind == "link_open":
            walk.open_link(_link(child, line, definitions))
        elif kind == "link_close":
            walk.close_link(html=False)
        elif kind == "image":
            src = str(child.attrs.get("src", "")).strip()
            items.links.append(Link(src, line, LinkKind.IMAGE, child.content))
            walk.label(child.content)
            items.prose.append((child.content, line))
        elif kind == "html_inline":
            walk.html(child.content, line)
        elif kind == "liquid":
            _liquid_items(child, lines, line, items)
        elif kind in _DIALECT_TAGS:
            walk.dialect_tag(child, line)
        elif kind in ("em_open", "strong_open"):
            emphasized.append(len(prose))
        elif kind in ("em_close", "strong_close") and emphasized:
            items.emphasis.append("".join([piece for piece, _ in prose[emphasized.pop() :]]))
    while walk.open:
        walk.close_link()
    return items
