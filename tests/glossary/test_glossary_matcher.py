"""The matcher on real Korean: particles and endings, English kept, glosses, no match inside
longer words, plurals and multi-word terms; and nothing inside code, URLs, math or tags."""

from __future__ import annotations

import pytest

from transcheck.glossary import Entry, Glossary, Kind, Matcher, scan_document
from transcheck.parse import parse_markdown

GLOSSARY = Glossary(
    entries=(
        Entry("inference", ko=("추론",)),
        Entry("sharding", forms=("sharded",), ko=("샤딩",), forbidden=("쉐어딩",)),
        Entry("kernel", ko=("커널",)),
        Entry("latency", ko=("지연 시간", "지연")),
        Entry("axis", forms=("axes",), ko=("축",)),
        Entry("model", ko=("모델",)),
        Entry("data parallelism", ko=("데이터 병렬화",)),
        Entry("all-reduce", ko=("올리듀스",)),
        Entry("topology", ko=("토폴로지",)),
        Entry("JAX", case_sensitive=True),
        Entry("flops", pattern=r"FLOPs?(?:/s)?", case_sensitive=True),
    )
)
MATCHER = Matcher(GLOSSARY)


def korean(text: str) -> list[tuple[str, str, str, str]]:
    """(term, kind, rendering, surface) of each occurrence in Korean text."""
    return [(o.entry.term, o.kind.value, o.rendering, o.surface) for o in MATCHER.korean(text)]


def english(text: str) -> list[tuple[str, str]]:
    return [(o.entry.term, o.surface) for o in MATCHER.english(text)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("추론을 합니다", "추론을"),
        ("추론은 빠릅니다", "추론은"),
        ("추론에서는 다릅니다", "추론에서는"),
        ("샤딩된 배열", "샤딩된"),
        ("샤딩하는지 봅니다", "샤딩하는지"),
        ("샤딩되지 않은", "샤딩되지"),
        ("커널들의 목록", "커널들의"),
        ("커널입니다.", "커널입니다"),
        ("축의 크기", "축의"),
        ("축당 두 개", "축당"),
    ],
)
def test_korean_renderings_match_with_particles_and_endings(text: str, surface: str) -> None:
    found = korean(text)
    assert len(found) == 1
    assert found[0][1] == "korean"
    assert found[0][3] == surface


@pytest.mark.parametrize(
    "text", ["모델링을 합니다", "축하합니다", "축소를 합니다", "추론적인", "메모델"]
)
def test_no_match_inside_an_unrelated_longer_word(text: str) -> None:
    assert korean(text) == []


def test_a_rendering_after_latin_letters_starts_a_word() -> None:
    assert korean("TPU추론을") == [("inference", "korean", "추론", "추론을")]


def test_english_kept_in_korean_text_with_particles() -> None:
    found = korean("sharding을 쓰고 kernel이 sharded된 배열을 받습니다")
    assert found == [
        ("sharding", "english", "sharding", "sharding"),
        ("kernel", "english", "kernel", "kernel"),
        ("sharding", "english", "sharding", "sharded"),
    ]


def test_korean_gloss_counts_as_the_korean_rendering() -> None:
    occurrences = MATCHER.korean("추론(inference)은 빠르고, inference (추론)도 그렇습니다")
    assert [(o.kind, o.surface, o.glossed) for o in occurrences] == [
        (Kind.KOREAN, "추론", True),
        (Kind.KOREAN, "추론", False),
    ]


def test_optional_space_in_multiword_renderings_and_longest_wins() -> None:
    assert korean("지연시간이 지연 시간과 지연되는") == [
        ("latency", "korean", "지연 시간", "지연시간이"),
        ("latency", "korean", "지연 시간", "지연 시간과"),
        ("latency", "korean", "지연", "지연되는"),
    ]


def test_forbidden_rendering_is_its_own_kind() -> None:
    assert korean("쉐어딩된 배열") == [("sharding", "forbidden", "쉐어딩", "쉐어딩된")]


def test_english_whole_words_plurals_case_and_separators() -> None:
    text = (
        "Inference of Topologies: the kernels use all-reduces, AllReduce and allreduce; "
        "Data-Parallelism shards, resharding, shard_map, kernelized."
    )
    assert english(text) == [
        ("inference", "Inference"),
        ("topology", "Topologies"),
        ("kernel", "kernels"),
        ("all-reduce", "all-reduces"),
        ("all-reduce", "AllReduce"),
        ("all-reduce", "allreduce"),
        ("data parallelism", "Data-Parallelism"),
    ]


def test_case_sensitive_entries_and_patterns() -> None:
    assert english("JAX and jax reach 10 FLOPs/s, not flops") == [
        ("JAX", "JAX"),
        ("flops", "FLOPs/s"),
    ]


def test_irregular_plurals_are_forms() -> None:
    assert english("both axes and one axis") == [("axis", "axes"), ("axis", "axis")]


def test_nothing_inside_code_urls_math_or_tags() -> None:
    text = "\n".join(
        [
            "# 추론",
            "",
            '`추론을` 과 $\\text{추론}$ 과 https://example.com/sharding 과 <a title="추론">x</a>.',
            "",
            "```python",
            "sharding = 추론",
            "```",
            "",
            "$$",
            "추론",
            "$$",
            "",
            "마지막 추론을 봅니다.",
        ]
    )
    terms = scan_document(parse_markdown(text, "ko.md"), MATCHER, korean=True)
    assert [(m.line, m.occurrence.surface) for m in terms.mentions] == [(1, "추론"), (13, "추론을")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SHARDING and kernels", [("sharding", "SHARDING", 0), ("kernel", "kernels", 13)]),
        ("\u017fharding is", [("sharding", "\u017fharding", 0)]),  # long s folds to s
        ("\u212aernel", [("kernel", "\u212aernel", 0)]),  # the Kelvin sign lower-cases to k
        ("shard\u0131ng is", []),  # a dotless i is no i
        ("\u0130 sharding", [("sharding", "sharding", 2)]),  # lower-cased, İ is two characters
        ("SHARD\u0130NG x", []),
    ],
)
def test_english_case_folding_as_ignorecase(text: str, found: list[tuple[str, str, int]]) -> None:
    """English forms are matched in lower-cased text where that folds as IGNORECASE does, and
    with IGNORECASE where a character folds otherwise: the same matches at the same offsets."""
    assert [(o.entry.term, o.surface, o.start) for o in MATCHER.english(text)] == found
    assert [(o.entry.term, o.surface, o.start) for o in MATCHER.korean(text)] == found
