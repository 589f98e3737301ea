"""Block rules on the scaling-book corpus (a complete translation) and on damaged copies of it.

The complete translation gives one true finding: the translator's note that ko/README.md adds
above the book's introduction (block-extra). Its three places where the translator split an
English paragraph in two (one of them around a formula, Korean word order putting "we claim"
after it) are paired as splits, not reported. block-length-outlier judges every aligned paragraph
of 80 characters or more and, on this complete translation, reports none. Each mutation of a copy
then gives exactly the expected finding at the exact lines on both sides.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from transcheck.align import align_sections
from transcheck.api import check_paths
from transcheck.checks.blocklength import measured
from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.registry import PairContext
from transcheck.config import Config
from transcheck.findings import Location
from transcheck.links import LinkIndex
from transcheck.parse import parse_markdown
from transcheck.results import Report

BLOCK_RULES = ("TC107", "TC108", "TC109", "TC110", "TC111")
CHAPTER = "tpus.md"


def _where(location: Location, root: Path) -> str | None:
    """``en/tpus.md:12`` for a location under ``root``."""
    if location.path is None:
        return None
    relative = Path(location.path).resolve().relative_to(root.resolve()).as_posix()
    return f"{relative}:{location.line}" if location.line else relative


def rows(report: Report, root: Path) -> list[tuple[str, str | None, str | None]]:
    """(code, English place, Korean place) of each finding, sorted."""
    return sorted((f.code, _where(f.source, root), _where(f.target, root)) for f in report.findings)


def context(corpus: Path, name: str) -> PairContext:
    """What the rules see for one chapter pair (links to other chapters left unresolved)."""
    en, ko = corpus / "en" / name, corpus / "ko" / name
    source = parse_markdown(en.read_text(encoding="utf-8"), str(en))
    target = parse_markdown(ko.read_text(encoding="utf-8"), str(ko))
    return PairContext(
        source=source,
        target=target,
        alignment=align_sections(source, target),
        config=Config(),
        source_rel=name,
        target_rel=name,
        source_index=LinkIndex(None, {name: source}, lambda rel: None),
        target_index=LinkIndex(None, {name: target}, lambda rel: None),
        counterparts={name: name},
        sources={name: name},
    )


@pytest.fixture(scope="module")
def report(corpus: Path) -> Report:
    """The block rules over the whole corpus."""
    return check_paths(corpus / "en", corpus / "ko", Config(select=BLOCK_RULES))


def test_the_book_has_no_block_finding(report: Report, corpus: Path) -> None:
    """The only Korean-only block, the README's notice that the book was machine-translated
    and is under review ("…원본 문서를 한국어로 번역하였고, …"), is the translator's own."""
    assert rows(report, corpus) == []


def test_paragraphs_the_translator_split_pair_as_splits(corpus: Path) -> None:
    joined = []
    for name in ("inference.md", "profiling.md", "roofline.md"):
        ctx = context(corpus, name)
        joined += [
            (name, p.source.line, p.target.line)
            for section in section_blocks(ctx)
            for p in section.blocks
            if p.joined and p.source is not None and p.target is not None
        ]
    assert joined == [
        ("inference.md", 580, 583),
        ("profiling.md", 200, 202),
        ("roofline.md", 132, 134),
    ]


def test_block_length_outlier_has_no_false_alarm_on_the_complete_translation(
    report: Report, corpus: Path
) -> None:
    names = sorted(path.name for path in (corpus / "en").glob("*.md"))
    counts = {name: len(measured(context(corpus, name))) for name in names}
    # aligned paragraphs of 80 translated characters or more (English terms both sides keep,
    # such as `TPU` or `HBM`, are not counted)
    assert sum(counts.values()) == 787
    # README.md (4) and dropdown.md (0) have too few to learn a ratio from (min_paragraphs 8)
    assert sum(n for n in counts.values() if n >= 8) == 783
    assert Counter(f.code for f in report.findings)["TC111"] == 0


def _measured(ctx: PairContext, least: int) -> list[tuple[list[int], list[int], int, int]]:
    """The paragraphs measured from a length on: their blocks' lines, and their lengths."""
    return [
        ([b.line for b in m.english], [b.line for b in m.korean], *m.lengths)
        for m in measured(ctx, least)
    ]


@pytest.mark.parametrize("name", ["tpus.md", "inference.md", "conclusion.md"])
def test_paragraphs_measured_from_a_length_are_all_measured_ones_that_long(
    corpus: Path, name: str
) -> None:
    # each length is measured on its own (short groups are skipped before their words are
    # listed): the same as measuring every paragraph and keeping those that long
    every = _measured(context(corpus, name), 1)
    assert len(every) > 10
    for least in (2, 30, 80, 200):
        found = _measured(context(corpus, name), least)
        assert found == [m for m in every if m[2] >= least]
        assert len(found) < len(every) or least == 2


@pytest.mark.parametrize("name", ["tpus.md", "inference.md", "conclusion.md"])
@pytest.mark.parametrize("order", [(80, 30, 200, 1), (1, 30, 80, 200)])
def test_lengths_asked_of_one_pair_answer_as_each_asked_alone(
    corpus: Path, name: str, order: tuple[int, ...]
) -> None:
    # a pair measures each group once, whatever lengths are asked of it and in which order
    shared = context(corpus, name)
    for least in order:
        assert _measured(shared, least) == _measured(context(corpus, name), least)


@pytest.fixture
def root(tmp_path: Path, corpus: Path) -> Path:
    """A writable copy of both corpus trees."""
    for side in ("en", "ko"):
        shutil.copytree(corpus / side, tmp_path / side)
    return tmp_path


def edit(root: Path, side: str, change: Callable[[list[str]], list[str]]) -> None:
    """Rewrite one side's chapter through ``change`` (a function of its lines)."""
    path = root / side / CHAPTER
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


def chapter_rows(root: Path) -> list[tuple[str, str | None, str | None]]:
    """The block findings of the damaged chapter pair."""
    return rows(
        check_paths(root / "en" / CHAPTER, root / "ko" / CHAPTER, Config(select=BLOCK_RULES)), root
    )


def test_a_dropped_korean_paragraph_is_block_missing(root: Path) -> None:
    edit(root, "ko", lambda lines: lines[:162] + lines[164:])  # line 163 and its blank line
    assert chapter_rows(root) == [("TC107", "en/tpus.md:163", "ko/tpus.md:163")]


def test_a_dropped_korean_list_item_is_list_length_mismatch(root: Path) -> None:
    edit(root, "ko", lambda lines: lines[:159] + lines[160:])  # the item on line 160
    # at the dropped item, and in Korean where its translation goes (before the next item)
    assert chapter_rows(root) == [("TC109", "en/tpus.md:160", "ko/tpus.md:160")]


def test_a_row_added_to_a_korean_table_is_table_shape_mismatch(root: Path) -> None:
    row = "| TPU v7 | 16x16 | 4x2 | 192GB | 7.4e12 | 2.3e15 | 4.6e15 |"
    edit(root, "ko", lambda lines: [*lines[:193], row, *lines[193:]])  # after line 193
    # at the added row, and in English after the last row it would follow
    assert chapter_rows(root) == [("TC110", "en/tpus.md:193", "ko/tpus.md:194")]


def test_an_english_paragraph_doubled_after_translation_is_a_length_outlier(root: Path) -> None:
    def double(lines: list[str]) -> list[str]:
        return [*lines[:162], f"{lines[162]} {lines[162]}", *lines[163:]]

    edit(root, "en", double)
    assert chapter_rows(root) == [("TC111", "en/tpus.md:163", "ko/tpus.md:163")]
