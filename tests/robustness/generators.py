"""Hypothesis strategies for Markdown chapters: the odd text and constructs real files contain.

A generated chapter is a list of sections (a heading and its blocks) so a test can delete one;
every section title is unique and every in-page link points at an existing heading, so a chapter
checked against an exact copy of itself has nothing true to report about structure or links.
Constructs that swallow the rest of a file (an unclosed fence, an unbalanced ``$$``) only end the
last section.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from hypothesis import strategies as st

from transcheck.parse.slugs import github_slug

WORDS = st.sampled_from(
    [
        "inference", "kernel", "sharding", "추론", "커널을", "샤딩된", "대역폭", "latency",
        "😀", "🚀", "שלום", "مرحبا", "é", "é", "ﬁ", "Ａ", "x", "1.97e14", "1,000", "45%",
        "16개의", "v5e", "bf16", "a_b", "*", "_", "<b>", "&amp;", "\\", "|", "`", "$",
    ]
)  # fmt: skip
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
# Heading words render as written (no Markdown or HTML syntax), so their ids are predictable.
TITLE = st.lists(
    st.sampled_from(["inference", "추론", "샤딩된", "😀", "שלום", "é", "ﬁ", "1.97e14", "v5e"]),
    min_size=1,
    max_size=4,
).map(" ".join)
SAFE = st.text(alphabet="abcdefghij가나다라마", min_size=1, max_size=8)


@dataclass(frozen=True)
class Chapter:
    """A generated chapter: optional front matter and its sections' source texts."""

    front_matter: str
    sections: tuple[str, ...]

    def text(self, drop: int | None = None) -> str:
        """The chapter as a file, optionally without section ``drop``."""
        kept = [s for n, s in enumerate(self.sections) if n != drop]
        return self.front_matter + "".join(kept)

    def heading_line(self, index: int) -> int:
        """The 1-based line of section ``index``'s heading."""
        before = self.front_matter + "".join(self.sections[:index])
        return before.count("\n") + 1


@st.composite
def paragraph(draw: st.DrawFn, anchors: list[str]) -> str:
    """A paragraph with inline code, math, links (external or to an existing heading)."""
    parts = [draw(TEXT)]
    extras = draw(st.lists(st.sampled_from(["code", "math", "url", "anchor", "html"]), max_size=3))
    for extra in extras:
        if extra == "code":
            parts.append(f"`{draw(SAFE)}`")
        elif extra == "math":
            parts.append(f"$${draw(SAFE)} = 2$$")
        elif extra == "url":
            parts.append(f"[{draw(SAFE)}](https://example.com/{draw(SAFE)})")
        elif extra == "anchor" and anchors:
            parts.append(f"[{draw(SAFE)}](#{draw(st.sampled_from(anchors))})")
        else:
            parts.append(f'<span class="k">{draw(SAFE)}</span>')
        parts.append(draw(TEXT))
    return " ".join(parts) + "\n\n"


@st.composite
def block(draw: st.DrawFn, anchors: list[str]) -> str:
    """One block of any kind a chapter holds."""
    kind = draw(
        st.sampled_from(["para", "list", "table", "fence", "math", "liquid", "html", "quote"])
    )
    if kind == "list":
        depth = draw(st.integers(1, 4))
        return "".join(f"{'  ' * level}- {draw(TEXT)}\n" for level in range(depth)) + "\n"
    if kind == "table":
        rows = draw(st.integers(1, 3))
        body = "".join(f"| {draw(SAFE)} | {draw(TEXT).replace('|', '/')} |\n" for _ in range(rows))
        return "| a | b |\n| --- | --- |\n" + body + "\n"
    if kind == "fence":
        return f"```python\nx = {draw(st.integers(0, 99))}  # {draw(TEXT)}\n```\n\n"
    if kind == "math":
        return f"$$\nE = {draw(SAFE)}\n$$\n\n"
    if kind == "liquid":
        return (
            f'{{% include figure.liquid path="img/{draw(SAFE)}.png" caption="{draw(SAFE)}" %}}\n\n'
        )
    if kind == "html":
        return f'<div class="box" markdown=1>\n{draw(TEXT)}\n</div>\n\n'
    if kind == "quote":
        return f"> {draw(TEXT)}\n> > {draw(TEXT)}\n\n"
    return draw(paragraph(anchors))


TAIL = st.sampled_from(["", "```\nunclosed fence\n", "$$\nunbalanced\n", "<div>\n", "{% details x"])
FRONT = st.sampled_from(
    ["", "---\ntitle: T\nlayout: distill\n---\n\n", "---\ntitle: [broken\n---\n\n", "---\n---\n\n"]
)


@st.composite
def chapters(draw: st.DrawFn) -> Chapter:
    """A whole chapter with 1-6 sections of random levels and content."""
    count = draw(st.integers(1, 6))
    titles = [f"S{n} {draw(TITLE)}" for n in range(count)]
    anchors = [github_slug(unicodedata.normalize("NFC", title)) for title in titles]
    sections = []
    for title in titles:
        level = draw(st.integers(1, 4))
        blocks = draw(st.lists(block(anchors), max_size=4))
        sections.append(f"{'#' * level} {title}\n\n" + "".join(blocks))
    sections[-1] += draw(TAIL)
    return Chapter(draw(FRONT), tuple(sections))
