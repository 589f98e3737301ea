"""The link layer's shortcuts answer exactly as the plain computations they stand for: the
route-key test of a file's start, resolutions remembered by URL, the files a path may name
(made one at a time, asked of the system as strings), the link comparison of section pairs
(sections without links skipped) and the template calls standing for links (sections without
a call skipped)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.acceptance.test_blocks_corpus import context
from tests.checks.test_content_helpers import context as text_context
from tests.gitrepos import write
from transcheck.align.blocks import translator_note
from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.linkmatch import (
    LinkMatch,
    _broken,
    compare_links,
    front_matter_links,
    link_matches,
)
from transcheck.checks.registry import PairContext
from transcheck.checks.templatelinks import StandIns, _match, _shown, _spans, stand_ins
from transcheck.links import (
    LinkIndex,
    Status,
    _candidates,
    _page_part,
    has_route_key,
    normalize_fragment,
)
from transcheck.model import Document, Link
from transcheck.parse import parse_markdown

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
    """Every section pair's links compared, whether either side has any or not, the stand-ins
    of template calls filtered out and the Korean links of every translator's note left out."""
    written = stand_ins(ctx).links
    matches = []
    for pair in section_blocks(ctx):
        notes = [b for b in pair.target.blocks if translator_note(b)]
        korean = [
            link
            for link in pair.target.links
            if id(link) not in written and not any(link in b.links for b in notes)
        ]
        english = [link for link in pair.source.links if id(link) not in written]
        matches.append(compare_links(ctx, pair, english, korean))
    return matches


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


def _plain_candidates(joined: str) -> list[str]:
    """The files a path may name, as the index listed them all before trying any."""
    stem, suffix = posixpath.splitext(joined)
    candidates = [joined]
    if suffix in (".html", ".htm"):
        candidates += [stem + s for s in (".md", ".markdown", ".mdx")]
    candidates += [joined + s for s in (".md", ".markdown", ".mdx")]
    for name in ("index", "_index"):
        candidates += [posixpath.join(joined, name + s) for s in (".md", ".markdown", ".mdx")]
    return [*candidates, posixpath.join(joined, "README.md")]


_PATH_PARTS = ["", ".", "..", "a", "guide", "x.html", "x.htm", "index", "b.md", "c.d", "/", "ü"]


@given(st.lists(st.sampled_from(_PATH_PARTS), max_size=4).map("/".join))
@example("")
@example("a/x.html")
@example(".")
def test_candidates_are_the_listed_ones_in_order(joined: str) -> None:
    assert list(_candidates(joined)) == _plain_candidates(joined)


_FILES = [*_PAGES, "guide/a/x.md", "x.html", "guide/b.mdx", "README.md", "guide/_index.md"]


@given(st.lists(st.sampled_from(_PATH_PARTS + _FILES), min_size=1, max_size=3).map("/".join))
@example("guide/a")
@example("guide/../x")
@example("x")
def test_a_file_on_disk_is_what_pathlib_finds(tree: Path, path: str) -> None:
    # the index asks the system with the joined string; a Path built for each file it may ask
    # about (the candidates of a normalized path, as resolving makes them) says the same
    index = LinkIndex(tree, {}, lambda rel: None)
    for rel in _candidates(posixpath.normpath(path)):
        assert index.has(rel) == (tree / rel).is_file(), rel


def _plain_stand_ins(ctx: PairContext) -> StandIns:
    """Every aligned section pair's calls and links matched, whether it holds a call or not."""
    links: set[int] = set()
    templates: set[int] = set()
    labels: set[tuple[str, int]] = set()
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        for calls, other in ((pair.source, pair.target), (pair.target, pair.source)):
            for tag, link in _match(calls, other, links, templates):
                labels.update((word.casefold(), link.line) for word in _shown(tag))
        for span in _spans(pair.target, pair.source, templates):
            labels.add((span.text.casefold(), span.line))
    return StandIns(frozenset(links), frozenset(templates), frozenset(labels))


