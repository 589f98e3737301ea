"""Section alignment: missing, extra, moved and re-levelled sections, headings kept in English,
explicit ids, the preamble, and what the confidence values say."""

from __future__ import annotations

import math
import random
from collections import Counter
from pathlib import Path

import pytest
from align_sample import EN, KO, ORDER, compose, line_of

from transcheck.align import Alignment, align_sections
from transcheck.align.blockscore import markup_tokens
from transcheck.align.features import (
    Scorer,
    _code_tokens,
    _with_subsections,
    features,
    no_shared_words,
    section_tokens,
    title_evidence,
)
from transcheck.align.sections import (
    ANCHOR,
    POSITION,
    Costs,
    _evidence,
    _fill_gaps,
    _monotone,
    _vouched,
)
from transcheck.api import check_pair
from transcheck.config import Config
from transcheck.model import BlockKind, Section
from transcheck.parse import parse_markdown

STRUCTURE = Config(select=("TC101", "TC102", "TC103", "TC104"))


def align(en: str, ko: str) -> Alignment:
    """Parse both texts and align them, as the pipeline does."""
    return align_sections(parse_markdown(en, "en.md"), parse_markdown(ko, "ko.md"))


def rows(alignment: Alignment) -> list[tuple[int | None, int | None, bool]]:
    """The alignment as (English line, Korean line, moved) in reading order, preamble excluded."""
    return [
        (
            p.source.line if p.source else None,
            p.target.line if p.target else None,
            p.moved,
        )
        for p in alignment.pairs
        if not (p.source and p.source.is_preamble) and not (p.target and p.target.is_preamble)
    ]


def structure(en: str, ko: str) -> list[tuple[str, int | None, int | None]]:
    """The structure findings as (code, English line, Korean line)."""
    return [(f.code, f.source.line, f.target.line) for f in check_pair(en, ko, STRUCTURE)]


def heading(text: str) -> str:
    """The heading line of one section text."""
    return text.splitlines()[0]


def title(text: str) -> str:
    """The heading text of one section text, without its ``#`` marks."""
    return heading(text).lstrip("#").strip()


def titles(alignment: Alignment) -> set[tuple[str, str]]:
    """The matched pairs as (English title, Korean title), preamble excluded."""
    return {
        (p.source.title, p.target.title)
        for p in alignment.matched
        if p.source is not None and p.target is not None and not p.source.is_preamble
    }


def test_complete_translation_pairs_every_section_in_order() -> None:
    en, ko = compose([EN[k] for k in ORDER]), compose([KO[k] for k in ORDER])
    alignment = align(en, ko)
    expected = [(line_of(en, heading(EN[k])), line_of(ko, heading(KO[k])), False) for k in ORDER]
    assert rows(alignment) == expected
    assert structure(en, ko) == []


def test_missing_section_is_unpaired_and_reported_before_the_next_korean_heading() -> None:
    kept = [k for k in ORDER if k != "comm"]
    en, ko = compose([EN[k] for k in ORDER]), compose([KO[k] for k in kept])
    table = rows(align(en, ko))
    assert (line_of(en, "## Communication Costs"), None, False) in table
    assert sum(1 for row in table if None not in row[:2]) == len(kept)
    assert structure(en, ko) == [
        ("TC101", line_of(en, "## Communication Costs"), line_of(ko, "## 메모리"))
    ]


def test_missing_last_section_points_at_the_end_of_the_korean_file() -> None:
    en, ko = compose([EN[k] for k in ORDER]), compose([KO[k] for k in ORDER[:-1]])
    assert structure(en, ko) == [("TC101", line_of(en, "## Conclusion"), len(ko.splitlines()))]


def test_extra_section_is_unpaired_and_reported() -> None:
    note = "## 배포 팁\n\n이 절은 번역자가 덧붙인 설명이며 원문에는 없습니다.\n"
    parts = [KO[k] for k in ORDER]
    parts.insert(4, note)
    en, ko = compose([EN[k] for k in ORDER]), compose(parts)
    table = rows(align(en, ko))
    assert (None, line_of(ko, "## 배포 팁"), False) in table
    # the English line is where the section stands in English terms: before "## Memory"
    assert structure(en, ko) == [("TC102", line_of(en, "## Memory"), line_of(ko, "## 배포 팁"))]
    titled = compose([*parts[:4], note.replace("배포 팁", "역자 주"), *parts[5:]])
    assert structure(en, titled) == []  # a section titled as a translator's note is theirs


