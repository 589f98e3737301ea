"""Headings: explicit ids, generated ids, and raw HTML headings that open a section.

An explicit id (kramdown's ``{#id}`` or ``{: #id}``, Hugo's ``{#id .class}``, MDX's
``{/*id*/}``, Docusaurus' ``{/* #id */}``, Hugging Face's ``[[id]]`` or Docsify's ``:id=id``) is
read from the heading's *source*, not its rendered text: ``{/*id*/}`` renders as emphasis, so
the text no longer shows it.

The id is cut off the heading's inline token just before its inline parsing (by our parsers'
inline core rule, see ``parsers``), so the heading is parsed once, without it; the id waits in the
token's meta under ``EXPLICIT_ID``.

A Hugo paragraph that is one heading shortcode (Kubernetes' ``{{% whatsnext-heading %}}``) is the
heading it renders, the one older pages write ``## {{% heading "whatsnext" %}}``.

A raw HTML block that is one ``<h1>``…``<h6>`` element (``<h3 id="x">…</h3>``, or
``<h3 markdown=1>…</h3>`` which kramdown fills with Markdown) is a heading on the rendered page,
so it opens a section too. Its id is its ``id`` attribute; it gets no generated one, since neither
kramdown nor GitHub's Markdown renderer generates ids for raw HTML.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Block, Markup
from transcheck.parse.slugs import Slugger
from transcheck.records import record

# {#id}, {#id .class}, {.class #id} (Hugo/Goldmark), {: #id} (kramdown), {/*id*/} (MDX as
# react.dev writes it), {/* #id */} (Docusaurus' MDX comment form), [[id]] (Hugging Face's
# doc-builder, whose Korean pages write "## 설치 [[installation]]"), :id=id (Docsify)
_EXPLICIT_ID = compiled(
    r"\s*(?:\{:?[ \t]*(?:[.\w-]+[ \t]+)*#([^\s}]+)[^}]*\}|\{/\*\s*#?([^\s*#]+)\s*\*/\}"
    r"|\[\[([^\s\[\]]+)\]\]|(?<=\s):id=([^\s]+))\s*$"
)
EXPLICIT_ID = "transcheck_explicit_id"  # key in a heading's inline token meta
# A shortcode that renders a heading named for it: whatsnext-heading, prerequisites_heading.
_HEADING_SHORTCODE = compiled(r"([A-Za-z][A-Za-z0-9]*)[-_]heading")
_HTML_HEADING = compiled(r"<h([1-6])\b[^>]*>.*</h\1\s*>", re.IGNORECASE | re.DOTALL)


@record
class Heading:
    """A heading that opens a section: level, title, first line, id and its first block."""

    level: int
    title: str
    line: int
    anchor: str
    explicit_id: bool
    block: Block


def split_explicit_id(source: str) -> tuple[str, str | None]:
    """The heading source without a trailing explicit id, and that id (None when absent)."""
    if not source.rstrip().endswith(("}", "]]")) and ":id=" not in source:  # every form's mark
        return source, None
    match = _EXPLICIT_ID().search(source)
    if match is None:
        return source, None
    found = next(group for group in match.groups() if group is not None)
    return source[: match.start()].rstrip(), found


def cut_explicit_id(inline: Token) -> None:
    """Cut the explicit id off a heading's inline source, keeping it in the token's meta."""
    source, explicit = split_explicit_id(inline.content)
    if explicit is not None:
        inline.content = source
        inline.meta[EXPLICIT_ID] = explicit


def markdown_heading(
    level: int, source: str, explicit: str | None, block: Block, slugger: Slugger
) -> Heading:
    """A Markdown heading (its title is the block's shown text); ``source`` and the block
    already exclude an explicit id."""
    title = block.shown
    if explicit is not None:
        return Heading(level, title, block.line, explicit, True, block)
    return Heading(level, title, block.line, slugger.slug(title, source), False, block)


def html_heading_level(content: str) -> int | None:
    """The level of an HTML block that is one heading element, or None for any other block."""
    match = _HTML_HEADING().fullmatch(content.strip())
    if match is None or re.search(r"<h[1-6]\b", content.strip()[2:], re.IGNORECASE):
        return None
    return int(match.group(1))


def html_heading(level: int, block: Block) -> Heading:
    """A raw HTML heading: its id attribute (if any) is its anchor."""
    tag = next((m for m in block.markup if m.name == f"h{level}"), None)
    anchor = (tag.attr("id") or "") if tag is not None else ""
    return Heading(level, block.shown or block.text, block.line, anchor, bool(anchor), block)


def shortcode_heading(markup: list[Markup], line: int) -> Markup | None:
    """The ``## {{% heading "x" %}}`` markup a paragraph of one heading shortcode (Kubernetes'
    ``{{% x-heading %}}``, which renders an h2 of the site's "x" title, as that one does)
    stands for; None for any other paragraph. One markup for both writings, so a page that
    moved to the new shortcode aligns and compares with a translation that keeps the old."""
    if len(markup) != 1 or markup[0].kind != "shortcode" or markup[0].attrs:
        return None
    found = _HEADING_SHORTCODE().fullmatch(markup[0].name)
    if found is None:
        return None
    return Markup("shortcode", "heading", (("", found[1]),), line, percent=markup[0].percent)
