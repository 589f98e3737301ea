"""The document model: what the parse layer produces and every later layer reads.

Every item carries a 1-based line in the original file (front matter counted). Checks never see
markdown-it tokens, only these frozen records. Derived views are cached properties, computed once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from enum import StrEnum
from itertools import chain
from operator import attrgetter
from typing import Any

from transcheck.records import cached_property, record


class LinkKind(StrEnum):
    """How a link or image reference was written in the source."""

    INLINE = "inline"  # [text](url)
    REFERENCE = "reference"  # [text][ref] with [ref]: url
    AUTOLINK = "autolink"  # <https://…> or a linkified bare URL
    HTML = "html"  # <a href="…">
    IMAGE = "image"  # ![alt](src)
    HTML_IMAGE = "html-image"  # <img src="…">
    LIQUID = "liquid"  # {% include figure.liquid path="…" %}
    FRONT_MATTER = "front-matter"  # previous_section_url: …

    @property
    def is_image(self) -> bool:
        """True for the kinds that embed a picture rather than navigate to a page."""
        return self in IMAGE_KINDS


IMAGE_KINDS = frozenset({LinkKind.IMAGE, LinkKind.HTML_IMAGE, LinkKind.LIQUID})


class BlockKind(StrEnum):
    """The kinds of block a section is made of."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_ROW = "table-row"
    CODE = "code"
    MATH = "math"
    HTML = "html"
    LIQUID = "liquid"
    SHORTCODE = "shortcode"  # a line of Hugo shortcodes only: {{< note >}}, {{% /tab %}}
    COMPONENT = "component"  # an MDX/JSX component tag on its own lines: <Note>, </Sandpack>


@record(slots=True, eq=True)
class Link:
    """A link or image target as written, with its line."""

    url: str
    line: int
    kind: LinkKind
    text: str = ""
    definition_line: int | None = None  # reference links: the line of their ``[ref]: url``

    @property
    def fragment(self) -> str | None:
        """The part after ``#``, or None when the URL has no fragment."""
        return self.url.split("#", 1)[1] if "#" in self.url else None

    @property
    def path_part(self) -> str:
        """The URL without its fragment."""
        return self.url.split("#", 1)[0]

    @property
    def in_page_fragment(self) -> str | None:
        """The fragment of a link to a place on its own page (``#id``: a ``fragment`` and no
        ``path_part``), read off the URL without splitting it; None for any other link."""
        return self.url[1:] if self.url[:1] == "#" and len(self.url) > 1 else None


@record(slots=True, eq=True)
class CodeSpan:
    """An inline code span (`` `x` ``)."""

    text: str
    line: int


@record(slots=True, eq=True)
class Number:
    """A number written in prose; ``value`` is canonical so 1,000 and 1000 compare equal."""

    text: str
    value: str
    line: int


@record(slots=True, eq=True)
class Math:
    """A math span or block with its delimiter (``$$``, ``$`` or ``block``)."""

    text: str
    line: int
    delimiter: str


@record(slots=True, eq=True)
class Markup:
    """A tag that must survive translation (HTML, Liquid, a Hugo shortcode, a JSX component, a
    kramdown attribute list, a footnote mark, an alert or admonition), with its attributes."""

    kind: str  # html, liquid, template ({{call()}}), shortcode, jsx, kramdown, footnote, admonition
    name: str
    attrs: tuple[tuple[str, str], ...]
    line: int
    text: str = ""  # the prose an inline HTML element wraps (<span class="x">The</span>: The)
    percent: bool = False  # a Hugo shortcode written {{% … %}}, shown so in messages

    @property
    def braces(self) -> tuple[str, str]:
        """How a Hugo shortcode is written: ``{{%``…``%}}`` or ``{{<``…``>}}``."""
        return ("{{%", "%}}") if self.percent else ("{{<", ">}}")

    def attr(self, name: str) -> str | None:
        """The value of attribute ``name``, or None when absent."""
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@record
class Block:
    """One unit of content: a paragraph, list item, table row, code block, math, HTML, Liquid,
    shortcode or component block."""

    kind: BlockKind
    line: int
    end_line: int
    text: str = ""  # prose only (no code, math, URLs or tags), NFC
    shown: str = ""  # the text as a reader sees it, code and math included (for messages)
    depth: int = 0  # list / block quote nesting
    lang: str = ""  # fence info for code blocks
    cells: tuple[str, ...] = ()  # table rows only
    links: tuple[Link, ...] = ()
    code_spans: tuple[CodeSpan, ...] = ()
    numbers: tuple[Number, ...] = ()
    math: tuple[Math, ...] = ()
    markup: tuple[Markup, ...] = ()
    emphasis: tuple[str, ...] = ()  # the prose of each emphasized run (*x*, **x**), NFC
    group: int = 0  # first line of the innermost list or table holding the block (0: none)
    item: int = 0  # first line of the innermost list item holding the block (0: none)
    esm: bool = False  # MDX ``import``/``export`` lines (a ``js`` code block)