def swapped(first: str, second: str) -> tuple[str, str]:
    """The English chapter and its Korean translation with two sections swapped."""
    order = list(ORDER)
    a, b = order.index(first), order.index(second)
    order[a], order[b] = order[b], order[a]
    return compose([EN[k] for k in ORDER]), compose([KO[k] for k in order])


def pair_lines(en: str, ko: str, key: str) -> tuple[int, int]:
    """The heading lines of section ``key`` in both texts."""
    return line_of(en, heading(EN[key])), line_of(ko, heading(KO[key]))


def test_adjacent_swap_is_one_moved_section_not_missing_and_extra() -> None:
    en, ko = swapped("sharding", "comm")
    assert titles(align(en, ko)) == {(title(EN[k]), title(KO[k])) for k in ORDER}
    findings = structure(en, ko)
    assert [code for code, _, _ in findings] == ["TC104"]
    # moving either one of the two restores the order; the aligner keeps one and moves the other
    assert findings[0][1:] in {pair_lines(en, ko, "sharding"), pair_lines(en, ko, "comm")}


def test_distant_swap_moves_both_sections_and_keeps_the_ones_between() -> None:
    en, ko = swapped("tpu", "memory")
    assert titles(align(en, ko)) == {(title(EN[k]), title(KO[k])) for k in ORDER}
    assert structure(en, ko) == sorted(
        [("TC104", *pair_lines(en, ko, "memory")), ("TC104", *pair_lines(en, ko, "tpu"))],
        key=lambda finding: finding[2],
    )


def test_level_change_keeps_the_pair_and_is_reported() -> None:
    parts = [KO[k] for k in ORDER]
    parts[ORDER.index("memory")] = KO["memory"].replace("## 메모리", "### 메모리")
    en, ko = compose([EN[k] for k in ORDER]), compose(parts)
    assert titles(align(en, ko)) == {(title(EN[k]), title(KO[k])) for k in ORDER}
    assert structure(en, ko) == [("TC103", line_of(en, "## Memory"), line_of(ko, "### 메모리"))]


def test_a_section_in_another_place_and_level_whose_content_shares_nothing_is_not_paired() -> None:
    """Position pairs what is left in a gap: not a Korean section of another level whose content
    shares nothing with the English one, which the English lost while it gained its own."""
    en = """# Guide

## Setup

Install the [runner](https://example.com/runner) first and read its [notes](https://example.com/notes).

### Configuration

The loader reads `tsconfig.json` from the [root](https://example.com/root), version **5.7**.
"""
    ko = """# 안내

## 설치

먼저 [러너](https://example.com/runner)를 설치하고 [참고](https://example.com/notes)를 읽으세요.

## 감사의 말

이 기능을 만들어 준 모든 기여자에게 감사드리며, 곧 안정 버전에서 만나기를 기대합니다.
"""
    assert titles(align(en, ko)) == {("Guide", "안내"), ("Setup", "설치")}
    assert structure(en, ko) == [
        ("TC102", line_of(en, "### Configuration"), line_of(ko, "## 감사의 말")),
        ("TC101", line_of(en, "### Configuration"), ko.count("\n")),  # at the end of the file
    ]


PROSE_EN = """# Serving

## Prefill

Prefill reads the whole prompt at once and fills the cache for every layer of the model.

## Decode

Decode produces one token at a time, reading the cache again for every new token.

## Batching

Batching many requests together keeps the chips busy while each request waits its turn.
"""


def test_headings_kept_in_english_resolve_a_missing_section_among_prose_only_sections() -> None:
    ko = """# 서빙

## Prefill 단계

Prefill은 프롬프트 전체를 한 번에 읽고 모델의 모든 레이어에 대해 캐시를 채웁니다.

## Batching

여러 요청을 함께 묶으면 각 요청이 차례를 기다리는 동안에도 칩이 계속 바쁘게 일합니다.
"""
    assert titles(align(PROSE_EN, ko)) == {
        ("Serving", "서빙"),
        ("Prefill", "Prefill 단계"),
        ("Batching", "Batching"),
    }
    assert structure(PROSE_EN, ko) == [
        ("TC101", line_of(PROSE_EN, "## Decode"), line_of(ko, "## Batching"))
    ]


