"""The parse layer's small parts: Liquid arguments, numbers, HTML scanning, front matter."""

from __future__ import annotations

import pytest

from transcheck.parse import parse_markdown
from transcheck.parse.frontmatter import parse_front_matter
from transcheck.parse.html import scan_html
from transcheck.parse.liquid import liquid_args
from transcheck.parse.numbers import canonical_number, find_numbers
from transcheck.parse.positions import LineMap


def test_liquid_args_follow_jekyll_include_syntax() -> None:
    body = r' include figure.liquid path="a/b_c.png" class=img caption="x <a href=\"t\">y</a>" '
    name, args = liquid_args(body)
    assert name == "include"
    assert [(a.key, a.value) for a in args] == [
        ("", "figure.liquid"),
        ("path", "a/b_c.png"),
        ("class", "img"),
        ("caption", 'x <a href="t">y</a>'),
    ]
    assert [body[a.offset : a.offset + 3] for a in args] == ["fig", "a/b", "img", "x <"]


def test_liquid_args_whitespace_control_single_quotes_and_bare_titles() -> None:
    body = "- details Click here -"
    name, args = liquid_args(body)
    assert (name, [(a.key, a.value) for a in args]) == ("details", [("", "Click here")])
    assert body[args[0].offset :].startswith("Click")
    name, args = liquid_args("include x.liquid caption='it\\'s' n=3")
    assert [(a.key, a.value) for a in args] == [("", "x.liquid"), ("caption", "it's"), ("n", "3")]
    assert liquid_args(" enddetails ") == ("enddetails", ())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000", "1000"),
        ("1000", "1000"),
        ("1e3", "1000"),
        ("1.0", "1"),
        ("1.97e14", "197000000000000"),
        ("2.5E14", "250000000000000"),
        ("1e20", "1E+20"),
        ("45%", "45%"),
        ("0.50", "0.5"),
        ("−3", "-3"),
        ("12,345.67", "12345.67"),
    ],
)
def test_canonical_number(text: str, value: str) -> None:
    assert canonical_number(text) == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("16개의 칩", ["16"]),
        ("약8배 빠름", ["8"]),
        ("bf16 int8 v5e x86", []),
        ("LLaMA 3-70B", ["3", "70"]),
        ("version 3.14.15", ["3.14"]),
        ("1,000 and 1000.", ["1,000", "1000"]),
        ("1.5GHz, 128 MiB", ["1.5", "128"]),
        ("𝙼𝚊𝚝𝚑.𝙻𝙾𝙶𝟸𝙴 ≈ 1.443", ["1.443"]),  # MathML's monospace letters spell a name
        ("ｖ５ 칩 ８개, 約3倍", ["８", "3"]),  # fullwidth letters too; Korean or Hanja may touch
    ],
)
def test_find_numbers_in_prose(text: str, found: list[str]) -> None:
    assert [n.text for n in find_numbers([(text, 1)])] == found


def test_find_numbers_reads_pieces_as_one_run_with_lines() -> None:
    numbers = find_numbers(
        [("bf", 4), ("16 and", 4), ("\n", 4), ("", 9), ("7 more 1,0", 5), ("00", 5)]
    )
    assert [(n.text, n.line) for n in numbers] == [("7", 5), ("1,000", 5)]
    multi = find_numbers([("one 1\ntwo 2\n\nfour 4", 10)])
    assert [(n.text, n.line) for n in multi] == [("1", 10), ("2", 11), ("4", 13)]


def test_line_map_counts_newlines_before_an_offset() -> None:
    lines = LineMap("ab\ncd\n\nef", 20)
    assert [lines.line_at(i) for i in (0, 2, 3, 5, 6, 7, 8)] == [20, 20, 21, 21, 22, 23, 23]