@record
class Section:
    """A heading and the blocks up to the next heading; index 0 is the text before any heading."""

    index: int
    level: int  # 0 for the preamble
    title: str
    line: int
    end_line: int
    anchor: str  # heading id ('' for the preamble)
    explicit_id: bool
    parent: int | None
    blocks: tuple[Block, ...]

    @property
    def is_preamble(self) -> bool:
        """True for the content before the first heading."""
        return self.level == 0

    def _items(self, attr: str) -> Iterator[Any]:
        """The ``attr`` items of every block in order, gathered at C speed (a generator walking
        the blocks was ~1% of a check)."""
        return chain.from_iterable(map(attrgetter(attr), self.blocks))

    def _split_links(self) -> None:
        """Split the blocks' links into navigation links and images in one walk, and store both
        as the cached ``links`` and ``images`` (most sections are asked for both)."""
        links: list[Link] = []
        images: list[Link] = []
        for link in self._items("links"):
            (images if link.kind in IMAGE_KINDS else links).append(link)
        self.__dict__["links"], self.__dict__["images"] = tuple(links), tuple(images)

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Navigation links (not images), in order."""
        self._split_links()
        return self.__dict__["links"]  # type: ignore[no-any-return]

    @cached_property
    def images(self) -> tuple[Link, ...]:
        """Image and figure references, in order."""
        self._split_links()
        return self.__dict__["images"]  # type: ignore[no-any-return]

    @cached_property
    def code_spans(self) -> tuple[CodeSpan, ...]:
        """Inline code spans, in order."""
        return tuple(self._items("code_spans"))

    @cached_property
    def math(self) -> tuple[Math, ...]:
        """Math spans and blocks, in order."""
        return tuple(self._items("math"))

    @cached_property
    def markup(self) -> tuple[Markup, ...]:
        """HTML and Liquid tags, in order."""
        return tuple(self._items("markup"))

    @cached_property
    def code_blocks(self) -> tuple[Block, ...]:
        """Fenced and indented code blocks."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.CODE)


@record
class FrontMatter:
    """YAML front matter: its data, the lines of its top-level keys, and a parse error if any."""

    line: int  # the opening ``---``
    end_line: int  # the closing ``---``
    data: Mapping[str, Any] = field(default_factory=dict)
    key_lines: Mapping[str, int] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    error: str | None = None
    error_line: int | None = None


@record(slots=True, eq=True)
class Comment:
    """An HTML comment (``<!-- text -->``) outside code, with its first and last line."""

    line: int
    end_line: int
    text: str  # between ``<!--`` and ``-->``


@record(slots=True, eq=True)
class Unclosed:
    """Markup opened and never closed (see parse.unclosed): what, the opening line, its marker."""

    kind: str  # "fence", "math" or "comment"
    line: int
    marker: str  # as written: ```, ~~~~, $$, <!--


@record(slots=True, eq=True)
class Conflict:
    """A git merge conflict left in the file (see parse.conflicts): its three marker lines."""

    line: int  # <<<<<<< (the side kept as the text runs from here to ``middle``)
    middle: int  # =======
    end: int  # >>>>>>>


# Attributes that give an element an id, by markup kind (see Document.anchors).
_ID_ATTRIBUTES = {
    "html": ("id", "name"),
    "jsx": ("id", "permalink", "titleId"),
    "kramdown": ("id",),
}


@record
class Document:
    """One parsed Markdown file."""

    path: str
    line_count: int
    sections: tuple[Section, ...]
    front_matter: FrontMatter | None = None
    comments: tuple[Comment, ...] = ()  # for inline suppression directives
    dialect: str = ""  # the Markdown dialect it was read as (see parse.dialects)
    dialect_reason: str = ""  # why that dialect, for ``transcheck align --explain``
    unclosed: tuple[Unclosed, ...] = ()  # fences, $$ formulas, comments never closed
    conflicts: tuple[Conflict, ...] = ()  # git merge conflicts left in the file
    # section index -> the VitePress id of a heading whose GitHub id the page generates, where
    # the two differ (see parse.slugs): a fragment may reach the heading by either
    other_ids: Mapping[int, str] = field(default_factory=dict)

    @cached_property
    def anchors(self) -> Mapping[str, int]:
        """Every id a ``#fragment`` can reach -> its section index: heading ids, the ``id`` (and
        ``name``) of any HTML element, kramdown ``{: #id}`` lists, MDX/JSX props that become ids
        (``id``, ``permalink``, ``titleId``), and the VitePress ids of headings (``other_ids``)."""
        found: dict[str, int] = {}
        for section in self.sections:
            if section.anchor:
                found.setdefault(section.anchor, section.index)
            for tag in section.markup:
                for key in _ID_ATTRIBUTES.get(tag.kind, ()):
                    value = tag.attr(key)
                    if value:
                        found.setdefault(value.strip("\"'{}` ").lstrip("#"), section.index)
        for index, other in self.other_ids.items():
            found.setdefault(other, index)
        return found

    @cached_property
    def ids_generated(self) -> bool:
        """True when the page's content comes from components and it has no id of its own
        (``<ApiIndex />``): the ids its links reach are made when the site renders it."""
        return not self.anchors and any(
            block.kind is BlockKind.COMPONENT
            for section in self.sections
            for block in section.blocks
        )

    @property
    def is_empty(self) -> bool:
        """True when the file has neither front matter nor any content."""
        return self.front_matter is None and not any(s.blocks for s in self.sections)

    @cached_property
    def permalink(self) -> str | None:
        """The front-matter ``permalink``, when the page declares one."""
        if self.front_matter is None:
            return None
        value = self.front_matter.data.get("permalink")
        return value if isinstance(value, str) and value else None

    @cached_property
    def routes(self) -> tuple[str, ...]:
        """The site paths its front matter serves the page at: Jekyll ``permalink``, an absolute
        Docusaurus ``slug``, Hugo ``url`` and ``aliases``."""
        data = self.front_matter.data if self.front_matter is not None else {}
        found = [self.permalink] if self.permalink else []
        for key in ("slug", "url"):
            value = data.get(key)
            if isinstance(value, str) and value.startswith("/"):
                found.append(value)
        aliases = data.get("aliases")
        if isinstance(aliases, list):
            found += [a for a in aliases if isinstance(a, str) and a.startswith("/")]
        return tuple(found)

    def section_at(self, line: int) -> Section:
        """The section that contains ``line``."""
        for section in reversed(self.sections):
            if section.line <= line:
                return section
        return self.sections[0]
