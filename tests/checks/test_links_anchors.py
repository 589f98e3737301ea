"""Targeted tests of link resolution and of the link and anchor rules beyond the case files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepos import write
from transcheck.api import check_pair, check_paths
from transcheck.config import Config
from transcheck.links import LinkIndex, Status, normalize_fragment
from transcheck.parse import parse_markdown


@pytest.fixture
def index(tmp_path: Path) -> LinkIndex:
    """A tree with chapters, a folder index, a Korean file name and a permalink-only page."""
    write(
        tmp_path,
        {
            "chapter.md": "# Chapter\n",
            "usage.md": "# Usage\n",
            "api/index.md": "# API\n",
            "한국어.md": "# 한국어\n",
            "pages/faq.md": "---\npermalink: /faq/\n---\n\n# FAQ\n",
        },
    )
    documents = {
        rel: parse_markdown((tmp_path / rel).read_text(encoding="utf-8"), rel)
        for rel in ("chapter.md", "pages/faq.md")
    }
    return LinkIndex(tmp_path, documents, lambda rel: None)


@pytest.mark.parametrize(
    ("url", "status", "target"),
    [
        ("../usage", Status.FOUND, "usage.md"),  # served at chapter/, so ../ is the sibling
        ("usage.md", Status.FOUND, "usage.md"),
        ("usage.html", Status.FOUND, "usage.md"),
        ("api/", Status.FOUND, "api/index.md"),
        ("../api", Status.FOUND, "api/index.md"),
        ("%ED%95%9C%EA%B5%AD%EC%96%B4.md", Status.FOUND, "한국어.md"),
        ("/faq/", Status.FOUND, "pages/faq.md"),
        ("../usage-kr", Status.MISSING, None),
        ("../../elsewhere", Status.OUTSIDE, None),
        ("https://example.com/usage", Status.EXTERNAL, None),
        ("#usage", Status.FRAGMENT, None),
        ("assets/chip.png", Status.ASSET, None),
    ],
)
def test_link_resolution(index: LinkIndex, url: str, status: Status, target: str | None) -> None:
    resolution = index.resolve("chapter.md", url)
    assert (resolution.status, resolution.target) == (status, target)


def test_a_file_link_into_a_folder_the_tree_lacks_leads_outside_it(index: LinkIndex) -> None:
    """mdBook pages link the site's other parts as files (``../std/vec.html`` from the book's
    ``src/``): outside the tree, not a broken page; a missing page of the tree's own folder is."""
    assert index.resolve("api/guide.md", "../std/vec.html").status is Status.OUTSIDE
    assert index.resolve("api/guide.md", "../chapter-two.html").status is Status.MISSING
    assert index.resolve("api/guide.md", "reference.html").status is Status.MISSING
    assert index.resolve("api/guide.md", "../std/vec/").status is Status.MISSING  # a folder URL


def test_links_from_an_index_page_start_at_its_folder(index: LinkIndex) -> None:
    assert index.resolve("api/index.md", "../usage").target == "usage.md"
    assert index.resolve("api/index.md", "../../usage").status is Status.OUTSIDE


def test_one_relative_link_resolves_for_each_page_as_that_page_reads_it(tmp_path: Path) -> None:
    # Resolutions are shared by the pages a link means the same in: not by a folder's index
    # and its other pages, nor by pages of two folders, nor by two pages of one folder.
    write(
        tmp_path,
        {
            "guide/index.md": "# Guide\n",
            "guide/a.md": "# A\n",
            "guide/b.md": "# B\n",
            "guide/a/x.md": "# X\n",
            "api/a.md": "# API A\n",
            "x.md": "# Top X\n",
        },
    )
    index = LinkIndex(tmp_path, {}, lambda rel: None, routes=("/guide/*",))
    asked = [
        ("guide/a.md", "x"),
        ("guide/index.md", "x"),
        ("guide/b.md", "x"),
        ("api/a.md", "x"),
        ("api/a.md", "../x"),
        ("guide/a.md", "/x"),
        ("guide/b.md", "/x"),
        ("guide/b.md", "y"),
        ("api/a.md", "y"),
    ]
    answers = [
        (index.resolve(rel, url).status, index.resolve(rel, url).target) for rel, url in asked
    ]
    assert answers == [
        (Status.FOUND, "guide/a/x.md"),  # guide/a.md is served at guide/a/
        (Status.ROUTE, None),  # no file: /guide/x is a route the site generates
        (Status.ROUTE, None),
        (Status.MISSING, None),
        (Status.FOUND, "x.md"),
        (Status.FOUND, "x.md"),
        (Status.FOUND, "x.md"),
        (Status.ROUTE, None),
        (Status.MISSING, None),
    ]


def test_percent_encoded_and_raw_fragments_are_equal() -> None:
    assert normalize_fragment("%EB%B6%80%EB%A1%9D-a") == "부록-a"


def test_text_checked_in_memory_does_not_judge_page_links() -> None:
    en = "# Guide\n\nRead [usage](../usage).\n"
    ko = "# 안내\n\n[사용법](../usage-kr)을 읽으세요.\n"
    codes = [f.code for f in check_pair(en, ko)]
    assert "TC205" not in codes
    assert codes == ["TC203"]  # the URL itself still differs from the English one


def test_one_pair_of_files_compares_links_to_files_outside_the_pair(chdir_tmp: Path) -> None:
    """`../usage` and `usage.md` reach the same sibling, which is not among the checked files."""
    write(
        chdir_tmp,
        {
            "en/usage.md": "# Usage\n\nRun it.\n",
            "ko/usage.md": "# 사용법\n\n실행합니다.\n",
            "en/guide.md": "# Guide\n\nRead [usage](../usage).\n",
            "ko/guide.md": "# 안내\n\n[사용법](usage.md)을 읽으세요.\n",
        },
    )
    report = check_paths(Path("en/guide.md"), Path("ko/guide.md"))
    assert [(f.code, f.source.line, f.target.line) for f in report.findings] == []


def test_cross_chapter_anchor_to_the_wrong_heading(chdir_tmp: Path) -> None:
    write(
        chdir_tmp,
        {
            "en/usage.md": "# Usage\n\n## Setup\n\nInstall `pkg`.\n\n## Running\n\nRun `tool`.\n",
            "ko/usage.md": (
                "# 사용법\n\n## 설치\n\n`pkg`를 설치합니다.\n\n## 실행\n\n`tool`을 실행합니다.\n"
            ),
            "en/guide.md": "# Guide\n\nSee [running](usage#running).\n",
            "ko/guide.md": "# 안내\n\n[실행](usage#설치)을 보세요.\n",
        },
    )
    report = check_paths(Path("en"), Path("ko"), Config(select=("TC204",)))
    assert [(f.code, str(f.source), str(f.target)) for f in report.findings] == [
        ("TC204", "en/guide.md:3", "ko/guide.md:3")
    ]
    message = report.findings[0].message
    assert "reaches '## 설치'" in message
    assert "write 'usage#실행'" in message


def test_anchor_hint_without_an_english_counterpart_reads_the_kept_english_id() -> None:
    en = "# Guide\n\n## Setup\n\nInstall it.\n"
    ko = "# 안내\n\n[설치](#setup)를 먼저 보세요.\n\n## 설치\n\n설치합니다.\n"
    findings = check_pair(en, ko, Config(select=("TC204", "TC202")))
    # one cause, one finding: a Korean-only link that is broken is anchor-broken, not also extra
    assert [(f.code, f.source.line, f.target.line) for f in findings] == [("TC204", 1, 3)]
    assert "write '#설치'" in findings[0].message
