"""The pieces the content rules stand on: block alignment inside sections, math normalization,
what counts as prose to translate, and each file's translated share."""

from __future__ import annotations

from pathlib import Path

from transcheck import Config
from transcheck.align import align_sections
from transcheck.align.blocks import align_blocks
from transcheck.checks.drift import sentences
from transcheck.checks.mathematics import normalize_math
from transcheck.checks.registry import PairContext
from transcheck.checks.untranslated import is_prose, prose_words, translated_share
from transcheck.links import LinkIndex
from transcheck.parse import parse_markdown

EN = """## Sharding

Sharding splits an array of 16 GB across 4 devices.

$$T = 2BD / W$$

Each device holds one shard of the array, see `x.sharding`.

The end of the section comes here.
"""

KO = """## 샤딩

샤딩은 16GB 배열을 4개 장치에 나눕니다.

각 장치는 배열의 샤드 하나를 가집니다. `x.sharding`을 보세요.

$$T = 2BD / W$$

The end of the section comes here.
"""


def context(en: str, ko: str) -> PairContext:
    source, target = parse_markdown(en, "en.md"), parse_markdown(ko, "ko.md")
    config = Config()
    return PairContext(
        source=source,
        target=target,
        alignment=align_sections(source, target),
        config=config,
        source_rel="en.md",
        target_rel="ko.md",
        source_index=LinkIndex(None, {"en.md": source}, lambda rel: None),
        target_index=LinkIndex(None, {"ko.md": target}, lambda rel: None),
        counterparts={"en.md": "ko.md"},
        sources={"ko.md": "en.md"},
    )


def test_blocks_pair_by_shared_content_and_leave_a_gap_for_a_dropped_paragraph() -> None:
    en = "## A\n\nIt has 16 chips.\n\nIt has 32 links.\n\nIt has 64 cores.\n\n- one item\n"
    ko = "## 가\n\n칩이 16개입니다.\n\n코어가 64개입니다.\n\n- 항목 하나\n"
    source, target = parse_markdown(en, "en.md"), parse_markdown(ko, "ko.md")
    pairs = align_blocks(source.sections[1], target.sections[1])
    assert [
        (p.source.line if p.source else None, p.target.line if p.target else None) for p in pairs
    ] == [(1, 1), (3, 3), (5, None), (7, 5), (9, 7)]


def test_swapped_blocks_pair_out_of_order_at_the_english_place() -> None:
    # The formula and the paragraph after it were swapped in Korean: both still pair (the
    # formula out of order), so no block is missing on either side.
    en, ko = parse_markdown(EN, "en.md"), parse_markdown(KO, "ko.md")
    pairs = align_blocks(en.sections[1], ko.sections[1])
    lines = [
        (p.source.line if p.source else None, p.target.line if p.target else None) for p in pairs
    ]
    assert lines == [(1, 1), (3, 3), (5, 7), (7, 5), (9, 9)]


def test_normalize_math_blanks_prose_commands_and_space() -> None:
    assert normalize_math(r"\text{Strategy} & 2 \cdot W") == normalize_math(r"\text{전략}&2\cdot W")
    assert normalize_math(r"T_\mathrm{comms {x}} = 1") == normalize_math(r"T_\mathrm{통신} = 1")
    assert normalize_math(r"T = 4.5e10") != normalize_math(r"T = 4.6e10")
    assert normalize_math(r"\frac{a}{b}") == r"\frac{a}{b}"


def test_prose_words_skip_acronyms_identifiers_and_formulas() -> None:
    assert prose_words("SIMD vector arithmetic unit") == ["vector", "arithmetic", "unit"]
    assert prose_words("Out[B, D] = AllGather(d_model) GPUs") == []
    assert prose_words("Fully-Sharded Data (FSDP):") == ["Fully-Sharded", "Data"]
    assert is_prose("High bandwidth memory", 3)
    assert not is_prose("d_model * d_ff * 3 (for gelu + out-projection) * n_layers", 3)
    assert not is_prose("Trace Viewer", 3)


def test_translated_share_counts_paragraphs_with_words_to_translate() -> None:
    # the swapped paragraph counts as translated; the last one is still English
    assert translated_share(context(EN, KO)) == 2 / 3
    assert translated_share(context(EN, KO.replace("The end of the section", "이 절의 끝이"))) == 1
    assert translated_share(context("$$x$$\n", "$$x$$\n")) is None


def test_translated_share_counts_a_section_with_no_korean_as_untranslated() -> None:
    en = EN + "\n## Appendix\n\nThis appendix has more words to translate.\n"
    ko = KO.replace("The end of the section comes here.", "이 절의 끝입니다.")
    assert translated_share(context(en, ko)) == 3 / 4


def test_every_content_rule_has_a_case_file() -> None:
    cases = Path(__file__).parent / "cases"
    content = {"TC401", "TC402", "TC501", "TC502", "TC503", "TC504", "TC601", "TC602", "TC603"}
    assert content | {"TC604", "TC701"} <= {path.stem for path in cases.glob("*.yml")}


def test_korean_sentences_joined_without_a_space_are_still_sentences() -> None:
    """Lines a pipeline joined without a space ("전환합니다.이 옵션은") end a sentence at the
    mark between two syllables; a version number or an abbreviation ends none."""
    assert sentences("전환합니다.이 옵션은 있습니다.디폴트 단축키: 끝. Use v1.2.3, e.g. this.") == [
        "전환합니다.",
        "이 옵션은 있습니다.",
        "디폴트 단축키: 끝.",
        "Use v1.2.3, e.g. this.",
    ]
