"""Heading ids in both slug styles, and de-duplication in document order."""

from __future__ import annotations

import pytest

from transcheck.parse import SLUG_STYLES, Slugger, parse_markdown
from transcheck.parse.slugs import github_slug, kramdown_slug, mdn_slug, vitepress_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("TPU란 무엇인가?", "tpu란-무엇인가"),
        ("부록 C: TPU 내부에 대한 자세한 내용", "부록-c-tpu-내부에-대한-자세한-내용"),
        (
            "Case 2: 한 피승수가 샤딩된 contracting dimension을 가지는 경우",
            "case-2-한-피승수가-샤딩된-contracting-dimension을-가지는-경우",
        ),
        ("What's the LLaMA Serving Story?", "whats-the-llama-serving-story"),
        ("🎉 Party", "-party"),
        ("jax.jit: the solution", "jaxjit-the-solution"),
        ("snake_case — and “quotes”", "snake_case--and-quotes"),
        ("192 abc 192", "192-abc-192"),
        ("abc def öúß", "abc-def-öúß"),
        ("before \tafter tab", "before--after-tab"),
        (";;", ""),
        ("O(n²) cost ½ Ⅻ", "on-cost--ⅻ"),
        ("  Spaced  ", "spaced"),
    ],
)
def test_github_slug(text: str, slug: str) -> None:
    assert github_slug(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("TPU란 무엇인가?", "tpu-"),  # kramdown keeps the trailing space as "-"
        ("부록 C: TPU 내부", "c-tpu-"),
        ("1. Introduction", "introduction"),
        ("한국어 제목", "section"),
        ("🎉 Party 123", "party-123"),
        ("See [docs](https://d.example/a) now", "see-docshttpsdexamplea-now"),
        ("jax.jit: the solution", "jaxjit-the-solution"),
        ("snake_case", "snakecase"),
    ],
)
def test_kramdown_slug(text: str, slug: str) -> None:
    assert kramdown_slug(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Escaping attribute values", "escaping_attribute_values"),
        ("특수 문자 이스케이프", "특수_문자_이스케이프"),
        ("Calling at() on non-array objects", "calling_at_on_non-array_objects"),
        (":hover 시 다른 불투명도 적용", "hover_시_다른_불투명도_적용"),
        ("What's new? A/B, C&D", "whats_new_ab_cd"),
        ("Array.prototype.at()", "array.prototype.at"),
        ("()", "sect1"),
    ],
)
def test_mdn_slug(text: str, slug: str) -> None:
    assert mdn_slug(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("preview.host", "preview-host"),
        ("@web/dev-server", "web-dev-server"),
        ("What's new", "what-s-new"),
        ("3.5 release", "_3-5-release"),
        ("Café au lait", "cafe-au-lait"),
        ("A -- B (beta)", "a-b-beta"),
        ("“Quoted” title", "quoted-title"),
        ("설치하기", "설치하기"),
    ],
)
def test_vitepress_slug(text: str, slug: str) -> None:
    """``@mdit-vue/shared``'s slugify: runs of white space and ASCII punctuation are one ``-``."""
    assert vitepress_slug(text) == slug


def test_a_generated_heading_id_answers_to_its_vitepress_form_too_except_on_mkdocs() -> None:
    """Nothing in a page says whether its site renders GitHub's or VitePress' ids: a fragment
    may reach a heading by either; an MkDocs or Hugo page is never VitePress'."""
    text = "# T\n\n## preview.host\n\nx\n\n## Same\n\ny\n\n## Set {#own.id}\n\nz\n"
    anchors = parse_markdown(text, "a.md").anchors
    assert {"previewhost", "preview-host", "same", "own.id"} <= set(anchors)
    assert "own-id" not in anchors
    mkdocs = parse_markdown("!!! note\n    x\n\n" + text, "a.md")
    assert mkdocs.dialect == "mkdocs"
    assert "preview-host" not in mkdocs.anchors


def test_mdn_repeats_are_numbered_from_two_with_underscores() -> None:
    slugger = Slugger("mdn")
    assert [slugger.slug(t) for t in ["HTML", "CSS", "HTML", "HTML"]] == [
        "html",
        "css",
        "html_2",
        "html_3",
    ]


MDN_PAGE = """# querySelector()

See [Escaping attribute values](#escaping_attribute_values) and [Examples](#examples).

## Examples

### Escaping attribute values

#### HTML

#### Result

### Another example

#### HTML
"""


def test_a_page_whose_own_links_use_mdn_ids_is_read_with_them() -> None:
    anchors = [s.anchor for s in parse_markdown(MDN_PAGE, "x.md").sections]
    assert anchors == [
        "",
        "queryselector",
        "examples",
        "escaping_attribute_values",
        "html",
        "result",
        "another_example",
        "html_2",
    ]


def test_a_page_whose_links_use_github_ids_keeps_them() -> None:
    page = MDN_PAGE.replace("#escaping_attribute_values", "#escaping-attribute-values")
    anchors = [s.anchor for s in parse_markdown(page, "x.md").sections]
    assert anchors[3:5] == ["escaping-attribute-values", "html"]
    assert anchors[-1] == "html-1"


def test_duplicates_are_numbered_in_order_and_never_collide() -> None:
    slugger = Slugger("github")
    ids = [slugger.slug(text) for text in ["개요", "개요", "개요 1", "개요", ";;", ";;"]]
    assert ids == ["개요", "개요-1", "개요-1-1", "개요-2", "", "-1"]


def test_kramdown_style_reads_the_source_and_github_the_text() -> None:
    source = "See [docs](https://d.example/) now"
    assert Slugger("github").slug("See docs now", source) == "see-docs-now"
    assert Slugger("kramdown").slug("See docs now", source) == "see-docshttpsdexample-now"
    kramdown = Slugger("kramdown")
    assert [kramdown.slug(t) for t in ["한국어", "日本語", "Intro", "Intro"]] == [
        "section",
        "section-1",
        "intro",
        "intro-1",
    ]


def test_unknown_style_lists_the_valid_ones() -> None:
    assert SLUG_STYLES == ("github", "kramdown", "mdn", "vitepress")
    with pytest.raises(
        ValueError, match="unknown slug style 'gitlab'; valid: github, kramdown, mdn, vitepress"
    ):
        Slugger("gitlab")