_CALLS = ['{{jsxref("Array")}}', '{{htmlattrxref("class")}}', "[`Array`](/ko/docs/Array)", "x"]
_CALLS += ["[class](/docs/Web/HTML/class)", "`Array`", "`<class>`", '{{domxref("Node")}}']
_LINES = st.lists(st.lists(st.sampled_from(_CALLS), min_size=1, max_size=3), max_size=3)


@given(_LINES, _LINES)
@example([['{{jsxref("Array")}}']], [["[`Array`](/ko/docs/Array)"]])
@example([["[`Array`](/ko/docs/Array)"]], [['{{jsxref("Array")}}']])
@example([["`Array`"]], [['{{jsxref("Array")}}']])
def test_stand_ins_skip_only_sections_without_a_call(
    english: list[list[str]], korean: list[list[str]]
) -> None:
    en = "## Part\n\n" + "".join(f"- {' '.join(line)} words\n" for line in english)
    ko = "## 부분\n\n" + "".join(f"- {' '.join(line)} 글\n" for line in korean)
    ctx, plain = text_context(en, ko), text_context(en, ko)
    fast, slow = stand_ins(ctx), _plain_stand_ins(plain)
    # ids differ between the two parses: compare what they name, by line and text
    assert (len(fast.links), len(fast.templates), fast.labels) == (
        len(slow.links),
        len(slow.templates),
        slow.labels,
    )


def test_stand_ins_are_the_plain_matching_on_every_chapter(corpus: Path) -> None:
    for path in sorted((corpus / "en").glob("*.md")):
        if (corpus / "ko" / path.name).is_file():
            ctx = context(corpus, path.name)
            fast, plain = stand_ins(ctx), _plain_stand_ins(ctx)
            assert (fast.links, fast.templates, fast.labels) == (
                plain.links,
                plain.templates,
                plain.labels,
            ), path.name


def _plain_broken(document: Document, rel: str, index: LinkIndex) -> list[tuple[Link, bool]]:
    """The links of a document that reach nothing (and whether their page is missing), read
    through each link's own ``path_part`` and ``fragment``."""
    found = []
    links = [link for section in document.sections for link in section.links]
    for link in [*links, *front_matter_links(document)]:
        if not link.path_part:
            if link.fragment and normalize_fragment(link.fragment) not in document.anchors:
                found.append((link, False))
            continue
        resolution = index.resolve(rel, link.path_part)
        if resolution.status is Status.MISSING:
            found.append((link, True))
        elif resolution.status is Status.FOUND and link.fragment and resolution.target:
            other = index.document(resolution.target)
            if (
                other is not None
                and not other.ids_generated
                and normalize_fragment(link.fragment) not in other.anchors
            ):
                found.append((link, False))
    return found


_TARGETS = ["x", "x#page", "x#other", "#page", "#", "x#", "#a#b", "missing#page", "/x#page"]
_TARGETS += ["guide/a#%ED%8E%98", "../x#page", "https://e.com/#a", "x.md#page", "#%EB%B6%80"]


@given(st.lists(st.sampled_from(_TARGETS), min_size=1, max_size=6))
def test_broken_links_are_read_as_each_link_reads_its_parts(tree: Path, urls: list[str]) -> None:
    text = "---\nnext_url: x#nowhere\n---\n# Page\n\n" + " ".join(
        f"[w{i}]({url})" for i, url in enumerate(urls)
    )
    document = parse_markdown(text, "guide/b.md")
    index = LinkIndex(tree, {}, lambda rel: parse_markdown((tree / rel).read_text(), rel))
    found = [(b.link, b.page_missing) for b in _broken(document, "guide/b.md", index)]
    assert found == _plain_broken(document, "guide/b.md", index)


def test_broken_links_are_the_plain_reading_on_every_chapter(corpus: Path) -> None:
    for path in sorted((corpus / "en").glob("*.md")):
        if not (corpus / "ko" / path.name).is_file():
            continue
        ctx = context(corpus, path.name)
        for document, index in ((ctx.source, ctx.source_index), (ctx.target, ctx.target_index)):
            found = [(b.link, b.page_missing) for b in _broken(document, path.name, index)]
            assert found == _plain_broken(document, path.name, index), path.name
