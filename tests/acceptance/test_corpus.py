"""Acceptance on the real corpus (../shared/corpus/scaling-book, 15 pairs): the structure and link
families find exactly the defects a reviewer finds by reading both sides, at their lines."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from transcheck.api import Report, check_paths
from transcheck.config import Config, LinkRewrite
from transcheck.findings import Finding, Location

FAMILIES = ("TC0", "TC1", "TC2")  # input, structure, links and anchors
KR_REWRITE = LinkRewrite(re.compile(r"^\.\./([\w-]+)$"), r"../\1-kr")
# A Korean link to a renamed chapter, in the body `](../x-kr)` or front matter `_url: ../x-kr`
KR_LINK = re.compile(r"\]\(\.\./[\w-]+-kr[)#]|_url: *\"?\.\./[\w-]+-kr")

Row = tuple[str, str | None, str | None]  # code, "en/x.md:12", "ko/x.md:14"


def _where(location: Location, corpus: Path) -> str | None:
    if location.path is None:
        return None
    relative = Path(location.path).resolve().relative_to(corpus).as_posix()
    return f"{relative}:{location.line}" if location.line else relative


def rows(findings: tuple[Finding, ...], corpus: Path, code: str | None = None) -> list[Row]:
    """Findings as (code, English place, Korean place), paths relative to the corpus."""
    return sorted(
        (f.code, _where(f.source, corpus), _where(f.target, corpus))
        for f in findings
        if code is None or f.code == code
    )


def messages(report: Report, code: str) -> list[str]:
    """The messages of one rule's findings, in report order."""
    return [f.message for f in report.findings if f.code == code]


@pytest.fixture(scope="module")
def plain(corpus: Path) -> Report:
    """The corpus checked with the defaults (no link rewrite rules)."""
    return check_paths(corpus / "en", corpus / "ko", Config(select=FAMILIES))


@pytest.fixture(scope="module")
def rewritten(corpus: Path) -> Report:
    """The corpus checked with the rewrite the Korean chapters follow: ../slug -> ../slug-kr."""
    config = Config(select=FAMILIES, link_rewrites=(KR_REWRITE,))
    return check_paths(corpus / "en", corpus / "ko", config)


def test_all_fifteen_pairs_are_checked_and_readable(plain: Report) -> None:
    assert len(plain.pairs) == 15
    assert all(p.source and p.target for p in plain.pairs)
    assert plain.unreadable == 0


def test_structure_is_complete(plain: Report) -> None:
    codes = Counter(f.code for f in plain.findings)
    for code in ("TC001", "TC002", "TC003", "TC101", "TC102", "TC103", "TC104", "TC105", "TC106"):
        assert codes[code] == 0, code


def test_only_the_real_anchor_defects_are_reported(plain: Report, corpus: Path) -> None:
    # inference.md: the link kept the English id while the heading was translated;
    # index.md: the cross-chapter link kept the English id of conclusion's "Further Reading"
    assert rows(plain.findings, corpus, "TC204") == [
        ("TC204", "en/index.md:90", "ko/index.md:90"),
        ("TC204", "en/inference.md:304", "ko/inference.md:303"),
    ]
    index, inference = messages(plain, "TC204")
    assert "ko/conclusion.md has no heading id '#further-reading'" in index
    assert "'## 추가 읽을거리' (the translation of '## Further Reading')" in index
    assert "write 'conclusion#추가-읽을거리'" in index
    assert "#tricks-for-improving-generation-throughput-and-latency" in inference
    assert "write '#generation-throughput과-latency-개선-기법'" in inference


def test_the_corrected_korean_heading_ids_resolve(corpus: Path) -> None:
    """The pinned cross-chapter fix names a real heading of the Korean conclusion."""
    text = (corpus / "ko" / "conclusion.md").read_text(encoding="utf-8")
    assert "\n## 추가 읽을거리\n" in text


