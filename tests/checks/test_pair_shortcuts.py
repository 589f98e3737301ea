"""The per-pair rules' shortcuts answer exactly as the plain computations they skip: two links
written alike, code blocks whose lines agree once comments are removed, the names a page keeps
read when first asked, a page measured for page-out-of-sync only while it can be one, and
sections holding no formula or tag matched without a look at their blocks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.acceptance.test_blocks_corpus import context
from tests.checks.test_content_helpers import context as text_context
from transcheck.align.blocks import BlockPair
from transcheck.checks.blockmatch import ItemMatch, match_items, section_blocks
from transcheck.checks.blocks import COUNTED, _lead_in, _only_images, _runs, in_containers
from transcheck.checks.code import spans_equal
from transcheck.checks.codecomments import comment_syntax, kept_texts, lines_of, scanned
from transcheck.checks.linkmatch import LinkPlace, _links_equal, link_places, links_equal
from transcheck.checks.markup import (
    _block_tags,
    _by_links,
    _matches,
    _prose,
    _same,
    _whole_blocks,
    _whole_elements,
)
from transcheck.checks.mathematics import _same as same_formula
from transcheck.checks.mathematics import math_matches
from transcheck.checks.registry import PairContext
from transcheck.checks.untranslated import kept_words, page_names
from transcheck.checks.versions import MIN_BLOCKS, MIN_SHARE, page_out_of_sync, unmatched_share
from transcheck.model import Block, BlockKind, CodeSpan, Link, Markup

_URLS = ["#a", "#b", "#", "/guide/x", "/guide/x#a", "en.md#a", "en.md", "ko.md#a", "../y#b"]
_URLS += ["https://example.com/", "https://example.com/#a", "(#a)", "", "x#", "#a#b", "mailto:a"]


@given(st.sampled_from(_URLS), st.booleans())
@example("en.md#a", True)
def test_a_link_written_alike_is_equal_as_worked_out_in_full(url: str, exact: bool) -> None:
    ctx = text_context("## A\n\n[a](#a) text.\n", "## 가\n\n[가](#a) 글.\n")
    assert links_equal(ctx, url, url, exact) == _links_equal(ctx, url, url, exact)


_CODE = ["x = 1", "  y = 'a # b'", "// note", "# note", "/* a\nb */", '"s // t"', "<p>hi</p>"]
_CODE += ["<!-- c -->", "{{ a /* b */ }}", "", "   ", "\t", "z;  ", "`a\n// b`", '<a :x="y // z">']
_LANGUAGES = ["js", "py", "sh", "vue", "css", "yaml", "text", "unknown-language"]


@given(st.lists(st.sampled_from(_CODE), max_size=8).map("\n".join), st.sampled_from(_LANGUAGES))
@example("a  \n\n// c\nb", "js")
def test_the_kept_texts_are_the_texts_of_the_code_lines(code: str, language: str) -> None:
    # block changes compare kept_texts before building any line: they must be the lines' texts
    text, marked = scanned(code, comment_syntax(language))
    assert kept_texts(text) == [line.text for line in lines_of(text, marked)]


def test_the_names_a_page_keeps_are_read_when_first_asked(corpus: Path) -> None:
    ctx = context(corpus, "index.md")
    names = page_names(ctx.source, ctx.target)
    assert "kept" not in vars(names)  # not read yet
    assert names.kept == kept_words(ctx.source, ctx.target)
    assert names.kept  # a real page keeps words: the comparison was not of two empty sets


def test_page_out_of_sync_measures_the_korean_page_only_where_it_decides(corpus: Path) -> None:
    chapters = sorted(
        p.name for p in (corpus / "en").glob("*.md") if (corpus / "ko" / p.name).exists()
    )
    damaged = ("## 다른 글\n\n" + "완전히 다른 내용의 문단입니다.\n\n" * 12) * 2
    asked = 0
    for name in chapters:
        ctx = context(corpus, name)
        english, blocks = unmatched_share(ctx, korean=False)
        korean, _ = unmatched_share(ctx, korean=True)
        plain = blocks >= MIN_BLOCKS and english >= MIN_SHARE and korean >= MIN_SHARE
        assert bool(list(page_out_of_sync(ctx))) == plain, name
        asked += 1
    ctx = text_context((corpus / "en" / chapters[0]).read_text(encoding="utf-8"), damaged)
    assert list(page_out_of_sync(ctx))  # a page of another version is still reported
    assert asked > 5


def _items(match: ItemMatch[Any, Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """What an item match found, as comparable lists (ItemMatch compares by identity)."""
    return match.found, match.missing, match.extra


CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _plain_runs(pairs: Sequence[BlockPair], korean: bool, skip: set[int]) -> list[tuple[int, int]]:
    """The block rules' runs of lone blocks, every pair read (no look for a missing side first)."""
    alone = [
        block is not None
        and other is None
        and block.kind in COUNTED
        and bool(block.text)
        and not _only_images(block)
        and not _lead_in(block)
        and id(block) not in skip
        for block, other in (pair.sides(korean) for pair in pairs)
    ]
    runs, start = [], None
    for index, lone in enumerate([*alone, False]):
        if lone and start is None:
            start = index
        elif not lone and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _plain_link_places(ctx: PairContext, korean: bool) -> dict[Link, LinkPlace]:
    """link_places read from every block pair of every section (none skipped)."""
    places: dict[Link, LinkPlace] = {}
    for section in section_blocks(ctx):
        for number, pair in enumerate(section.blocks):
            here, there = pair.sides(korean)
            for index, link in enumerate(here.links if here is not None else ()):
                places.setdefault(link, LinkPlace(here, index, there, number))
    return places


