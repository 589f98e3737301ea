"""The parser on the real corpus (../shared/corpus/scaling-book): lines, anchors, figures."""

from __future__ import annotations

import html
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from transcheck.model import Document, LinkKind
from transcheck.parse import parse_markdown, read_markdown

NAMES = [
    "README.md", "applied-inference.md", "applied-training.md", "conclusion.md", "dropdown.md",
    "gpus.md", "index.md", "inference.md", "jax-stuff.md", "profiling.md", "roofline.md",
    "sharding.md", "tpus.md", "training.md", "transformers.md",
]  # fmt: skip
FILES = [f"{lang}/{name}" for lang in ("en", "ko") for name in NAMES]


@cache
def load(corpus: Path, name: str) -> tuple[Document, list[str]]:
    """The parsed corpus file and its raw lines (parsed once per session)."""
    text = read_markdown(corpus / name, name)
    return parse_markdown(text, name), text.splitlines()


def in_page(document: Document) -> list[tuple[int, str]]:
    """Every in-page link as (line, fragment)."""
    return [
        (link.line, link.url[1:])
        for section in document.sections
        for link in section.links
        if link.url.startswith("#")
    ]


def test_every_file_of_the_corpus_is_there(corpus: Path) -> None:
    assert sorted(p.relative_to(corpus).as_posix() for p in corpus.glob("*/*.md")) == sorted(FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_item_is_on_its_line(corpus: Path, name: str) -> None:
    """Each link URL, code span, formula (its first line), number and tag is written on the line
    it has."""
    document, lines = load(corpus, name)
    checked = 0
    for section in document.sections:
        for block in section.blocks:
            assert block.line <= block.end_line <= document.line_count
            items = [(link.url, link.line) for link in block.links]
            items += [(span.text.split(" ")[0], span.line) for span in block.code_spans]
            items += [(m.text.split("\n")[0], m.line) for m in block.math]
            items += [(n.text, n.line) for n in block.numbers]
            items += [(tag.name, tag.line) for tag in block.markup]
            for value, line in items:
                assert block.line <= line <= block.end_line, (name, value, line)
                source = lines[line - 1]
                assert value in source or value in html.unescape(source), (name, value, line)
                checked += 1
    assert checked >= (0 if name.endswith("dropdown.md") else 10)


def test_sections_nest_and_cover_the_file(corpus: Path) -> None:
    for name in FILES:
        document, lines = load(corpus, name)
        sections = document.sections
        assert sections[0].is_preamble and sections[0].index == 0
        for before, after in pairwise(sections):
            # an empty preamble still has a line: the first body line, which may be a heading's
            empty = before.is_preamble and not before.blocks and before.line == after.line
            assert after.line == before.end_line + 1 or empty, (name, after.line)
        assert sections[-1].end_line == len(lines)
        for section in sections[1:]:
            assert section.parent is not None
            assert sections[section.parent].level < section.level
            heading = lines[section.line - 1]
            assert heading.startswith("#" * section.level + " ") or heading.startswith(
                f"<h{section.level}"
            ), (name, section.line)


def test_tpus_html_links_and_their_targets(corpus: Path) -> None:
    ko, _ = load(corpus, "ko/tpus.md")
    links = in_page(ko)
    assert links == [
        (94, "부록-b-systolic-array는-어떻게-작동하는가"),
        (98, "부록-c-tpu-내부에-대한-자세한-내용"),
        (103, "부록-c-tpu-내부에-대한-자세한-내용"),
    ]
    assert [ko.sections[ko.anchors[frag]].line for _, frag in links] == [336, 367, 367]
    kinds = {link.kind for s in ko.sections for link in s.links if link.url.startswith("#")}
    assert kinds == {LinkKind.HTML}
    en, _ = load(corpus, "en/tpus.md")
    assert [(line, frag) for line, frag in in_page(en) if frag not in en.anchors] == [
        (98, "appendix-c-tpu-internals"),
        (103, "appendix-c-tpu-internals"),
    ]
    assert "appendix-c-more-on-tpu-internals" in en.anchors


def test_sharding_case_anchors_match_the_korean_headings(corpus: Path) -> None:
    ko, lines = load(corpus, "ko/sharding.md")
    links = dict(in_page(ko))
    cases = [s for s in ko.sections if s.title.startswith("Case ")]
    assert [(s.line, s.level) for s in cases] == [(262, 3), (281, 3), (362, 3), (412, 3)]
    assert [links[line] for line in (255, 256, 257, 258)] == [s.anchor for s in cases]
    assert cases[0].anchor == "case-1-어떤-피승수도-샤딩된-contracting-dimension을-가지지-않는-경우"
    assert lines[361].endswith(" ")  # heading with a trailing space: the id must not end in "-"
    assert cases[2].anchor == "case-3-두-피승수-모두-샤딩된-contracting-dimension을-가지는-경우"


def test_only_broken_in_page_links_are_the_known_ones(corpus: Path) -> None:
    broken = {}
    resolved = 0
    for name in FILES:
        document, _ = load(corpus, name)
        for line, fragment in in_page(document):
            if fragment in document.anchors:
                resolved += 1
            else:
                broken.setdefault(name, []).append(line)
    assert broken == {"en/tpus.md": [98, 103], "ko/inference.md": [303]}
    assert resolved == 19


def test_inference_kept_the_english_anchor(corpus: Path) -> None:
    ko, _ = load(corpus, "ko/inference.md")
    assert (303, "tricks-for-improving-generation-throughput-and-latency") in in_page(ko)
    en, _ = load(corpus, "en/inference.md")
    target = en.sections[en.anchors["tricks-for-improving-generation-throughput-and-latency"]]
    assert (target.line, target.title) == (
        317,
        "Tricks for Improving Generation Throughput and Latency",
    )


_PATH = re.compile(r'path="([^"]+)"')


@pytest.mark.parametrize("name", FILES)
def test_figure_paths_are_all_found_at_their_lines(corpus: Path, name: str) -> None:
    document, lines = load(corpus, name)
    figures = [
        (link.url, link.line)
        for section in document.sections
        for link in section.images
        if link.kind is LinkKind.LIQUID
    ]
    written = [
        (match.group(1), number)
        for number, line in enumerate(lines, start=1)
        if "{% include" in line or "path=" in line
        for match in _PATH.finditer(line)
    ]
    assert figures == written


def test_figure_caption_links_are_links(corpus: Path) -> None:
    en, _ = load(corpus, "en/index.md")
    caption_links = [
        (link.url, link.line, link.text)
        for section in en.sections
        for link in section.links
        if link.kind is LinkKind.HTML
    ]
    assert ("tpus", 113, "Section 2") in caption_links


def test_front_matter_lines(corpus: Path) -> None:
    ko, _ = load(corpus, "ko/tpus.md")
    front = ko.front_matter
    assert front is not None and front.error is None
    assert (front.line, front.key_lines["title"], front.key_lines["authors"]) == (1, 3, 25)
    assert [(link.text, link.url, link.line) for link in front.links] == [
        ("previous_section_url", "../roofline", 15),
        ("next_section_url", "../sharding", 18),
    ]
    assert ko.sections[0].line == front.end_line + 1
    sharding, _ = load(corpus, "ko/sharding.md")
    assert sharding.front_matter is not None
    assert [(link.url, link.line) for link in sharding.front_matter.links] == [
        ("../tpus-kr", 13),
        ("../transformers-kr", 16),
    ]


def test_html_headings_of_jax_stuff_are_sections_with_their_ids(corpus: Path) -> None:
    for name in ("en/jax-stuff.md", "ko/jax-stuff.md"):
        document, _ = load(corpus, name)
        explicit = [(s.line, s.level, s.anchor) for s in document.sections if s.explicit_id]
        assert explicit == [
            (90, 3, "jax-jit-the-automatic-parallelism-solution"),
            (159, 3, "shard-map-explicit-parallelism-control-over-a-program"),
        ]


def test_next_section_html_headings_hold_markdown_links(corpus: Path) -> None:
    """``<h3 markdown=1>…[here](../x)</h3>``: kramdown parses the link, and so do we."""
    expected = {"en/applied-inference.md": ("../profiling", 363, "here"),
                "ko/applied-inference.md": ("../profiling-kr", 363, "여기")}  # fmt: skip
    for name, (url, line, text) in expected.items():
        document, _ = load(corpus, name)
        last = document.sections[-1]
        assert (last.line, last.level, last.anchor) == (line, 3, "")
        assert [(link.url, link.line, link.text) for link in last.links] == [(url, line, text)]


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("images_first", [False, True])
def test_section_views_are_the_blocks_items_in_order(
    corpus: Path, name: str, images_first: bool
) -> None:
    # each view is gathered in one walk (links and images in the same one, whichever is asked
    # first): the same as collecting every block's items and filtering them
    text = read_markdown(corpus / name, name)
    for section in parse_markdown(text, name).sections:
        every = [link for block in section.blocks for link in block.links]
        if images_first:
            assert section.images == tuple(link for link in every if link.kind.is_image)
        assert section.links == tuple(link for link in every if not link.kind.is_image)
        assert section.images == tuple(link for link in every if link.kind.is_image)
        for view in ("code_spans", "math", "markup"):
            items = [item for block in section.blocks for item in getattr(block, view)]
            assert getattr(section, view) == tuple(items)
