"""The standard ``HTMLParser``'s reading of a raw HTML fragment that holds more than plain tags
(text, comments, entities): text inside an element with ``markdown="1"``, or a custom element
(``<docs-step>``: its site's renderer converts what it holds), or inside one that inherits
either, is flagged, because kramdown parses it as Markdown (``<h3 markdown=1>…
[here](../x)</h3>`` holds a real link); the content of ``<script>`` and ``<style>``, and of a
custom element that holds code (``<docs-code>``), is not prose and is dropped. Imported on the
first such fragment (see ``html.scan_html``), as ``html.parser`` costs ~2 ms to import and many
pages have none (22 of 40 sampled one-chapter checks)."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from transcheck.parse.blanks import collapse_blanks
from transcheck.parse.html import HtmlTag, HtmlText

_VOID = frozenset(
    {
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
    }
)
_NOT_PROSE = frozenset(["script", "style"])
_CODE_PART = "code"  # a custom element named with it holds code: <docs-code>, <code-example>
# Tags that sit inside a line of text: the text around them runs on without a break.
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "cite",
        "code",
        "d-cite",
        "d-footnote",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "var",
    }
)


def _holds_code(tag: str) -> bool:
    """Whether a custom element holds code, not prose, by its name: Angular's ``<docs-code>``
    and ``<code-example>``, a ``<code-block>``."""
    return "-" in tag and _CODE_PART in tag.split("-")


class _Collector(HTMLParser):
    """Collects start tags and text runs, tracking ``markdown=`` inheritance and ``<a>`` text."""

    def __init__(self) -> None:
        """An empty collector; character references are turned into text."""
        super().__init__(convert_charrefs=True)
        self.tags: list[HtmlTag] = []
        self.texts: list[HtmlText] = []
        # open elements: name, Markdown enabled, whether its text is not prose (told once)
        self._open: list[tuple[str, bool, bool]] = []
        self._anchor: tuple[int, list[str]] | None = None  # open <a>: its tag index, its text
        self._separate = True  # whether the next text starts apart from the text before it
        self._in_text = False  # whether the last thing seen was text (HTMLParser splits at "<")

    def _add_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str]:
        """Record a start tag at its line; a tag ends the current run of text."""
        pairs = tuple((key, value or "") for key, value in attrs)
        self.tags.append(HtmlTag(tag, pairs, self.getpos()[0] - 1))
        self._separate = self._separate or tag not in _INLINE
        self._in_text = False
        return dict(pairs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the tag; open it unless it is void, so its text inherits ``markdown=``."""
        found = self._add_tag(tag, attrs)
        if tag == "a":
            self._close_anchor()
            self._anchor = (len(self.tags) - 1, [])
        if tag in _VOID:
            return
        inherited = self._open[-1][1] if self._open else False
        markdown = found.get("markdown")
        enabled = inherited or "-" in tag if markdown is None else markdown not in ("0", "false")
        self._open.append((tag, enabled, tag in _NOT_PROSE or _holds_code(tag)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a self-closing tag (``<img … />``)."""
        self._add_tag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of this name (and whatever is left open inside)."""
        if tag == "a":
            self._close_anchor()
        self._separate = self._separate or tag not in _INLINE
        self._in_text = False
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        """Keep a run of text unless it is blank or inside ``<script>``/``<style>``.

        Text the parser hands over in pieces (it stops at a ``<`` that opens no tag, as in
        ``$$a < b$$``) is joined back into one run, so Markdown inside it parses whole.
        """
        if self._anchor is not None:
            self._anchor[1].append(data)
        if any(hidden for _, _, hidden in self._open):
            return
        if self._in_text:
            self.texts[-1] = replace(self.texts[-1], text=self.texts[-1].text + data)
        elif data.strip():
            markdown = bool(self._open) and self._open[-1][1]
            self.texts.append(HtmlText(data, self.getpos()[0] - 1, markdown, self._separate))
            self._separate = False
            self._in_text = True

    def handle_comment(self, data: str) -> None:
        """A comment ends a run of text (its lines are not part of the text)."""
        self._in_text = False

    def _close_anchor(self) -> None:
        """Give the open ``<a>`` tag the text seen inside it."""
        if self._anchor is not None:
            index, parts = self._anchor
            self.tags[index] = replace(self.tags[index], text=collapse_blanks("".join(parts)))
            self._anchor = None

    def close(self) -> None:
        """Flush buffered text and give an unclosed ``<a>`` the text seen so far."""
        super().close()
        self._close_anchor()


def parsed(fragment: str) -> tuple[list[HtmlTag], list[HtmlText]]:
    """Start tags and text runs of an HTML fragment, read by HTMLParser."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    return collector.tags, collector.texts
