"""Which Markdown dialect a file is written in, and why: Jekyll/kramdown, Hugo, MDX, MkDocs or GFM.

A docs site's Markdown is rarely plain CommonMark: Jekyll pages carry Liquid tags and kramdown
attribute lists, Hugo pages shortcodes and TOML front matter, MDX pages JSX components and
``import`` lines. The dialect is chosen per file, first match wins:

1. the config (``dialect: hugo``), unless it says ``auto``;
2. the extension ``.mdx``;
3. TOML front matter (``+++``), which only Hugo reads;
4. front-matter keys that only one generator uses (``layout``/``permalink`` for Jekyll,
   ``weight``/``linkTitle`` for Hugo, ``sidebar_position`` for Docusaurus' MDX);
5. the first dialect mark in the body: a shortcode ``{{< … >}}``, a Liquid tag ``{% … %}``, an
   ``import``/``export`` line or a ``<Component>`` line, an MkDocs admonition (``!!! note``), block
   (``/// tip``), tab (``=== "Title"``) or code include (``{* file *}``, ``{!file!}``) written as
   Python-Markdown and pymdownx read them, outside fenced code. An MkDocs mark outranks the MDX
   ones wherever it is: MkDocs pages show Python and JavaScript code whose ``import`` lines and
   ``<Tag>`` lines look like MDX, while no MDX page writes a whole ``!!! note`` or ``/// tip`` line
   outside its code;
6. otherwise GitHub-flavoured Markdown, which every dialect here extends.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from transcheck.lazy import compiled
from transcheck.parse.mkdocs import FENCED_MARK, marks
from transcheck.records import record

JEKYLL, HUGO, MDX, MKDOCS, GFM = "jekyll", "hugo", "mdx", "mkdocs", "gfm"
DIALECTS = (JEKYLL, HUGO, MDX, MKDOCS, GFM)
AUTO = "auto"
DIALECT_SETTINGS = (AUTO, *DIALECTS)
NAMES = {
    JEKYLL: "Jekyll/kramdown",
    HUGO: "Hugo",
    MDX: "MDX",
    MKDOCS: "MkDocs",
    GFM: "GitHub-flavoured Markdown",
}

# Front-matter keys that one generator reads and the others do not.
_KEYS = {
    JEKYLL: frozenset(
        {"layout", "permalink", "published", "excerpt_separator", "render_with_liquid"}
    ),
    HUGO: frozenset(
        {"weight", "linkTitle", "draft", "aliases", "content_type", "reviewers", "outputs"}
    ),
    MDX: frozenset(
        {"sidebar_position", "sidebar_label", "sidebar_class_name", "hide_table_of_contents"}
    ),
}
_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)
_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_YAML_FRONT = re.compile(r"---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", re.DOTALL)
# Body marks, each with the dialect it points to; the earliest in the file wins. Marks in braces
# and marks at a line start are searched apart, each pattern starting with a literal character
# ("{" or a newline) that the regex engine skips to, instead of trying every offset of the file.
_BRACE_MARK = compiled(r"\{(?:\{([<%])?|%)")  # Hugo's {{< and {{% (group 1), else Liquid
_LINE_MARK = r"((?:import|export)[ \t{]|[ \t]*</?[A-Z][\w.]*[\s/>])"  # MDX
_FIRST_LINE_MARK = compiled(_LINE_MARK)
_NEXT_LINE_MARK = compiled("\n" + _LINE_MARK)
# Fenced code, where an MkDocs-looking line (a Rust ``/// note``, a JS ``=== "x"``) is code: an
# opening line (the first, or one after a newline, which the regex engine skips to) and the first
# line below it that closes it (see ``_fences``).
_FIRST_FENCE = compiled(r"[ \t]{0,3}(`{3,}|~{3,})")
_NEXT_FENCE = compiled(r"\n[ \t]{0,3}(`{3,}|~{3,})")
_MARK_NAMES = {
    HUGO: "a Hugo shortcode",
    JEKYLL: "a Liquid tag",
    MDX: "an MDX import/export line or JSX component",
    MKDOCS: "an MkDocs admonition, block or code include",
}


@record(slots=True, eq=True)
class DialectChoice:
    """The dialect a file is read as, and the reason, as ``transcheck align --explain`` says it."""

    name: str
    reason: str


def _front_keys(text: str) -> tuple[str, frozenset[str]] | None:
    """The kind of front matter (``yaml`` or ``toml``) and its top-level keys, or None (after
    blank lines too, where Hugo reads it)."""
    if text[:1].isspace():
        text = _BLANK_LINES.sub("", text, count=1)
    if text.startswith("+++"):
        return "toml", frozenset()
    match = _YAML_FRONT.match(text)
    if match is None:
        return None
    return "yaml", frozenset(_YAML_KEY.findall(match.group(1)))


def _first_mark(text: str) -> tuple[int, str, str] | None:
    """The earliest body mark: its offset, the dialect it points to and its text."""
    found = []
    brace = _BRACE_MARK().search(text)
    if brace is not None:
        found.append((brace.start(), HUGO if brace.group(1) else JEKYLL, brace.group(0)))
    mkdocs = _mkdocs_mark(text)
    if mkdocs is not None:
        found.append((mkdocs.start(), MKDOCS, mkdocs.group().strip()))
    line = _mdx_mark(text) if mkdocs is None else None
    if line is not None:
        found.append((line.start(1), MDX, line.group(1)))
    return min(found) if found else None


def _mdx_mark(text: str) -> re.Match[str] | None:
    """The first MDX line (an ``import``/``export`` line, a ``<Component>`` line) outside fenced
    code: a Markdown page's JavaScript example imports, and its console transcript may show
    ``<Enter>``, with no MDX anywhere."""
    first = _FIRST_LINE_MARK().match(text)
    lines = _NEXT_LINE_MARK().finditer(text)
    return _outside_fences(itertools.chain([first] if first else [], lines), text, 1)


def _mkdocs_mark(text: str) -> re.Match[str] | None:
    """The first line only MkDocs writes: a block opener outside fenced code, or a fence that
    includes a file (``{!path!}``)."""
    fenced = FENCED_MARK().search(text) if "{!" in text else None
    return _outside_fences(marks(text, fenced.start() if fenced else len(text)), text) or fenced


@lru_cache(maxsize=16)
def _fence_closer(run: str) -> re.Pattern[str]:
    """A line closing a fence opened by ``run`` (```, ~~~~): that run, then any backticks and
    tildes, then blanks only, after the newline that begins it."""
    return re.compile(rf"\n[ \t]{{0,3}}{re.escape(run)}[`~]*[ \t]*(?=\n|\Z)")