def test_english_broken_anchors_are_source_defects_not_translation_errors(
    plain: Report, corpus: Path
) -> None:
    assert rows(plain.findings, corpus, "TC207") == [
        ("TC207", "en/tpus.md:103", "ko/tpus.md:103"),
        ("TC207", "en/tpus.md:98", "ko/tpus.md:98"),
    ]
    for message in messages(plain, "TC207"):
        assert "not a translation error" in message
        assert "(#appendix-c-tpu-internals) matches no heading id" in message
        assert "it probably means '#appendix-c-more-on-tpu-internals'" in message
        assert "the Korean link works" in message
    assert all(f.severity.value == "info" for f in plain.findings if f.code == "TC207")
    broken = {(f.code, f.target.line) for f in plain.findings if "tpus.md" in str(f.target)}
    assert broken == {("TC207", 98), ("TC207", 103)}  # nothing blames the Korean tpus.md


def test_every_renamed_chapter_link_is_a_missing_target(plain: Report, corpus: Path) -> None:
    """Each `../slug-kr` link (body and front matter), found here by a plain text scan of the
    Korean files, is reported once as link-target-missing at its line, and nothing else is."""
    scanned = Counter(
        f"ko/{path.name}:{number}"
        for path in sorted((corpus / "ko").glob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for _ in KR_LINK.finditer(line)
    )
    reported = Counter(ko for _, _, ko in rows(plain.findings, corpus, "TC205"))
    assert reported == scanned
    assert sum(reported.values()) == 45


@pytest.mark.parametrize(
    ("english", "korean", "words"),
    [
        (
            "en/applied-inference.md:13",
            "ko/applied-inference.md:13",
            "front-matter previous_section_url '../inference-kr' reaches no page",
        ),
        ("en/sharding.md:16", "ko/sharding.md:16", "next_section_url '../transformers-kr'"),
        ("en/inference.md:325", "ko/inference.md:324", "[Section 4](../transformers-kr)"),
        ("en/sharding.md:637", "ko/sharding.md:643", "../transformers-kr"),
        ("en/training.md:674", "ko/training.md:674", "../applied-training-kr"),
    ],
)
def test_renamed_chapter_links_pinned(
    plain: Report, corpus: Path, english: str, korean: str, words: str
) -> None:
    found = [
        f
        for f in plain.findings
        if f.code == "TC205"
        and (_where(f.source, corpus), _where(f.target, corpus)) == (english, korean)
    ]
    assert len(found) == 1
    assert words in found[0].message
    slug = re.search(r"\.\./([\w-]+)-kr", found[0].message)
    assert slug is not None
    assert f"ko/{slug.group(1)}.md: write '../{slug.group(1)}'" in found[0].message


def test_each_renamed_link_is_one_finding_not_also_a_changed_link(plain: Report) -> None:
    """One cause, one finding: a `../slug-kr` link is broken *and* differs from `../slug`; only
    link-target-missing reports it, naming the fix (see test_renamed_chapter_links_pinned)."""
    assert not [f for f in plain.findings if f.code == "TC203"]


def test_with_the_rewrite_rule_links_compare_clean(rewritten: Report, corpus: Path) -> None:
    codes = Counter(f.code for f in rewritten.findings)
    assert (codes["TC201"], codes["TC203"]) == (0, 0)
    assert codes["TC205"] == 45  # the files still do not carry the -kr names
    assert rows(rewritten.findings, corpus, "TC204") == [
        ("TC204", "en/index.md:90", "ko/index.md:90"),
        ("TC204", "en/inference.md:304", "ko/inference.md:303"),
    ]


def test_the_translation_notice_and_its_link_are_the_translators_own(
    plain: Report, corpus: Path
) -> None:
    """ko/README.md adds a notice that the book was machine-translated and is under review,
    holding a link to the original: neither the paragraph nor its link is reported."""
    assert rows(plain.findings, corpus, "TC202") == []
    assert rows(plain.findings, corpus, "TC108") == []


def test_counts_by_rule(plain: Report, rewritten: Report) -> None:
    assert Counter(f.code for f in plain.findings) == {
        "TC204": 2,
        "TC205": 45,
        "TC207": 2,
    }
    assert Counter(f.code for f in rewritten.findings) == {
        "TC204": 2,
        "TC205": 45,
        "TC207": 2,
    }