def _code_spans(block: Block) -> tuple[CodeSpan, ...]:
    return block.code_spans


def _tag_comparison(ctx: PairContext) -> Callable[[Markup, Markup], bool]:
    """How markup-mismatch compares two tags in a pair's context."""
    prose = _prose(ctx)
    return lambda en, ko: _same(en, ko, prose, ctx)


@pytest.mark.parametrize("corpus_name", ["scaling-book", "vue-docs"])
def test_sections_without_formulas_or_tags_match_as_block_by_block(corpus_name: str) -> None:
    """Formula and tag matches of every section pair equal match_items over every block,
    on every page pair of both shared corpora (the book's formulas, vue-docs' tags)."""
    root = CORPORA / corpus_name
    if not (root / "en").is_dir():
        pytest.skip("shared corpus not present")
    skipped = matched = 0
    for path in sorted((root / "en").rglob("*.md")):
        name = path.relative_to(root / "en").as_posix()
        if not (root / "ko" / name).is_file():
            continue
        ctx = context(root, name)
        same_tag = _tag_comparison(ctx)
        for korean in (False, True):
            assert link_places(ctx, korean) == _plain_link_places(ctx, korean), name
        tags = [match for _, match in _matches(ctx)]
        for section, formulas, tagged in zip(
            section_blocks(ctx), math_matches(ctx), tags, strict=True
        ):
            plain_formulas = match_items(section, lambda b: b.math, lambda b: b.math, same_formula)
            assert _items(formulas) == _items(plain_formulas), (name, section.source.title)
            plain_tags = match_items(section, _block_tags, _block_tags, same_tag)
            assert _items(tagged) == _items(plain_tags), (name, section.source.title)
            if not section.source.code_spans:  # inline-code-missing skips it: nothing missing
                spans = match_items(section, _code_spans, _code_spans, spans_equal)
                assert not spans.missing, (name, section.source.title)
            pairs = [(p.source, p.target) for p in section.blocks if p.source and p.target]
            if not in_containers(section):  # container_pairs skips it: no pair votes
                assert not any(en.group and ko.group for en, ko in pairs), name
            if BlockKind.LIST_ITEM not in {b.kind for b in section.source.blocks}:  # _unlisted
                assert not any(en.kind is BlockKind.LIST_ITEM for en, _ in pairs), name
            for korean in (False, True):
                skip = {id(pair.source) for pair in section.blocks[::3]}  # some skipped
                found = list(_runs(section.blocks, korean, skip))
                assert found == _plain_runs(section.blocks, korean, skip), name
                matched += bool(found)
            if not tagged.missing and not tagged.extra:  # _left_over leaves it out: empty
                assert not _whole_blocks([]) and not _by_links(ctx, []).missing
                assert _whole_elements([], korean=False) == _whole_elements([], korean=True)
                assert _whole_elements([], korean=True) == ([], {})
            skipped += not (section.source.math or section.target.math)
            skipped += not (section.source.markup or section.target.markup)
            matched += bool(plain_formulas.found or plain_tags.found)
    assert skipped and matched  # both paths taken


@pytest.mark.parametrize(
    ("english", "korean"),
    [
        ("## A\n\nPlain text.\n", '## 가\n\n<span id="x">글</span> 입니다.\n'),
        ('## A\n\n<span id="x">Text</span> here.\n', "## 가\n\n글 입니다.\n"),
        ("## A\n\nPlain $x$ text.\n", "## 가\n\n글 $y$ 입니다.\n"),
        ("## A\n\nPlain text.\n", "## 가\n\n글 $y$ 입니다.\n"),
        ("## A\n\nPlain $x = 2$ text.\n", "## 가\n\n글 입니다.\n"),
        ("## A\n\nPlain text.\n", "## 가\n\n[글](https://a.example/) 입니다.\n"),
    ],
)
def test_an_item_of_one_side_alone_is_matched(english: str, korean: str) -> None:
    """A section pair with tags, formulas or links on one side only is still matched
    (and its links placed) in full."""
    ctx = text_context(english, korean)
    same_tag = _tag_comparison(ctx)
    tags = [match for _, match in _matches(ctx)]
    told = False
    for section, formulas, tagged in zip(section_blocks(ctx), math_matches(ctx), tags, strict=True):
        plain_tags = match_items(section, _block_tags, _block_tags, same_tag)
        plain_formulas = match_items(section, lambda b: b.math, lambda b: b.math, same_formula)
        assert _items(tagged) == _items(plain_tags)
        assert _items(formulas) == _items(plain_formulas)
        told |= bool(plain_tags.missing or plain_tags.extra)
        told |= bool(plain_formulas.missing or plain_formulas.extra)
    for korean in (False, True):
        assert link_places(ctx, korean) == _plain_link_places(ctx, korean)
        told |= bool(link_places(ctx, korean))
    assert told  # the one-sided item was there to match
