"""URL forms: the spellings a Korean page uses for its English source's link, and the site URL
read from the generator's config (real-shaped URLs from MDN, Wikipedia, Google, Python, Vue)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.links import LinkIndex
from transcheck.siteurl import discover_site_url
from transcheck.urlforms import (
    _url_form,
    in_locale,
    path_locale,
    same_link,
    split_url,
    url_form,
)

SAME = [
    (
        "https://developer.mozilla.org/en-US/docs/Web/API/HTMLInputElement#valueasnumber",
        "https://developer.mozilla.org/ko/docs/Web/API/HTMLInputElement#valueasnumber",
    ),
    (
        "https://en.wikipedia.org/wiki/Cache_replacement_policies#Least_Recently_Used_(LRU)",
        "https://ko.wikipedia.org/wiki/%EC%BA%90%EC%8B%9C_%EA%B5%90%EC%B2%B4_%EC%A0%95%EC%B1%85",
    ),
    (
        "https://support.google.com/chrome/answer/95414?hl=en",
        "https://support.google.com/chrome/answer/95414?hl=ko",
    ),
    ("https://docs.python.org/3/library/re.html", "https://docs.python.org/ko/3/library/re.html"),
    ("https://learn.microsoft.com/en-us/windows/", "https://learn.microsoft.com/ko-kr/windows/"),
    ("/docs/concepts/overview/", "/ko/docs/concepts/overview/"),
    ("http://www.jax.dev/docs/", "https://jax.dev/docs"),
    ("https://example.org/spec.html", "https://example.org/spec/"),
    ("https://example.org/guide/index.html", "https://example.org/guide/"),
    ("https://example.org/%ED%95%9C", "https://example.org/한"),
    ("../../tutorial/security/", "../../tutorial/security/index.md"),  # MkDocs source links
    ("/guide/essentials/application", "/guide/essentials/application.md"),
    ("https://vite-rollup-plugins.patak.dev/", "https://vite-rollup-plugins.patak.dev"),
    ("https://example.org/?page=2", "https://example.org?page=2"),
    ("https://router.vuejs.org/", "https://router.vuejs.kr/"),  # a Korean community edition
    (
        "https://pinia.vuejs.org/core-concepts/#using-the-store",
        "https://pinia.vuejs.kr/core-concepts/",
    ),
]

DIFFERENT = [
    ("https://jax.readthedocs.io", "https://jax.readthedocs.org"),
    ("https://example.org", "/"),  # another site's root, not this one's
    (
        "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Proxy",
        "https://developer.mozilla.org/ko/docs/Web/JavaScript/Reference/Global_Objects/Reflect",
    ),
    ("https://en.wikipedia.org/wiki/Input_method", "https://en.wikipedia.org/wiki/Keyboard"),
    ("https://arxiv.org/abs/1706.03762", "https://arxiv.org/abs/1706.03763"),
    ("https://example.org/docs?page=2&hl=en", "https://example.org/docs?page=3&hl=ko"),
    ("mailto:hello@vuejs.org", "mailto:hi@vuejs.org"),
    ("../inference", "../inference-kr"),
    ("#setup", "#install"),
    ("https://github.com/org/repo/README.md", "https://github.com/org/repo/README"),
    ("../tutorial/index.md", "../tutorial/intro.md"),
    ("https://router.vuejs.org/guide/", "https://router.vuejs.kr/api/"),
    ("https://example.kr/x", "https://example.org/x"),  # only a .kr page for an English one
    ("https://nodejs.org/en/about", "https://nodejs.kr/en/about"),  # a whole site: anyone's
    ("https://github.com/vuejs/core", "https://github.kr/vuejs/core"),
]


@pytest.mark.parametrize(("english", "korean"), SAME)
def test_locale_and_trivial_spellings_are_the_same_link(english: str, korean: str) -> None:
    assert same_link(english, korean)


@pytest.mark.parametrize(("english", "korean"), DIFFERENT)
def test_another_page_is_another_link(english: str, korean: str) -> None:
    assert not same_link(english, korean)


def test_the_site_own_absolute_url_is_its_site_relative_path() -> None:
    assert same_link(
        "/guide/essentials/computed",
        "https://vuejs.org/guide/essentials/computed/",
        "https://vuejs.org",
    )
    assert same_link("/v2/guide", "https://example.org/docs/v2/guide", "https://example.org/docs")
    assert not same_link("/guide/x", "https://other.org/guide/x", "https://vuejs.org")


def test_a_link_made_absolute_is_the_same_link_when_the_site_is_not_known() -> None:
    # Kubernetes-style: /docs/x made absolute on the site's own host (which config does not name)
    assert same_link("/docs/concepts/pods/", "https://kubernetes.io/docs/concepts/pods/")
    assert same_link("https://vuejs.org/guide/x#a", "/guide/x#a")
    assert not same_link("/docs/x", "https://kubernetes.io/docs/y")
    assert not same_link("/docs/x#a", "https://kubernetes.io/docs/x#b")
    assert not same_link("/", "https://kubernetes.io/")  # the root alone says nothing
    assert not same_link("docs/x", "https://kubernetes.io/docs/x")  # relative to the page
    # a link out of the book's folder, written on the site it leads to (the Rust book's std docs)
    assert same_link(
        "../std/collections/index.html", "https://doc.rust-lang.org/std/collections/index.html"
    )
    assert not same_link(
        "../std/vec/index.html", "https://doc.rust-lang.org/std/collections/index.html"
    )
    assert not same_link("../index.html", "https://doc.rust-lang.org/index.html")  # one segment


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "_config.yml",
            "url: https://jax-ml.github.io\nbaseurl: /scaling-book\n",
            "https://jax-ml.github.io/scaling-book",
        ),
        (
            "hugo.toml",
            'baseURL = "https://kubernetes.io/"\ntitle = "Kubernetes"\n',
            "https://kubernetes.io",
        ),
        (
            "docusaurus.config.js",
            "module.exports = {\n  url: 'https://react.dev',\n  baseUrl: '/',\n};\n",
            "https://react.dev",
        ),
        (
            ".vitepress/config.ts",
            "export default {\n  sitemap: { hostname: 'https://vuejs.org' },\n}\n",
            "https://vuejs.org",
        ),
        ("_config.yml", "title: a book\n", ""),
        ("hugo.toml", "baseURL = [1, 2\n", ""),
    ],
)
def test_site_url_is_read_from_the_generator_config_above_the_tree(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "ko").mkdir()
    assert discover_site_url(tmp_path / "ko") == expected


def test_a_korean_absolute_link_to_the_discovered_site_is_the_english_relative_link(
    tmp_path: Path,
) -> None:
    (tmp_path / "_config.yml").write_text("url: https://book.example.org\n", encoding="utf-8")
    files = {
        "en/usage.md": "# Usage\n\nRun it.\n",
        "ko/usage.md": "# 사용법\n\n실행합니다.\n",
        "en/guide.md": "# Guide\n\nRead [the usage](/usage/) next.\n",
        "ko/guide.md": "# 안내\n\n다음으로 [사용법](https://book.example.org/usage)을 읽으세요.\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    report = check_paths(tmp_path / "en", tmp_path / "ko", Config(select=("TC2",)))
    assert report.findings == ()


def test_a_hugo_sections_tree_finds_the_site_config_three_folders_up(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://kubernetes.io/"\n', encoding="utf-8")
    docs = tmp_path / "content" / "ko" / "docs"
    docs.mkdir(parents=True)
    assert discover_site_url(docs) == "https://kubernetes.io"


def test_path_locale_and_in_locale_swap_only_the_locale_segment() -> None:
    assert path_locale("/en-US/docs/Web/API") == "en-US"
    assert path_locale("/ko/docs/Web/API#x") == "ko"
    assert path_locale("/docs/en/x") == "en"
    assert path_locale("/docs/guide/x") == ""
    assert path_locale("https://example.org/en/x") == ""
    assert in_locale("/en-US/docs/Web/API#a_b", "ko") == "/ko/docs/Web/API#a_b"
    assert in_locale("/docs/guide/x", "ko") == "/docs/guide/x"
    assert in_locale("/en-US/docs/x", "") == "/en-US/docs/x"


def test_a_url_is_worked_out_once_whether_or_not_the_site_is_passed() -> None:
    url = "https://example.org/cache-key-test/"
    before = _url_form.cache_info().misses
    assert url_form(url) == url_form(url, "")
    assert _url_form.cache_info().misses == before + 1


@pytest.mark.parametrize(
    "url", ["https://Example.org:8080/a/b?q=1#f", " /guide/x#y ", "mailto:a@b.c", "", "#id", "a:b"]
)
def test_a_url_split_for_its_form_is_split_once_for_the_link_index(url: str) -> None:
    # url_form and the link index (links._own_path) share the split; it is urllib's
    assert split_url(url) == urlsplit(url)
    form = url_form(f"{url.strip()}?shared-split")
    misses = split_url.cache_info().misses
    LinkIndex(None, {}, lambda rel: None)._own_path(f"{url.strip()}?shared-split")
    assert split_url.cache_info().misses == misses
    assert form == url_form(f"{url.strip()}?shared-split")
