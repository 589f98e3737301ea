"""Line numbers survive every line ending, a BOM and front matter; items land on their own line.

The property tests build documents whose every line holds a known item (a link, a code span, a
number, a Liquid figure) with text that spans lines in between, and check each item's line.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from parse_dump import dump

from transcheck.model import Document
from transcheck.parse import parse_markdown, read_markdown

SAMPLE = (
    "---\n"
    "title: x\n"
    "next_section_url: ../sharding-kr\n"
    "---\n"
    "\n"
    "## 첫 절 {#first}\n"
    "\n"
    "Prose `code\n"
    "span` then [a](u1) and 1,000\n"
    '<a href="#first">back</a> $$x\n'
    "+y$$ and 45%.\n"
    "\n"
    '{% include figure.liquid path="assets/img/a.png" %}\n'
)


def test_lf_crlf_and_lone_cr_give_the_same_document() -> None:
    lf = dump(parse_markdown(SAMPLE, "a.md"))
    assert dump(parse_markdown(SAMPLE.replace("\n", "\r\n"), "a.md")) == lf
    assert dump(parse_markdown(SAMPLE.replace("\n", "\r"), "a.md")) == lf
    # Every ending in turn; a blank line takes CRLF so that no CR meets the LF of the next line.
    endings = ["\r\n", "\r", "\n"]
    lines = SAMPLE.split("\n")[:-1]
    mixed = "".join(line + (endings[i % 3] if line else "\r\n") for i, line in enumerate(lines))
    without_crlf = mixed.replace("\r\n", "")
    assert "\r\n" in mixed and "\r" in without_crlf and "\n" in without_crlf
    assert dump(parse_markdown(mixed, "a.md")) == lf


def test_sample_lines_are_exact() -> None:
    document = parse_markdown(SAMPLE.replace("\n", "\r\n"), "a.md")
    assert document.front_matter is not None
    assert document.front_matter.key_lines == {"title": 2, "next_section_url": 3}
    assert [(link.url, link.line) for link in document.front_matter.links] == [
        ("../sharding-kr", 3)
    ]
    section = document.sections[1]
    assert (section.line, section.end_line, section.anchor) == (6, 13, "first")
    assert [(link.url, link.line) for link in section.links] == [("u1", 9), ("#first", 10)]
    assert [(image.url, image.line) for image in section.images] == [("assets/img/a.png", 13)]
    assert [(span.text, span.line) for span in section.code_spans] == [("code span", 8)]
    numbers = [n for block in section.blocks for n in block.numbers]
    assert [(n.text, n.line) for n in numbers] == [("1,000", 9), ("45%", 11)]
    assert [(m.text, m.line, m.delimiter) for m in section.math] == [("x\n+y", 10, "$$")]
    assert document.line_count == 13


def test_a_formula_block_stands_at_its_first_line() -> None:
    # an opening $$ written alone puts the formula on the line below (the number rules count
    # a number's line from its formula's)
    text = "Intro.\n\n$$\n\\small\nx = 12\n$$\n\n$$y = 3\n+ 4$$\n"
    document = parse_markdown(text, "a.md")
    formulas = [m for block in document.sections[0].blocks for m in block.math]
    assert [(m.text, m.line) for m in formulas] == [("\\small\nx = 12", 4), ("y = 3\n+ 4", 8)]


def test_utf8_bom_file_keeps_lines_and_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    text = read_markdown(path, "bom.md")
    assert dump(parse_markdown(text, "bom.md")) == dump(parse_markdown(SAMPLE, "a.md"))


def test_bom_left_in_text_is_dropped_by_the_parser() -> None:
    document = parse_markdown("\ufeff" + SAMPLE, "a.md")
    assert document.front_matter is not None
    assert document.front_matter.key_lines["title"] == 2
    assert dump(document) == dump(parse_markdown(SAMPLE, "a.md"))


def test_nfd_korean_is_normalized_without_moving_lines() -> None:
    nfc = "## 한국어 제목\n\n[링크](#한국어-제목) 2\n"
    document = parse_markdown(unicodedata.normalize("NFD", nfc), "ko.md")
    assert document.sections[1].anchor == "한국어-제목"
    assert [(link.url, link.line) for link in document.sections[1].links] == [("#한국어-제목", 3)]


def test_line_count_with_and_without_final_newline() -> None:
    assert parse_markdown("a\nb\n", "x.md").line_count == 2
    assert parse_markdown("a\nb", "x.md").line_count == 2
    assert parse_markdown("a\r\nb\r\n", "x.md").line_count == 2
    assert parse_markdown("", "x.md").line_count == 0


# Each line kind: (Markdown for the line with item number i, what the item is)
LINE_KINDS = {
    "link": lambda i: f"see [label {i}](https://x.example/{i}) here",
    "ref": lambda i: f"see [label][r{i}] here",
    "html": lambda i: f'see <a href="#h{i}">label</a> here',
    "auto": lambda i: f"see <https://auto.example/{i}> here",
    "bare": lambda i: f"see https://bare.example/{i} here",
    "email": lambda i: f"mail to u{i}@mail.com now",
    "img": lambda i: f"see ![alt](img/{i}.png) here",
    "code": lambda i: f"see `c{i}` here",
    "number": lambda i: f"see {i}개의 items",
    "math": lambda i: f"see $$m_{{{i}}}$$ here",
    "liquid": lambda i: f'{{% include figure.liquid path="fig/{i}.png" %}} here',
    "split-code": lambda i: f"see `c{i}\nspan` here",
    "split-dest": lambda i: f"see [label](\nhttps://split.example/{i}) here",
}


def _items(document: Document) -> dict[str, int]:
    """Every item's identifying string -> the line it was found on."""
    found: dict[str, int] = {}
    for section in document.sections:
        for block in section.blocks:
            for link in block.links:
                found[link.url] = link.line
            for span in block.code_spans:
                found[span.text.split()[0]] = span.line
            for number in block.numbers:
                found[f"n{number.value}"] = number.line
            for formula in block.math:
                found[formula.text] = formula.line
    return found


