"""The per-pair rules' shortcuts answer exactly as the plain computations they skip: two links
written alike, code blocks whose lines agree once comments are removed, the names a page keeps
read when first asked, and a page measured for page-out-of-sync only while it can be one."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from tests.acceptance.test_blocks_corpus import context
from tests.checks.test_content_helpers import context as text_context
from transcheck.checks.codecomments import comment_syntax, kept_texts, lines_of, scanned
from transcheck.checks.linkmatch import _links_equal, links_equal
from transcheck.checks.untranslated import kept_words, page_names
from transcheck.checks.versions import MIN_BLOCKS, MIN_SHARE, page_out_of_sync, unmatched_share

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
