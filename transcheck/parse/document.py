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
  ``markdown="1"`` raw up to its end tag), and emphasis flanking rules (``**(i, i)**th`` is not
  bold here).

The dialect (Jekyll/kramdown, Hugo, MDX, MkDocs, GFM) is chosen per file (see ``dialects``) and
picks the parser (see ``parsers``); the walk over the block tokens is in ``walker``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from markdown_it.token import Token

from transcheck.model import Document, Section
from transcheck.parse.comments import collect_comments
from transcheck.parse.conflicts import conflicts_of
from transcheck.parse.dialects import AUTO, GFM, MDX, MKDOCS, choose_dialect
from transcheck.parse.frontmatter import unclosed_front_matter
from transcheck.parse.inline import InlineItems, collect_inline, text_items
from transcheck.parse.linemarks import LINES
from transcheck.parse.parsers import markdown
from transcheck.parse.positions import LineMap
from transcheck.parse.slugs import Slugger, other_ids, site_style
from transcheck.parse.tomlfront import unclosed_toml
from transcheck.parse.unclosed import find_unclosed
from transcheck.parse.walker import HANDLERS, InlineSource, Walker


class _InlineParser:
    """Inline parsing for one document, whose reference definitions resolve everywhere in it
    (Markdown inside HTML, which is parsed again, included)."""

    def __init__(self, env: dict[str, Any], dialect: str) -> None:
        """Keep the document's env (its reference definitions) for every later inline parse."""
        self._env = env
        self._dialect = dialect
        self._jsx = dialect == MDX
        references = env.get("references", {})
        self.definitions = {
            label: ref["map"][0] + 1 for label, ref in references.items() if ref.get("map")
        }

    def token(self, token: Token, line: int) -> InlineItems:
        """Items of one ``inline`` token whose source starts at ``line``."""
        children = token.children or []
        if len(children) == 1 and children[0].type == "text" and "\n" not in token.content:
            return text_items(children[0].content, line)
        lines = LineMap(token.content, line)
        return collect_inline(children, lines, self.definitions, self._jsx)

    def source(self, source: str, line: int) -> InlineItems:
        """Items of a string of inline Markdown whose first line is ``line``."""
        tokens = markdown(self._dialect).parseInline(source, self._env)
        children = tokens[0].children if tokens and tokens[0].children else []
        return collect_inline(children, LineMap(source, line), self.definitions, self._jsx)


def in_page_fragments(sections: Sequence[Section]) -> list[str]:
    """The fragments of a page's in-page links (``#x``), percent-decoded, in order: what the
    page's own ids are voted by (MDN's ids here, VitePress' in checks.headingids)."""
    return [
        unquote(fragment)
        for section in sections
        for link in section.links
        if (fragment := link.in_page_fragment) is not None
    ]


def _with_site_ids(
    sections: tuple[Section, ...], vitepress: bool
) -> tuple[tuple[Section, ...], dict[int, str]]:
    """The sections with MDN heading ids when the page's own in-page links use them (see
    ``parse.slugs.site_style``), else as they are with the VitePress ids of their headings
    (``Document.other_ids``) where the page may be VitePress'; generated ids only, explicit
    ones are kept."""
    generated = [s for s in sections if s.anchor and not s.explicit_id]
    if not generated:
        return sections, {}
    titles = [s.title for s in generated]
    fragments = in_page_fragments(sections)
    # most pages have no in-page link: nothing to decide by
    if not fragments or site_style(titles, fragments) != "mdn":
        if not vitepress:
            return sections, {}
        others = other_ids(titles, [s.anchor for s in generated])
        return sections, {generated[at].index: other for at, other in others.items()}
    slugger = Slugger("mdn")
    ids = {s.index: slugger.slug(s.title) for s in generated}
    return tuple(replace(s, anchor=ids[s.index]) if s.index in ids else s for s in sections), {}


def parse_markdown(
    text: str, path: str, slug_style: str = "github", dialect: str = AUTO
) -> Document:
    """Parse one file's text (already decoded) into a Document. Never raises on odd Markdown.

    CRLF and lone CR count as one line break each and a leading BOM is dropped, so lines match
    what an editor shows; text is NFC-normalized (Korean saved on macOS can be NFD). ``dialect``
    is a dialect name, or ``auto`` to choose one from the path and the text.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    choice = choose_dialect(path, text, dialect)
    chosen = choice.name
    env: dict[str, Any] = {}
    tokens = markdown(chosen).parse(text, env)
    inline = _InlineParser(env, chosen)
    source = InlineSource(inline.token, inline.source)
    walker = Walker(Slugger(slug_style), source, chosen == MDX, chosen == MKDOCS)
    stream = iter(tokens)
    for token in stream:
        kind = token.type
        if kind == "paragraph_open":
            walker.paragraph(token, next(stream))  # its inline token, read with it
        elif kind == "heading_open":
            walker.heading(token, next(stream))
            next(stream, None)  # heading_close
        elif (handle := HANDLERS.get(kind)) is not None:  # most closing tokens: none
            handle(walker, token)
    line_count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    builder = walker.builder
    builder.first_body_line = min(builder.first_body_line, max(line_count, 1))
    builder.close_section(line_count)
    front = (
        walker.front or unclosed_front_matter(text, line_count) or unclosed_toml(text, line_count)
    )
    sections = tuple(builder.sections)
    others: dict[int, str] = {}
    if slug_style == "github":
        # a page with no mark of its generator may be VitePress'; Docusaurus (MDX), Jekyll,
        # MkDocs and Hugo pages make their ids their own way
        sections, others = _with_site_ids(sections, chosen == GFM)
    comments = collect_comments(walker.commented)  # the runs and HTML blocks holding an opener
    unclosed = find_unclosed(walker.openers, text, env.get(LINES, ((), ())))
    return Document(
        path,
        line_count,
        sections,
        front,
        comments,
        choice.name,
        choice.reason,
        unclosed,
        conflicts_of(tokens) if "<<<<<<<" in text else (),  # a conflict's opener is in the text
        others,
    )
