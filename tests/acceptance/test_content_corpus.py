"""The content rules (TC4xx-TC7xx) on the real corpus, and mutations of one of its chapter pairs.

Every pinned finding below was read by hand against both files. The corpus is a complete
translation: translated code comments and ``\\text{}`` table headers are normal, and the few
findings are true ones (a ``$$`` formula written ``$…$`` in Korean, formulas turned into plain
text, an English toc entry that names no heading, table cells and headings kept in English).
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from transcheck import Config, check_paths
from transcheck.api import Report

CONTENT = ("TC401", "TC402", "TC501", "TC502", "TC503", "TC504")
CONTENT += ("TC505", "TC506", "TC601", "TC602", "TC603", "TC604", "TC607", "TC606", "TC701")

Found = tuple[str, str, int | None, int | None]


def found(report: Report) -> list[Found]:
    """(code, chapter file name, English line, Korean line) of every finding."""
    return [
        (
            f.code,
            Path(f.source.path or f.target.path or "").name,
            f.source.line,
            f.target.line,
        )
        for f in report.findings
    ]


@pytest.fixture(scope="module")
def corpus_findings(corpus: Path) -> list[Found]:
    return found(check_paths(corpus / "en", corpus / "ko", Config(select=CONTENT)))


def of(findings: list[Found], code: str) -> list[Found]:
    return [f for f in findings if f[0] == code]


def test_math_delimiter_at_tpus_296_and_the_two_other_lost_dollars(
    corpus_findings: list[Found],
) -> None:
    # ko/tpus.md:296 wrote $$2 \cdot 8 … = 2.7e11$$ as $…$; line 258 did the same to $$D$$, $$F$$.
    # en/tpus.md writes $…$ math itself, so the site renders both: style, not a broken formula.
    assert of(corpus_findings, "TC602") == []
    assert of(corpus_findings, "TC607") == [
        ("TC607", "tpus.md", 258, 258),
        ("TC607", "tpus.md", 258, 258),
        ("TC607", "tpus.md", 296, 296),
    ]


def test_translated_code_comments_give_no_code_finding(corpus_findings: list[Found]) -> None:
    # jax-stuff.md, profiling.md, sharding.md and training.md translate Python comments
    codes = Counter(f[0] for f in corpus_findings)
    assert codes["TC501"] == codes["TC502"] == codes["TC503"] == 0


def test_math_changed_only_where_the_korean_really_differs(corpus_findings: list[Found]) -> None:
    # training.md's \text{} tables (lines 583, 596) are translated and give nothing; what remains:
    changed = [f for f in of(corpus_findings, "TC601") if f[1:3] != ("inference.md", 635)]
    assert changed == [
        ("TC601", "inference.md", 179, 179),  # $KV$ cache -> "KV cache" in plain text
        ("TC601", "roofline.md", 175, 176),  # "along the $D$ dimension" -> "D 차원"
        ("TC601", "training.md", 550, 550),  # $\approx 2400$ -> "약 2400"
    ]
    # the Korean fixed the English typo: tile sizes $bm$, $bk$, $bm$ -> bn, in both formulas
    assert of(corpus_findings, "TC606") == [
        ("TC606", "roofline.md", 169, 170),
        ("TC606", "roofline.md", 169, 170),
    ]


def test_no_math_changed_in_the_inference_takeaway(corpus_findings: list[Found]) -> None:
    assert [f for f in of(corpus_findings, "TC601") if f[1:3] == ("inference.md", 635)] == []


def test_toc_mismatch_is_the_english_profiling_toc(corpus_findings: list[Found]) -> None:
    # en/profiling.md's toc names "The TensorBoard Profiler: …" but the heading at line 121 says
    # "The JAX Profiler: …"; the Korean renamed its heading to match its toc, so it has none.
    assert of(corpus_findings, "TC402") == [
        ("TC402", "profiling.md", 51, None),
        ("TC402", "profiling.md", 121, None),
    ]


def test_other_content_rules_on_the_corpus(corpus_findings: list[Found]) -> None:
    assert of(corpus_findings, "TC504") == [("TC504", "jax-stuff.md", 123, 123)]  # (....) -> (...)
    codes = Counter(f[0] for f in corpus_findings)
    assert codes["TC401"] == codes["TC603"] == codes["TC604"] == 0


def test_untranslated_is_near_zero(corpus: Path, corpus_findings: list[Found]) -> None:
    # 28 units still English: 6 headings (allowed by untranslated.allow_headings), 21 table
    # rows of English spec-table cells, 1 list item. Headings that are terms the Korean keeps in
    # English inside its own sentences ("Data Parallelism", "Prefill", "Trace Viewer", and with
    # its abbreviation, as a heading or a label, "Fully-Sharded Data Parallelism (FSDP):") are
    # names, not untranslated; a term written without its article ("L: running denominator")
    # too; a link text naming an outside resource ("NVIDIA deep learning performance") too; and
    # the book's title "How To Scale Your Model" (README.md's heading, cited by its code;
    # index.md's title, above a translated subtitle).
    untranslated = of(corpus_findings, "TC701")
    assert len(untranslated) == 28
    assert not [f for f in untranslated if f[1] in ("README.md", "index.md")]
    assert [f for f in untranslated if f[1] == "tpus.md"] == [
        ("TC701", "tpus.md", 135, 135),  # ## TPU Networking
        ("TC701", "tpus.md", 314, 314),  # table cell 'SMEM (often used as an L1 cache)'
        ("TC701", "tpus.md", 315, 315),  # table cell 'Warp scheduler (a set of SIMD CUDA cores)'
    ]
    config = Config(select=("TC701",), options={"untranslated": {"allow_headings": True}})
    assert len(check_paths(corpus / "en", corpus / "ko", config).findings) == 22
    report = check_paths(corpus / "en", corpus / "ko", Config(select=("TC701",)))
    shares = {Path(path).name: share for path, share in report.summary()["translated"].items()}
    assert len(shares) == 14  # dropdown.md has no paragraph
    assert shares["index.md"] == 1.0
    assert min(shares.values()) == shares["transformers.md"] >= 0.985


# --- mutations of sharding.md ---------------------------------------------------------------


@pytest.fixture
def chapter(corpus: Path, tmp_path: Path) -> Path:
    """A temp copy of the sharding.md pair: tmp/en/sharding.md and tmp/ko/sharding.md."""
    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
        shutil.copyfile(corpus / side / "sharding.md", tmp_path / side / "sharding.md")
    return tmp_path


def mutate(root: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on one line of the Korean copy (which must contain it)."""
    path = root / "ko" / "sharding.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def new_findings(root: Path, change: tuple[int, str, str]) -> list[tuple[Found, str]]:
    """Content findings the change adds, with their messages."""

    def run() -> list[tuple[Found, str]]:
        report = check_paths(root / "en", root / "ko", Config(select=CONTENT))
        return list(zip(found(report), (f.message for f in report.findings), strict=True))

    before = run()
    mutate(root, *change)
    after = run()
    return [item for item in after if item not in before]