def _expected(kind: str, i: int) -> str:
    """The identifying string ``_items`` finds for item ``i`` of ``kind``."""
    return {
        "link": f"https://x.example/{i}",
        "ref": f"https://r.example/{i}",
        "html": f"#h{i}",
        "auto": f"https://auto.example/{i}",
        "bare": f"https://bare.example/{i}",
        "email": f"mailto:u{i}@mail.com",
        "img": f"img/{i}.png",
        "code": f"c{i}",
        "number": f"n{i}",
        "math": f"m_{{{i}}}",
        "liquid": f"fig/{i}.png",
        "split-code": f"c{i}",
        "split-dest": f"https://split.example/{i}",
    }[kind]


@settings(max_examples=150, deadline=None)
@given(
    kinds=st.lists(st.sampled_from(sorted(LINE_KINDS)), min_size=1, max_size=12),
    breaks=st.lists(st.sampled_from(["\n", "\n\n", "\n\n* ", "\n> "]), min_size=12, max_size=12),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    front=st.booleans(),
)
def test_every_item_is_on_the_line_it_was_written(
    kinds: list[str], breaks: list[str], ending: str, front: bool
) -> None:
    text = "---\ntitle: t\n---\n" if front else ""
    expected: dict[str, int] = {}
    for i, kind in enumerate(kinds, start=100):
        text += breaks[i - 100] if i > 100 else ""
        line = text.count("\n") + 1
        expected[_expected(kind, i)] = line  # a link is on the line where its label starts
        text += LINE_KINDS[kind](i)
    text += "\n\n" + "".join(f"[r{i}]: https://r.example/{i}\n" for i in range(100, 112))
    document = parse_markdown(text.replace("\n", ending), "p.md")
    found = _items(document)
    for key, line in expected.items():
        assert found.get(key) == line, (key, text)
