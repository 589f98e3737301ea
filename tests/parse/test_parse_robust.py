"""Odd input never breaks the parser, and every line it reports lies inside the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.model import Document
from transcheck.parse import parse_markdown

# Fragments that open and close Markdown, HTML, Liquid and math constructs, in any order.
PIECES = [
    "\n", "\n\n", "\r\n", "\r", " ", "text", "한국어", "16개의", "1,000", "$", "$$", "`", "``",
    "[", "]", "(", ")", "](u)", "[ref]", "\n[ref]: /r\n", "<", ">", "<a href='#x'>", "</a>",
    "<div markdown=1>", "</div>", "<h3 id='h'>", "</h3>", "<!--", "-->", "{%", "%}",
    "{% include figure.liquid path=\"p.png\" caption=\"c $x$\" %}", "{{", "}}", "# ", "## ",
    "{#id}", "{/*id*/}", "* ", "1. ", "> ", "|", "---", "```", "~~~", "    ", "\\", "*", "_",
    "https://x.example/", "x@y.com", "&amp;", "\ufeff", "\x00", "\t",
]  # fmt: skip


def _check(document: Document) -> None:
    """Sections nest in order and every line (blocks, items, front matter) is inside the file."""
    last = max(document.line_count, 1)
    sections = document.sections
    assert sections and sections[0].is_preamble
    for section in sections:
        assert 1 <= section.line <= section.end_line <= last
        for block in section.blocks:
            assert section.line <= block.line <= block.end_line <= section.end_line
            lines = [link.line for link in block.links]
            lines += [item.line for item in (*block.code_spans, *block.numbers, *block.math)]
            lines += [tag.line for tag in block.markup]
            assert all(block.line <= line <= block.end_line for line in lines), block
    front = document.front_matter
    if front is not None:
        assert 1 <= front.line <= front.end_line <= last
        assert all(front.line <= line <= front.end_line for line in front.key_lines.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(["github", "kramdown"]))
def test_any_mix_of_constructs_keeps_lines_inside_blocks(pieces: list[str], style: str) -> None:
    _check(parse_markdown("".join(pieces), "fuzz.md", style))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses(text: str) -> None:
    _check(parse_markdown(text, "fuzz.md"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_front_matter_then_anything(pieces: list[str]) -> None:
    _check(parse_markdown("---\ntitle: x\nnext_url: ../a\n---\n" + "".join(pieces), "fm.md"))