def test_translated_prose_only_sections_pair_by_position_with_middling_confidence() -> None:
    ko = """# 서빙

## 프리필

프리필은 프롬프트 전체를 한 번에 읽고 모델의 모든 레이어에 대해 캐시를 채웁니다.

## 디코드

디코드는 한 번에 토큰 하나를 만들고, 새 토큰마다 캐시를 다시 읽습니다.

## 배칭

여러 요청을 함께 묶으면 각 요청이 차례를 기다리는 동안에도 칩이 계속 바쁘게 일합니다.
"""
    alignment = align(PROSE_EN, ko)
    assert titles(alignment) == {
        ("Serving", "서빙"),
        ("Prefill", "프리필"),
        ("Decode", "디코드"),
        ("Batching", "배칭"),
    }
    # nothing but position and shape vouches for these pairs: neither sure nor doubtful
    for pair in alignment.matched[1:]:
        assert 0.5 < pair.score < 0.8


def test_explicit_ids_pair_sections_outright_even_out_of_order() -> None:
    en = """# Guide

## Setup {#setup}

Install the package.

## Usage {#usage}

Run the command.
"""
    ko = """# 안내

## 사용법 {#usage}

명령을 실행합니다.

## 설치 {#setup}

패키지를 설치합니다.
"""
    alignment = align(en, ko)
    assert titles(alignment) == {("Guide", "안내"), ("Setup", "설치"), ("Usage", "사용법")}
    assert {p.target.title: p.score for p in alignment.matched if p.target} == {
        "": 1.0,
        "안내": pytest.approx(alignment.matched[1].score),
        "사용법": 1.0,
        "설치": 1.0,
    }
    findings = structure(en, ko)
    assert len(findings) == 1
    assert findings[0] in {("TC104", 3, 7), ("TC104", 7, 3)}


def test_korean_explicit_id_keeping_the_english_slug_pairs_with_that_heading() -> None:
    en = "# Guide\n\n## Setup\n\nInstall it.\n\n## Usage\n\nRun it.\n"
    ko = "# 안내\n\n## 사용법 {#usage}\n\n실행합니다.\n\n## 설치 {#setup}\n\n설치합니다.\n"
    pairs = {(p.source.line, p.target.line, p.moved) for p in align(en, ko).matched if p.source}
    assert {(3, 7), (7, 3)} <= {(s, k) for s, k, _ in pairs}


def test_preamble_pairs_with_preamble_and_never_counts_as_missing() -> None:
    en = "---\ntitle: A\n---\n\nIntro before any heading.\n\n## First\n\nBody with 42 items.\n"
    ko = "---\ntitle: 가\n---\n## 첫째\n\n42개 항목이 있는 본문.\n"
    alignment = align(en, ko)
    first = alignment.pairs[0]
    assert first.source is not None and first.target is not None
    assert (first.source.is_preamble, first.target.is_preamble, first.score) == (True, True, 1.0)
    assert (first.source.line, first.target.line) == (4, 4)
    assert titles(alignment) == {("First", "첫째")}
    assert structure(en, ko) == []


def test_confidence_is_high_for_shared_content_and_zero_for_unpaired_sections() -> None:
    kept = [k for k in ORDER if k != "roofline"]
    en, ko = compose([EN[k] for k in ORDER]), compose([KO[k] for k in kept])
    alignment = align(en, ko)
    scores = {p.source.title: p.score for p in alignment.pairs if p.source and p.source.level}
    assert scores["Roofline Analysis"] == 0.0
    for key in ("tpu", "sharding", "comm", "memory"):
        assert scores[title(EN[key])] >= 0.8, key
    assert all(0.0 <= p.score <= 1.0 for p in alignment.pairs)


def test_link_rewrite_lets_renamed_chapter_links_vouch_for_a_pair() -> None:
    en = "# T\n\n## A\n\nSee [next](../training).\n\n## B\n\nSee [more](../inference).\n"
    ko = (
        "# 티\n\n## 가\n\n[다음](../training-kr)을 보세요.\n\n"
        "## 나\n\n[더](../inference-kr)를 보세요.\n"
    )
    source, target = parse_markdown(en, "en.md"), parse_markdown(ko, "ko.md")
    plain = align_sections(source, target)
    rewritten = align_sections(source, target, lambda url: url + "-kr")
    for before, after in zip(plain.matched[2:], rewritten.matched[2:], strict=True):
        assert after.score > before.score


