"""Tags, attributes and text of raw HTML fragments, with line offsets, via the standard parser."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True, slots=True)
class HtmlTag:
    """A start tag found in a fragment; ``offset`` counts lines from the fragment's first line."""

    name: str
    attrs: tuple[tuple[str, str], ...]
    offset: int


@dataclass(frozen=True, slots=True)
class HtmlText:
    """Character data found in a fragment, and whether kramdown parses it as Markdown."""

    text: str
    offset: int
    markdown: bool


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[HtmlTag] = []
        self.texts: list[HtmlText] = []
        self._markdown_stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = tuple((key, value or "") for key, value in attrs)
        self.tags.append(HtmlTag(tag, pairs, self.getpos()[0] - 1))
        inherited = self._markdown_stack[-1][1] if self._markdown_stack else False
        markdown = dict(pairs).get("markdown", None)
        enabled = inherited if markdown is None else markdown not in ("0", "false")
        if tag not in _VOID:
            self._markdown_stack.append((tag, enabled))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = tuple((key, value or "") for key, value in attrs)
        self.tags.append(HtmlTag(tag, pairs, self.getpos()[0] - 1))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._markdown_stack) - 1, -1, -1):
            if self._markdown_stack[index][0] == tag:
                del self._markdown_stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            markdown = bool(self._markdown_stack) and self._markdown_stack[-1][1]
            self.texts.append(HtmlText(data, self.getpos()[0] - 1, markdown))


_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def scan_html(fragment: str) -> tuple[list[HtmlTag], list[HtmlText]]:
    """Start tags and text runs of an HTML fragment; never raises on malformed HTML."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    return collector.tags, collector.texts