def test_mutation_digit_in_display_math(chapter: Path) -> None:
    added = new_findings(chapter, (315, r"\frac{2 \cdot V", r"\frac{3 \cdot V"))
    assert [f for f, _ in added] == [("TC601", "sharding.md", 315, 315)]
    assert r"\frac{3 \cdot V" in added[0][1]


def test_mutation_code_line(chapter: Path) -> None:
    added = new_findings(chapter, (160, "axis_shapes=(4, 2)", "axis_shapes=(4, 4)"))
    assert [f for f, _ in added] == [("TC501", "sharding.md", 160, 160)]
    assert "axis_shapes=(4, 4)" in added[0][1]


def test_mutation_number_in_paragraph(chapter: Path) -> None:
    added = new_findings(chapter, (609, "4배 낮다고", "8배 낮다고"))
    assert [f for f, _ in added] == [("TC603", "sharding.md", 608, 609)]
    assert "number 4 of the English paragraph" in added[0][1]
    assert "the Korean has 8 instead" in added[0][1]


def test_mutation_korean_paragraph_replaced_by_the_english(chapter: Path, corpus: Path) -> None:
    english = (corpus / "en" / "sharding.md").read_text(encoding="utf-8").split("\n")[607]
    korean = (corpus / "ko" / "sharding.md").read_text(encoding="utf-8").split("\n")[608]
    added = new_findings(chapter, (609, korean, english))
    assert [f for f, _ in added] == [("TC701", "sharding.md", 608, 609)]
    assert "'Question 10: Fun with AllToAll:" in added[0][1]


def test_mutation_section_number(chapter: Path) -> None:
    added = new_findings(chapter, (11, "section_number: 3", "section_number: 4"))
    assert [f for f, _ in added] == [("TC401", "sharding.md", 11, 11)]
    assert "English 3, Korean 4" in added[0][1]