def test_hundreds_of_sections_align_one_to_one_with_a_dropped_and_a_moved_section() -> None:
    english = [
        f"## Part {n}\n\nPart {n} covers `op_{n}` and [ref](https://e.org/{n}).\n"
        for n in range(200)
    ]
    korean = {
        n: f"## {n}부\n\n{n}부는 `op_{n}`과 [참고](https://e.org/{n})를 다룹니다.\n"
        for n in range(200)
    }
    order = [n for n in range(200) if n not in (50, 150)]  # "Part 50" is not translated …
    order.insert(order.index(10), 150)  # … and "Part 150" stands before "Part 10"
    en = compose(["# Book\n", *english])
    ko = compose(["# 책\n", *(korean[n] for n in order)])
    findings = structure(en, ko)
    assert findings == [
        ("TC104", line_of(en, "## Part 150"), line_of(ko, "## 150부")),
        ("TC101", line_of(en, "## Part 50"), line_of(ko, "## 51부")),
    ]


def _monotone_with_moves(scores: list[list[float]], costs: Costs) -> dict[int, int]:
    """The order-preserving pairing as a table of moves, each cell's move kept on the way
    forward and followed back: the plain form of ``_monotone``, which decides again only the
    cells of its way back."""
    n, m = len(scores), len(scores[0]) if scores else 0
    best = [[-costs.gap * j for j in range(m + 1)]]
    moves = [["left"] * (m + 1)]
    for i in range(1, n + 1):
        best.append([-costs.gap * i])
        moves.append(["up"])
        for j in range(1, m + 1):
            diag = best[i - 1][j - 1] + scores[i - 1][j - 1] - costs.bias
            up, left = best[i - 1][j] - costs.gap, best[i][j - 1] - costs.gap
            move = "diag" if diag >= up and diag >= left else "up" if up >= left else "left"
            best[i].append({"diag": diag, "up": up, "left": left}[move])
            moves[i].append(move)
    matched, i, j = {}, n, m
    while i > 0 and j > 0:
        if moves[i][j] == "diag":
            matched[i - 1] = j - 1
        i, j = (
            (i - 1, j - 1)
            if moves[i][j] == "diag"
            else (i - 1, j)
            if moves[i][j] == "up"
            else (i, j - 1)
        )
    return matched


@pytest.mark.parametrize("costs", [ANCHOR, POSITION])
def test_monotone_pairs_as_a_table_of_moves_would(costs: Costs) -> None:
    generator = random.Random(16)
    # few distinct values, -inf among them, so equal sums and ties between moves are common
    values = [-math.inf, 0.0, 0.25, 0.3, 0.35, 0.5, 0.55, 0.75, 1.0]
    for _ in range(400):
        n, m = generator.randint(0, 9), generator.randint(1, 9)
        scores = [[generator.choice(values) for _ in range(m)] for _ in range(n)]
        assert _monotone(scores, costs) == _monotone_with_moves(scores, costs)


def test_preambles_are_decided_not_scored() -> None:
    en = "Intro with `x` and 42.\n\n# Guide\n\nBody with `x` and 42.\n\n## Setup\n\nMore.\n"
    ko = "`x`와 42로 시작.\n\n# 안내\n\n`x`와 42가 있는 본문.\n\n## 설치\n\n더.\n"
    english = parse_markdown(en, "en.md").sections
    korean = parse_markdown(ko, "ko.md").sections
    scorer = Scorer([features(s, str) for s in english], [features(s, str) for s in korean])
    evidence, score = _evidence(english, korean, scorer)
    scores = [[score(i, j) for j in range(len(korean))] for i in range(len(english))]
    for matrix in (scores, evidence):
        assert matrix[0] == [1.0, 0.0, 0.0]
        assert [row[0] for row in matrix] == [1.0, 0.0, 0.0]
        assert min(row[j] for row in matrix[1:] for j in (1, 2)) > 0.0  # the others: scored


def test_sections_folded_with_their_subsections_as_a_plain_fold_would() -> None:
    text = compose([EN[k] for k in ORDER]) + "\n### Deeper\n\nIn 3 steps.\n\n## Last\n\n`y`\n"
    for document in (parse_markdown(text, "en.md"), parse_markdown(compose(KO.values()), "ko.md")):
        sections = [features(s, str) for s in document.sections]
        below, folded = _with_subsections(sections)
        for index, section in enumerate(sections):
            inner = [section]
            for later in sections[index + 1 :]:
                if not section.level or later.level <= section.level:
                    break
                inner.append(later)
            tokens = sum((part.tokens for part in inner), Counter()) if section.level else {}
            assert below[index] == tokens
            assert list(below[index]) == list(tokens)  # in the same order: weights add up alike
            assert folded[index].length == sum(part.length for part in inner)
            assert folded[index].shape == "".join(part.shape for part in inner)
        assert any(f is not s for f, s in zip(folded, sections, strict=True))  # some fold


