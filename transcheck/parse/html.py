"""Tags, attributes and text of raw HTML fragments, with line offsets: ``scan_html`` reads a
fragment of plain tags only with two patterns, as the standard parser reads it, and hands the
others (text, comments, entities) to ``htmlreader``, so many pages never import ``html.parser``.
There, text inside an element with ``markdown="1"`` is flagged (kramdown parses it as Markdown)
and the content of ``<script>`` and ``<style>`` is dropped.
"""

from __future__ import annotations

from transcheck.lazy import compiled
from transcheck.records import record


@record(slots=True)
class HtmlTag:
    """A start tag found in a fragment; ``offset`` counts lines from the fragment's first line.

    ``text`` is the text content of an ``<a>`` element (its link text), empty for other tags.
    """

    name: str
    attrs: tuple[tuple[str, str], ...]
    offset: int
    text: str = ""


@record(slots=True)
class HtmlText:
    """Character data found in a fragment, and whether kramdown parses it as Markdown."""

    text: str
    offset: int
    markdown: bool
    separate: bool  # a block-level tag (or the start) comes before it: it does not run on


# Most raw HTML on docs sites is tags and nothing else ("<div class="x">", "</div>",
# "<sup class="x" />"): such a fragment, with plain names and double-quoted values holding no
# character reference, is read by these patterns as HTMLParser reads it (names lower-cased,
# each tag on the line of its "<"), without starting a parser for it.
_PLAIN_TAG = (
    r"<(/?)([a-zA-Z][-a-zA-Z0-9]*)((?:[ \t\n]+[a-zA-Z_:][-a-zA-Z0-9_:.]*=\"[^\"<>&]*\")*)"
    r"[ \t\n]*(/?)>"
)
_TAG = compiled(_PLAIN_TAG)
_TAGS_ONLY = compiled(rf"[ \t\n]*(?:{_PLAIN_TAG}[ \t\n]*)+")
_ATTR = compiled(r'([^ \t\n=]+)="([^"]*)"')
# Elements whose content HTMLParser reads as raw text (in one Python version or another).
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "plaintext", "xmp", "iframe", "noembed", "noframes"}
) | {"noscript"}


def _tags_only(fragment: str) -> list[HtmlTag] | None:
    """The start tags of a fragment of plain tags only (see ``_PLAIN_TAG``), None for another."""
    if _TAGS_ONLY().fullmatch(fragment) is None:
        return None
    tags = []
    for match in _TAG().finditer(fragment):
        closing, name, attrs, slash = match.groups()
        name = name.lower()
        if (closing and (attrs or slash)) or name in _RAW_TEXT:
            return None
        if not closing:
            pairs = tuple((key.lower(), value) for key, value in _ATTR().findall(attrs))
            tags.append(HtmlTag(name, pairs, fragment.count("\n", 0, match.start())))
    return tags


def scan_html(fragment: str) -> tuple[list[HtmlTag], list[HtmlText]]:
    """Start tags and text runs of an HTML fragment; never raises on malformed HTML."""
    tags = _tags_only(fragment)
    if tags is not None:
        return tags, []
    from transcheck.parse.htmlreader import parsed  # html.parser: imported for few fragments

    return parsed(fragment)
