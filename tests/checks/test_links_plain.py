"""The link layer's shortcuts answer exactly as the plain computations they stand for: the
route-key test of a file's start, resolutions remembered by URL, and the link comparison of
section pairs (sections without links skipped)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.acceptance.test_blocks_corpus import context
from tests.checks.test_content_helpers import context as text_context
from tests.gitrepos import write
from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.linkmatch import LinkMatch, compare_links, compared_links, link_matches
from transcheck.checks.registry import PairContext
from transcheck.links import LinkIndex, _page_part, has_route_key

_PLAIN_ROUTE_KEY = re.compile(rb"^\s*(?:permalink|slug|url|aliases)\s*[:=]", re.MULTILINE)
_PIECES = [b"permalink", b"slug", b"url", b"aliases", b":", b"=", b" ", b"\t", b"\n", b"\r"]
_PIECES += [b"\x0b", b"\x0c", b"\x1c", b"x", b"-", b"---", b"#", b"\xed\x95\x9c"]


@given(st.lists(st.sampled_from(_PIECES), max_size=24).map(b"".join))
@example(b"url: /x")
@example(b"  \n  slug = 'x'")
@example(b"title: x\nkeyurl: y")
@example(b"x\n\n\t aliases\t:")
def test_route_key_is_the_multiline_pattern(start: bytes) -> None:
    assert has_route_key(start) == (_PLAIN_ROUTE_KEY.search(start) is not None)


_PAGES = ["index.md", "x.md", "guide/index.md", "guide/a.md", "guide/b.md", "api/a.md"]
_ASKED = ["x", "../x", "/x", "./x.md", "a/x", "#a", "x#a", "/guide/", "", "https://e.com/x"]
_ASKED += ["mailto:a@b.c", "../../x", "//e.com/x", "/ko/x", "y", "img.png"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    write(root, {**{page: "# Page\n" for page in _PAGES}, "guide/a/x.md": "# X\n"})
    return root


@given(st.lists(st.tuples(st.sampled_from(_PAGES), st.sampled_from(_ASKED)), max_size=12))
def test_remembered_resolutions_are_each_link_resolved_alone(
    tree: Path, asked: list[tuple[str, str]]
) -> None:
    # One index answers every question in turn (resolutions remembered by URL, by page, by
    # folder); a fresh index works each out alone from the page's folder and name.
    index = LinkIndex(tree, {}, lambda rel: None, routes=("/guide/*",))
    for page, url in asked:
        fresh = LinkIndex(tree, {}, lambda rel: None, routes=("/guide/*",))
        own = fresh._own_path(url)
        alone = fresh._resolve(own, _page_part(page, own) if own else ("", ""))
        remembered = index.resolve(page, url)
        assert (remembered.status, remembered.target) == (alone.status, alone.target), (page, url)


def _plain_matches(ctx: PairContext) -> list[LinkMatch]:
    """Every section pair's links compared, whether either side has any or not."""
    return [compare_links(ctx, pair, *compared_links(ctx, pair)) for pair in section_blocks(ctx)]


def _fields(match: LinkMatch) -> tuple[object, ...]:
    return (
        match.source_section.line,
        match.target_section.line,
        match.pairs,
        match.changed,
        match.missing,
        match.extra,
    )


def test_link_matches_are_the_plain_comparison_on_every_chapter(corpus: Path) -> None:
    compared = 0
    for path in sorted((corpus / "en").glob("*.md")):
        if not (corpus / "ko" / path.name).is_file():
            continue
        fast = [_fields(m) for m in link_matches(context(corpus, path.name))]
        plain = [_fields(m) for m in _plain_matches(context(corpus, path.name))]
        assert fast == plain, path.name
        compared += sum(any(fields[2:]) for fields in fast)
    assert compared > 50  # sections with links were compared, not only empty ones


_URLS = ["#a", "#b", "/guide/x", "/guide/x#a", "https://example.com/", "../y", "(#a)"]
_PARAGRAPH = st.lists(st.sampled_from(_URLS), max_size=3).map(
    lambda urls: " ".join(f"[w{i}]({url})" for i, url in enumerate(urls)) or "plain words"
)
_SECTIONS = st.lists(st.lists(_PARAGRAPH, min_size=1, max_size=3), min_size=1, max_size=4)


def _text(sections: list[list[str]], title: str) -> str:
    return "".join(
        f"## {title} {n}\n\n" + "".join(f"{p} {n}{m}.\n\n" for m, p in enumerate(paragraphs))
        for n, paragraphs in enumerate(sections)
    )


@given(_SECTIONS, _SECTIONS)
def test_link_matches_are_the_plain_comparison_on_any_links(
    english: list[list[str]], korean: list[list[str]]
) -> None:
    en, ko = _text(english, "Part"), _text(korean, "부분")
    fast = [_fields(m) for m in link_matches(text_context(en, ko))]
    assert fast == [_fields(m) for m in _plain_matches(text_context(en, ko))]