def _per_kind_tokens(section: Section) -> list[str]:
    """A section's tokens read from its per-kind properties, kind after kind (the plain form
    section_tokens walks the blocks once for)."""
    tokens = ["L:" + link.path_part for link in section.links if link.url[:1] != "#"]
    tokens += ["I:" + image.url for image in section.images]
    tokens += ["C:" + span.text.strip() for span in section.code_spans]
    for block in section.code_blocks:
        tokens += _code_tokens(block.text)
    tokens += ["M:" + "".join(formula.text.split()) for formula in section.math]
    tokens += ["N:" + number.value for block in section.blocks for number in block.numbers]
    tokens += [token for tag in section.markup for token in markup_tokens(tag)]
    return tokens


def test_section_tokens_and_length_are_those_of_the_section_properties() -> None:
    mixed = (
        "# A\n\nSee [b](b.md#x), ![pic](p.png), [in page](#y) and `code` 42 times $x + 1$.\n\n"
        '<img src="q.png"> <span id="z">3.5</span> {% include figure.liquid path="f.png" %}\n\n'
        "```py\nx = 1  # one\n```\n\n$$\na = b\n$$\n\n## B\n\n- 7 `k` [c](/c/)\n- ![i](i.png)\n"
    )
    demo = Path(__file__).parents[2] / "data" / "demo"
    texts = [mixed, *(path.read_text("utf-8") for path in sorted(demo.glob("*/*.md")))]
    kinds = set()
    for text in texts:
        for section in parse_markdown(text, "x.md").sections:
            tokens, plain = section_tokens(section, str), Counter(_per_kind_tokens(section))
            assert tokens == plain
            assert list(tokens) == list(plain)  # in the same order: weights add up alike
            prose = sum(len(b.text) for b in section.blocks if b.kind is not BlockKind.HEADING)
            assert features(section, str).length == prose
            kinds |= {token[:2] for token in tokens}
    assert kinds >= {"L:", "I:", "C:", "K:", "M:", "N:", "H:"}  # every kind was met


def test_word_evidence_left_unworked_is_what_title_evidence_gives() -> None:
    english = compose([EN[k] for k in ORDER]) + "\n## TPU Memory\n\nMore.\n\n## Roofline\n\nx\n"
    korean = compose(KO.values()) + "\n## TPU 메모리\n\n더.\n\n## Roofline\n\nx\n"
    sources = [features(s, str) for s in parse_markdown(english, "en.md").sections]
    targets = [features(s, str) for s in parse_markdown(korean, "ko.md").sections]
    worked = 0
    for a in sources:
        for b in targets:
            if (a.words and b.words) or a.title == b.title:  # Scorer.evidence works these out
                worked += title_evidence(a, b) != no_shared_words(b)
            else:
                assert title_evidence(a, b) == no_shared_words(b)
    assert worked  # some pairs share words or a heading: their evidence differs


def test_sections_of_one_shape_pair_in_order_not_crosswise() -> None:
    """Two sections that content tells apart by nothing but words each language writes its own
    way (Laravel Orion's "Batch Delete" and "Batch Restore": the same code, whose comments the
    code features leave out) fit either Korean one on the same evidence, within rounding. No
    anchor is drawn from such a tie (one would pair them crosswise, leaving a missing and an
    extra section): position pairs them in order. A clear best match still anchors."""
    evidence = [[0.95, 0.5, 0.5], [0.5, 0.87, 0.87], [0.5, 0.87, 0.87]]
    scores = {(0, 0): 0.87, (1, 1): 0.8246, (1, 2): 0.82844, (2, 1): 0.82158, (2, 2): 0.8253}

    def score(i: int, j: int) -> float:
        return scores.get((i, j), 0.4)

    vouched = _vouched(evidence, score)
    assert [j for j, s in enumerate(vouched[0]) if s > -math.inf] == [0]
    assert all(s == -math.inf for row in vouched[1:] for s in row)
    matched = _monotone(vouched, ANCHOR)
    matched |= _fill_gaps(score, (3, 3), matched, {}, lambda i, j: False)
    assert matched == {0: 0, 1: 1, 2: 2}