def test_scan_html_drops_the_text_of_custom_elements_that_hold_code() -> None:
    """Angular's ``<docs-code>`` and ``<code-example>`` hold code, not prose to translate; an
    element merely named like one (``<decoder>``) or ``<code>`` in a sentence keeps its text."""
    _, texts = scan_html(
        '<docs-code highlight="[2]">\nexport class App {}\n</docs-code>\n'
        "<code-example>let x = 1;</code-example>\n<decoder>Read <code>x</code> here.</decoder>"
    )
    assert [t.text.strip() for t in texts] == ["Read", "x", "here."]


def test_scan_html_reads_the_text_of_a_custom_element_as_markdown() -> None:
    """A site's own elements (Angular's ``<docs-step>``, web components) hold Markdown, which
    their renderer converts; a standard element does so only with ``markdown="1"``."""
    _, texts = scan_html(
        '<docs-step title="Add a property">\nUpdate `app.ts`.\n</docs-step>\n'
        '<div>\nRaw `text`.\n</div>\n<docs-card markdown="0">Plain</docs-card>'
    )
    assert [(t.text.strip(), t.markdown) for t in texts] == [
        ("Update `app.ts`.", True),
        ("Raw `text`.", False),
        ("Plain", False),
    ]


def test_scan_html_offsets_markdown_flags_and_anchor_text() -> None:
    tags, texts = scan_html(
        '<div markdown="1">\n<a href="#x">link\n text</a>\n<p markdown="0">raw</p>'
        "<script>var x = 1;</script>\n</div>"
    )
    assert [(t.name, t.offset, t.text) for t in tags] == [
        ("div", 0, ""),
        ("a", 1, "link text"),
        ("p", 3, ""),
        ("script", 3, ""),
    ]
    assert [(t.text.strip(), t.offset, t.markdown) for t in texts] == [
        ("link\n text", 1, True),
        ("raw", 3, False),
    ]


def test_scan_html_never_raises_on_broken_html() -> None:
    tags, texts = scan_html('<a href="x">open <b>bold <img src=y> </div> tail')
    assert [t.name for t in tags] == ["a", "b", "img"]
    assert tags[0].text == "open bold tail"
    assert [t.text.strip() for t in texts] == ["open", "bold", "tail"]


def test_front_matter_error_and_key_lines() -> None:
    good = parse_front_matter("title: x\nnext_section_url: ../a-kr\nlist:\n  - 1\n", 1, 6)
    assert good.error is None
    assert good.key_lines == {"title": 2, "next_section_url": 3, "list": 4}
    assert [(link.url, link.line, link.text) for link in good.links] == [
        ("../a-kr", 3, "next_section_url")
    ]
    bad = parse_front_matter("title: x\n  nested: : y\n", 1, 4)
    assert (bad.error_line, bad.data, bad.key_lines) == (3, {}, {})
    assert bad.error is not None and bad.error.startswith("invalid YAML: ")
    scalar = parse_front_matter("just text\n", 3, 5)
    assert (scalar.error, scalar.error_line) == ("front matter is not a mapping", 4)
    empty = parse_front_matter("", 1, 2)
    assert (empty.error, empty.data, empty.links) == (None, {}, ())
    tabbed = parse_front_matter("a: 1\nb:\t@x\n", 1, 4)
    assert tabbed.error_line == 3


def test_an_inline_html_element_knows_the_prose_it_wraps() -> None:
    source = (
        '# T\n\n<span class="composition-api">If it uses `x`, the</span><span class="options-api">'
        'The</span> instance <b>is <i>the</i>\nchild</b>.<span class="badge"></span>\n'
    )
    heading, block = [b for s in parse_markdown(source, "a.md").sections for b in s.blocks]
    assert heading.markup == ()
    assert [(tag.name, tag.text, tag.line) for tag in block.markup] == [
        ("span", "If it uses , the", 3),
        ("span", "The", 3),
        ("b", "is the child", 3),
        ("i", "the", 3),
        ("span", "", 4),
    ]