def _fences(text: str) -> Iterator[tuple[int, int]]:
    """The start and end of each fenced block of ``text``, in order: from its opening line's
    start to the end of the first line below that closes it (its newline left out), or to the
    end of the text. These are the spans a multiline, dot-all ``finditer`` of the opening line,
    a lazy ``.*?`` and the closing line finds (a test holds them equal), the regex engine
    trying the closing line at every character of the code."""
    opener = _FIRST_FENCE().match(text)
    start = 0
    end = 0
    while True:
        if opener is None:
            opener = _NEXT_FENCE().search(text, end)
            if opener is None:
                return
            start = opener.start() + 1  # the opening line begins after the newline
        closer = _fence_closer(opener.group(1)).search(text, opener.end())
        end = closer.end() if closer is not None else len(text)
        yield start, end
        opener = None


def _outside_fences(
    found: Iterable[re.Match[str]], text: str, group: int = 0
) -> re.Match[str] | None:
    """The first of some marks (in text order) that stands outside fenced code, where a Rust
    ``/// note`` or a JavaScript ``import`` is code; the fences are read only as far as the
    marks ask (most pages: none)."""
    fences: Iterator[tuple[int, int]] | None = None
    fence: tuple[int, int] | None = None
    for mark in found:
        at = mark.start(group)
        if fences is None:
            fences = _fences(text)
            fence = next(fences, None)
        while fence is not None and fence[1] <= at:
            fence = next(fences, None)
        if fence is None or fence[0] > at:
            return mark
    return None


def choose_dialect(path: str, text: str, configured: str = AUTO) -> DialectChoice:
    """The dialect of one file (see the module docstring for the order of the evidence)."""
    if configured != AUTO:
        return DialectChoice(configured, f"set by the config: dialect: {configured}")
    if path.lower().endswith(".mdx"):
        return DialectChoice(MDX, "the file name ends in .mdx")
    front = _front_keys(text)
    if front is not None and front[0] == "toml":
        return DialectChoice(HUGO, "TOML front matter (+++) is read by Hugo only")
    if front is not None:
        for dialect, keys in _KEYS.items():
            found = sorted(keys & front[1])
            if found:
                what = ", ".join(found)
                return DialectChoice(dialect, f"front-matter key {what} is {NAMES[dialect]}'s")
    mark = _first_mark(text)
    if mark is not None:
        start, dialect, shown = mark
        line = text.count("\n", 0, start) + 1
        return DialectChoice(dialect, f"line {line} has {_MARK_NAMES[dialect]} ({shown.strip()!r})")
    return DialectChoice(GFM, "no dialect marks (front matter, shortcodes, Liquid, JSX, MkDocs)")
