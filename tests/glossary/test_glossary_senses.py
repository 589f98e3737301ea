"""Word sense and the forms real translators write: compounds before parts, idioms and context
words, derived Korean forms, glosses of phrases, names and identifiers that are not kept
English, `$KV$ cache` as prose, transliteration, and what the tree teaches (learned terms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.api import check_paths
from transcheck.checks.glossary import present
from transcheck.config import Config
from transcheck.glossary import Entry, Glossary, Matcher, load_glossaries, shipped_path
from transcheck.glossary.aligned import Piece, Unit, prose
from transcheck.glossary.korean import noun_stems
from transcheck.glossary.learn import learn
from transcheck.glossary.phrases import KoreanStems, lone_syllables
from transcheck.glossary.translit import transliterates
from transcheck.parse import parse_markdown

SHIPPED = Matcher(load_glossaries([shipped_path(), shipped_path("ko-ml")]))


def english(text: str) -> list[tuple[str, str]]:
    return [(o.entry.term, o.surface) for o in SHIPPED.english(text)]


def korean(text: str) -> list[tuple[str, str, str]]:
    return [(o.entry.term, o.kind.value, o.surface) for o in SHIPPED.korean(text)]


def test_compounds_win_over_their_parts_and_are_not_each_other() -> None:
    assert english("The KV cache is a cache.") == [("KV cache", "KV cache"), ("cache", "cache")]
    assert english("A matrix multiplication, or matmul.") == [
        ("matrix multiplication", "matrix multiplication"),
        ("matmul", "matmul"),
    ]


def test_idioms_and_context_words_choose_the_sense() -> None:
    found = english("Pay attention to the attention layer.")
    assert [t for t, _ in found if t == "attention"] == ["attention"]  # the second one only
    assert english("We pay close attention to it.") == []
    assert english("Register a hook in the app.") == [("hook", "hook")]
    assert ("register", "register") in english("Each VMEM register holds a vector.")


@pytest.mark.parametrize(
    ("text", "term", "surface"),
    [
        ("병렬화하는 방법", "parallelism", None),
        ("지연성이 큽니다", "latency", "지연성이"),
        ("캐시화된 값", "cache", "캐시화된"),
        ("샤딩하는지 봅니다", "sharding", "샤딩하는지"),
    ],
)
def test_derived_korean_forms(text: str, term: str, surface: str | None) -> None:
    found = [(t, s) for t, _, s in korean(text) if t == term]
    assert found == ([(term, surface)] if surface else [])


def test_a_gloss_of_a_phrase_is_not_english_kept() -> None:
    # 속성 renders both "property" and "attribute": which one is meant is read from the aligned
    # English (glossary.aligned); the English inside the gloss is not counted as kept
    assert korean("계산된 속성(computed property)을 씁니다") == [
        ("property", "korean", "속성"),
        ("attribute", "korean", "속성"),
    ]
    found = SHIPPED.korean("컴포넌트(component)가 있습니다")
    assert [(o.entry.term, o.kind.value, o.glossed) for o in found] == [
        ("component", "korean", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[@rollup/plugin-replace](x)를 씁니다",
        "[가이드 - Provide / Inject]를 보세요",
        "provide/inject 메커니즘",
        "provide + inject 예제",
        "Vue Single-File Component(SFC)는 형식입니다",
        "(Object 문법 사용 시)",
        "app.component()를 호출합니다",
        "[Node.js Readable 스트림]",
    ],
)
def test_names_and_identifiers_are_not_english_kept(text: str) -> None:
    assert [t for t in korean(text) if t[1] == "english"] == []


def test_a_capital_opening_a_sentence_is_a_kept_word() -> None:
    assert korean("간단합니다. Component를 만듭니다") == [("component", "english", "Component")]
    assert korean("**Component**는 조각입니다") == [("component", "english", "Component")]


def test_plain_name_math_reads_as_the_word_it_is() -> None:
    document = parse_markdown("The $KV$ cache and the `cache` API.\n", "x.md", "github", "auto")
    text = prose(document.sections[0].blocks[0])
    assert [t for t, _ in english(text)] == ["KV cache"]


@pytest.mark.parametrize(
    ("korean_text", "english_text", "same"),
    [
        ("샤딩", "sharding", True),
        ("컴포넌트", "component", True),
        ("파이프라이닝", "pipelining", True),
        ("레이턴시", "latency", True),
        ("추론", "inference", False),
        ("대역폭", "bandwidth", False),
    ],
)
def test_transliteration(korean_text: str, english_text: str, same: bool) -> None:
    assert transliterates(korean_text, english_text) is same


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("latency", "저지연 서빙이 목표입니다"),
        ("utilization", "하드웨어를 잘 활용하는 방법"),
        ("compute-bound", "계산 제한 영역에 있습니다"),
        ("tensor parallelism", "tensor 병렬성을 씁니다"),
        ("pipeline", "파이프라이닝을 합니다"),
        ("all-reduce", "AllReduce는 부분합을 제거합니다"),
        ("shard", "matmul을 어떻게 샤딩하는지에 따라"),
    ],
)
def test_glossary_missing_accepts_the_forms_translators_write(term: str, text: str) -> None:
    entry = SHIPPED.glossary.find(term)
    assert entry is not None
    assert present(SHIPPED.glossary, entry, text)


def test_present_still_fails_when_the_term_is_gone() -> None:
    entry = SHIPPED.glossary.find("inference")
    assert entry is not None
    assert not present(SHIPPED.glossary, entry, "이 단계는 메모리 대역폭에 묶입니다.")


def unit(english_text: str, korean_text: str) -> Unit:
    return Unit((Piece(english_text, 1),), (Piece(korean_text, 1),))


def split_units(kept: tuple[str, str], rendered: list[tuple[str, str]]) -> list[tuple[str, Unit]]:
    """Six units in three files that keep a term in English, and at least six in three others
    that render it (each rendered pair, in turn)."""
    units = [(f"k{n % 3}.md", unit(*kept)) for n in range(6)]
    more = range(max(6, len(rendered)))
    return units + [(f"r{n % 3}.md", unit(*rendered[n % len(rendered)])) for n in more]


def test_learning_pairs_a_kept_word_with_its_transliteration() -> None:
    units = []
    for number in range(6):
        units.append(
            (f"a{number % 3}.md", unit("The sharding splits arrays.", "샤딩은 배열을 나눕니다."))
        )
        units.append(
            (f"b{number % 3}.md", unit("Then sharding helps.", "sharding이 도움이 됩니다."))
        )
    learned = learn(units, Glossary())
    assert [(e.term, e.ko, e.advisory) for e in learned] == [("sharding", ("샤딩",), True)]
    # a term a glossary already has is left to the glossary
    known = Glossary(entries=(Entry("sharding", ko=("샤딩",)),))
    assert learn(units, known) == ()


def test_a_one_syllable_noun_is_a_stem_before_its_suffixes_and_particles() -> None:
    assert noun_stems("칩당") == ("칩당", "칩")  # -당 "per": the tree decides which is the noun
    assert noun_stems("칩에서") == ("칩에서", "칩")
    assert noun_stems("칩들은") == ("칩들", "칩")
    assert noun_stems("기반") == ("기반",)  # 반 is no tail
    assert noun_stems("축하") == ("축하",)  # a verb ending follows no one-syllable noun
    # the first syllable is a stem only where the text also writes it on its own
    alone = lone_syllables(["각 칩 간 통신", "TPU 칩 하나", "길이가 길어집니다"])
    assert alone == {"칩"}
    assert "칩" in KoreanStems(alone)("칩당 메모리")
    assert "칩" not in KoreanStems()("칩당 메모리")
    assert "길" not in KoreanStems(alone)("길이가 다릅니다")


def test_a_longer_noun_is_a_stem_where_its_end_only_looks_like_particles() -> None:
    # 파이프라인 parses as 파이프 + 라 + 인 (copula forms), 감시자 as 감시 + 자
    assert noun_stems("파이프라인을") == ("파이프", "파이프라인")
    assert noun_stems("감시자는") == ("감시", "감시자")
    assert noun_stems("능력을") == ("능력",)  # an inflected form is no longer stem
    assert noun_stems("기반으로") == ("기반",)
    assert noun_stems("발생시킬") == ("발생",)  # nor a verb form
    kept = ("The pipeline has stages.", "pipeline에는 스테이지가 있습니다.")
    rendered = [
        ("A deep pipeline.", "깊은 파이프라인입니다."),
        ("The pipeline bubble.", "파이프라인 버블입니다."),
        ("Fill the pipeline.", "파이프라인을 채웁니다."),
        ("Stages of the pipeline.", "파이프라인의 스테이지입니다."),
    ]
    learned = learn(split_units(kept, rendered), Glossary())
    assert [(e.term, e.ko) for e in learned] == [("pipeline", ("파이프라인",))]


def test_learning_names_a_one_syllable_rendering_not_the_word_it_heads() -> None:
    # the book: "chip" kept in some units, else 칩 bare, 칩당 (per chip), 칩의, 칩에서
    kept = ("Each chip has HBM.", "chip마다 HBM이 있습니다.")
    rendered = [
        ("FLOPs per chip.", "칩당 FLOPs입니다."),
        ("The chip count.", "칩 수입니다."),
        ("Memory of one chip.", "한 칩의 메모리입니다."),
        ("Bytes per chip.", "칩당 바이트입니다."),
        ("Bandwidth per chip.", "칩당 대역폭입니다."),
        ("On a chip.", "칩에서 실행합니다."),
        ("Two chips talk.", "두 칩 간 통신입니다."),
    ]
    learned = learn(split_units(kept, rendered), Glossary())
    assert [(e.term, e.ko) for e in learned] == [("chip", ("칩",))]
    # 길이 (length) starts with 길 but the text never writes 길 alone: no one-syllable rendering
    kept = ("The length matters.", "length가 중요합니다.")
    rendered = [
        ("Sequence length.", "시퀀스 길이입니다."),
        ("The length grows.", "길이가 늘어납니다."),
    ]
    assert all(e.ko != ("길",) for e in learn(split_units(kept, rendered), Glossary()))


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_mined_glossary_becomes_the_project_glossary(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.yaml"
    glossary.write_text("terms:\n  - term: inference\n    ko: [추론]\n", encoding="utf-8")
    write(tmp_path, {"en/a.md": "# A\n\nInference is fast.\n", "ko/a.md": "# A\n\n빠릅니다.\n"})
    config = Config(options={"glossary": {"files": [str(glossary)]}})
    found = check_paths(tmp_path / "en", tmp_path / "ko", config).findings
    assert [(f.code, f.source.line, f.target.line) for f in found if f.code == "TC301"] == [
        ("TC301", 3, 3)
    ]
