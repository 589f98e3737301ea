"""Block alignment inside a section pair: 1:1 pairs, gaps, merges, splits, and every block kind."""

from __future__ import annotations

import itertools
import random
import statistics

from transcheck.align.blocks import (
    PAIR_MOST,
    BlockPair,
    LengthRatio,
    _cross,
    _may_cross,
    _Pair,
    _paired,
    _slide,
    _terms_cross,
    _uncross,
    align_blocks,
    chapter_ratio,
    median,
)
from transcheck.align.blockscore import Scorer, Side
from transcheck.align.terms import Agreement, _agreement, everything
from transcheck.model import Block, BlockKind
from transcheck.parse import parse_markdown

Row = tuple[int | None, int | None, bool]


def lines(en: str, ko: str, dialect: str = "auto", ratio: LengthRatio | None = None) -> list[Row]:
    """(English line, Korean line, joined) of each block pair of the first section pair."""
    source = parse_markdown(en, "en.md", dialect=dialect)
    target = parse_markdown(ko, "ko.md", dialect=dialect)
    pairs = align_blocks(source.sections[1], target.sections[1], ratio=ratio)
    return [_row(p) for p in pairs]


def _row(pair: BlockPair) -> Row:
    return (
        pair.source.line if pair.source else None,
        pair.target.line if pair.target else None,
        pair.joined,
    )


def test_two_paragraphs_merged_into_one_pair_as_a_group() -> None:
    en = (
        "## A\n\nEach chip has 16 GB of HBM and moves it at 8.2e11 bytes per second.\n\n"
        "Its matrix unit computes 1.97e14 FLOPs per second in bfloat16.\n\nThe end, 3 times.\n"
    )
    ko = (
        "## 가\n\n각 칩은 16 GB의 HBM을 초당 8.2e11 바이트로 옮기며, 행렬 유닛은 bfloat16으로 "
        "초당 1.97e14 FLOPs를 계산합니다.\n\n끝, 3번.\n"
    )
    assert lines(en, ko) == [(1, 1, False), (3, 3, False), (5, 3, True), (7, 5, False)]


def test_one_paragraph_split_in_two_pairs_as_a_group() -> None:
    en = (
        "## A\n\nEach chip has 16 GB of HBM and moves it at 8.2e11 bytes per second. Its "
        "matrix unit computes 1.97e14 FLOPs per second in bfloat16.\n\nThe end, 3 times.\n"
    )
    ko = (
        "## 가\n\n각 칩은 16 GB의 HBM을 초당 8.2e11 바이트로 옮깁니다.\n\n"
        "행렬 유닛은 bfloat16으로 초당 1.97e14 FLOPs를 계산합니다.\n\n끝, 3번.\n"
    )
    assert lines(en, ko) == [(1, 1, False), (3, 3, False), (3, 5, True), (5, 7, False)]


def test_the_end_of_a_sentence_moved_after_a_formula_joins_its_paragraph() -> None:
    # Korean word order puts "we claim" after the formula it introduces.
    en = (
        "## A\n\nFor a general value of the feed-forward width, we claim this condition is\n\n"
        "$$N > 32 \\cdot F / D$$\n\nSo that tells us when the new scheme is the better one.\n"
    )
    ko = (
        "## 가\n\n일반적인 피드포워드 폭에 대해서 이 조건이\n\n$$N > 32 \\cdot F / D$$\n\n"
        "라고 주장합니다.\n\n따라서 새로운 방식이 언제 더 나은지 알 수 있습니다.\n"
    )
    # Length evidence takes the chapter's typical ratio, learned from its other sections; with
    # too few of them, the usual Korean ratio must bring the pair much closer, which a fragment
    # this short does not.
    assert lines(en, ko, ratio=LengthRatio(0.6, 0.6)) == [
        (1, 1, False),
        (3, 3, False),
        (5, 5, False),
        (3, 7, True),
        (7, 9, False),
    ]
    assert lines(en, ko)[3] == (None, 7, False)


def test_a_dropped_list_item_is_left_unpaired_at_its_line() -> None:
    en = (
        "## Steps\n\n1. Create the mesh with `jax.make_mesh`.\n2. Shard the array with "
        "`jax.device_put`.\n3. Run `jnp.dot` on the shards.\n4. Gather with `all_gather`.\n"
    )
    ko = (
        "## 단계\n\n1. `jax.make_mesh`로 메시를 만듭니다.\n2. `jnp.dot`을 샤드에서 실행합니다.\n"
        "3. `all_gather`로 모읍니다.\n"
    )
    assert lines(en, ko) == [
        (1, 1, False),
        (3, 3, False),
        (4, None, False),
        (5, 4, False),
        (6, 5, False),
    ]


def test_a_row_added_to_a_table_is_left_unpaired_at_its_line() -> None:
    en = "## Chips\n\n| Chip | HBM |\n|---|---|\n| v5e | 16 |\n| v5p | 95 |\n\nAfter the table.\n"
    ko = (
        "## 칩\n\n| 칩 | HBM |\n|---|---|\n| v5e | 16 |\n| v5p | 95 |\n| v6e | 32 |\n\n"
        "표 다음 글입니다.\n"
    )
    assert lines(en, ko) == [
        (1, 1, False),
        (3, 3, False),
        (5, 5, False),
        (6, 6, False),
        (None, 7, False),
        (8, 9, False),
    ]


def test_nested_list_items_pair_with_their_nested_counterparts() -> None:
    en = (
        "## A\n\n- Data parallelism over `X`\n  - shards the batch in 2 ways\n  - keeps "
        "weights whole\n- Model parallelism over `Y`\n"
    )
    ko = (
        "## 가\n\n- `X`에 대한 데이터 병렬화\n  - 배치를 2가지로 나눕니다\n"
        "- `Y`에 대한 모델 병렬화\n"
    )
    assert lines(en, ko) == [
        (1, 1, False),
        (3, 3, False),
        (4, 4, False),
        (5, None, False),
        (6, 5, False),
    ]


def test_code_quotes_alerts_math_html_and_liquid_blocks_pair_by_what_they_carry() -> None:
    en = """## A

Intro paragraph about sharding across 4 devices.

```python
x = jnp.ones((8, 128))
```

> [!NOTE]
> Each shard holds a quarter of the array.

$$T = 2BD / W$$

<div class="note" markdown="1">Remember the ring.</div>

{% include figure.liquid path="assets/img/ring.png" %}

A closing paragraph with no numbers at all in it.
"""
    ko = """## 가

4개 장치에 걸친 샤딩에 대한 소개 문단입니다.

추가된 설명 문단입니다.

```python
x = jnp.ones((8, 128))
```

> [!NOTE]
> 각 샤드는 배열의 4분의 1을 가집니다.

$$T = 2BD / W$$

<div class="note" markdown="1">링을 기억하세요.</div>

{% include figure.liquid path="assets/img/ring.png" %}

숫자가 하나도 없는 마무리 문단입니다.
"""
    assert lines(en, ko) == [
        (1, 1, False),
        (3, 3, False),
        (None, 5, False),
        (5, 7, False),
        (9, 11, False),
        (12, 14, False),
        (14, 16, False),
        (16, 18, False),
        (18, 20, False),
    ]


def test_shortcode_and_component_blocks_pair_around_their_translated_text() -> None:
    hugo_en = (
        "## A\n\n{{< note >}}\n\nPods are ephemeral.\n\n{{< /note >}}\n\n"
        '{{< codenew file="pods/simple.yaml" >}}\n'
    )
    hugo_ko = (
        "## 가\n\n{{< note >}}\n\n파드는 일시적입니다.\n\n{{< /note >}}\n\n"
        '역자 주: 파드는 다시 만들어집니다.\n\n{{< codenew file="pods/simple.yaml" >}}\n'
    )
    assert lines(hugo_en, hugo_ko, "hugo") == [  # the translator's note is left out
        (1, 1, False),
        (3, 3, False),
        (5, 5, False),
        (7, 7, False),
        (9, 11, False),
    ]
    mdx_en = "## A\n\n<Note>\n\nState is private.\n\n</Note>\n\n<Sandpack>\n\n</Sandpack>\n"
    mdx_ko = "## 가\n\n<Note>\n\nstate는 비공개입니다.\n\n</Note>\n\n<Sandpack>\n\n</Sandpack>\n"
    assert lines(mdx_en, mdx_ko, "mdx") == [(1, 1, False)] + [
        (line, line, False) for line in (3, 5, 7, 9, 11)
    ]


def test_a_translators_note_is_left_out_of_the_pairing() -> None:
    en = "## A\n\nSharding splits an array across devices so that each holds a part.\n"
    ko = (
        "## 가\n\n역자 주: 이 문단은 번역자가 덧붙였습니다.\n\n"
        "샤딩은 배열을 여러 장치에 나누어 각 장치가 일부를 가지게 합니다.\n\n"
        "이 문단도 덧붙였습니다.\n"
    )
    assert lines(en, ko) == [(1, 1, False), (3, 5, False), (None, 7, False)]


def test_anchors_keep_a_long_section_in_step_around_a_dropped_paragraph() -> None:
    en = "## A\n\n" + "".join(f"Paragraph {n} reports {n * 7919} steps.\n\n" for n in range(60))
    ko = "## 가\n\n" + "".join(
        f"{n}번째 문단은 {n * 7919} 단계를 보고합니다.\n\n" for n in range(60) if n != 31
    )
    found = lines(en, ko)
    assert found[1:] == [
        (3 + 2 * n, None if n == 31 else 3 + 2 * (n - (n > 31)), False) for n in range(60)
    ]


def test_the_chapter_ratio_decides_which_paragraph_is_missing() -> None:
    en = "## A\n\n" + "Short one here.\n\n" + "A much longer paragraph " * 6 + "\n"
    ko = "## 가\n\n" + "긴 문단이 이어집니다 " * 6 + "\n"
    source, target = parse_markdown(en, "en.md"), parse_markdown(ko, "ko.md")
    pairs = align_blocks(source.sections[1], target.sections[1], ratio=LengthRatio(0.5))
    assert [_row(p) for p in pairs] == [(1, 1, False), (3, None, False), (5, 3, False)]


def test_a_paragraph_whose_link_moved_pairs_by_the_page_name_not_with_an_added_note() -> None:
    en = (
        "## A\n\nCreation and deletion of namespaces are described in the [Admin Guide "
        "documentation\nfor namespaces](/docs/admin/namespaces).\n"
    )
    ko = (
        "## 가\n\n네임스페이스의 생성과 삭제는\n"
        "[네임스페이스 관리자 가이드 문서](/docs/tasks/administer-cluster/namespaces/)에 "
        "기술되어 있다.\n\n{{< note >}}\n    쿠버네티스 시스템 네임스페이스용으로 예약되어 "
        "있으므로, `kube-` 접두사로 네임스페이스를 생성하지 않는다.\n{{< /note >}}\n"
    )
    assert lines(en, ko, "hugo") == [
        (1, 1, False),
        (3, 3, False),
        (None, 6, False),
        (None, 7, False),
        (None, 8, False),
    ]


def test_median_is_the_one_statistics_computes() -> None:
    rng = random.Random(7)
    for size in range(1, 60):
        values = [rng.uniform(-3.0, 3.0) for _ in range(size)]
        assert median(values) == statistics.median(values)
        assert median(iter(values)) == statistics.median(values)


def _random_sides(rng: random.Random) -> tuple[Scorer, Agreement]:
    """A scorer and term agreement over random English and Korean blocks sharing numbers,
    code spans, Latin-script terms and kinds, in random lengths."""
    terms = ["Vue", "props", "TPU", "ref", "render", "slot"]
    items = ["`x`", "`y()`", "42", "7", "$a+b$"]

    def block(korean: bool) -> str:
        words = [rng.choice(["가나다", "라마"] if korean else ["the", "word", "text"])]
        words += [rng.choice(terms + items) for _ in range(rng.randint(0, 4))]
        words += ["말"] * rng.randint(0, 8) if korean else ["more"] * rng.randint(0, 8)
        text = " ".join(rng.sample(words, len(words)))
        return rng.choice(["", "- ", "    x = 1\n"]) + text if rng.random() < 0.2 else text

    def section(texts: list[str], korean: bool) -> list[Block]:
        body = "\n\n".join(texts)
        parsed = parse_markdown("# H\n\n" + body + "\n", "ko.md" if korean else "en.md")
        return [b for b in parsed.sections[1].blocks if b.kind is not BlockKind.HEADING]

    english = [block(False) for _ in range(rng.randint(2, 6))]
    # some Korean blocks are English ones as written (code, HTML left untranslated)
    korean = [
        rng.choice(english) if rng.random() < 0.25 else block(True)
        for _ in range(rng.randint(2, 6))
    ]
    en, ko = section(english, False), section(korean, True)
    scorer = Scorer(Side.of(en, str), Side.of(ko, str), rng.uniform(0.5, 2.0))
    return scorer, Agreement(en, ko)


def test_agreement_of_a_korean_block_as_written_is_its_term_count() -> None:
    rng = random.Random(12)
    as_written = 0
    for _ in range(150):
        _, agreement = _random_sides(rng)
        en, ko = agreement._english, agreement._korean
        for i, j in itertools.product(range(len(en)), range(len(ko))):
            plain = _agreement(everything(en[i]), ko[j].text)
            assert agreement(i, j) == plain
            if agreement.as_written(i, j):
                as_written += 1
                assert plain == agreement.terms(j)
                assert agreement.room(i, j) == 0
            else:
                assert agreement.room(i, j) == 2 * agreement.terms(j)
    assert as_written > 100


def test_a_crossing_given_up_unscored_is_one_the_terms_would_not_carry() -> None:
    rng = random.Random(16)
    given_up = kept = 0
    for _ in range(150):
        scorer, agreement = _random_sides(rng)
        n, m = len(scorer.en.blocks), len(scorer.ko.blocks)
        for i, i2, j, j2 in itertools.product(range(n), range(n), range(m), range(m)):
            if i == i2 or j == j2:
                continue
            assert scorer.pair(i, j) <= PAIR_MOST
            straight = scorer.pair(i, j) + scorer.pair(i2, j2)
            crossed = scorer.pair(i, j2) + scorer.pair(i2, j)
            if _may_cross(scorer, agreement, (i, j), (i2, j2), straight):
                kept += 1
            else:
                given_up += 1
                assert not _terms_cross(agreement, (i, j), (i2, j2), straight, crossed)
    assert given_up > 1000 and kept > 1000


def _plain_uncross(pairs: list[_Pair], scorer: Scorer) -> None:
    """_uncross asking both rooms of every two neighbouring pairs (no room reused)."""
    agreement = Agreement(scorer.en.blocks, scorer.ko.blocks)
    for k in range(len(pairs) - 1):
        (i, j, _, _), (i2, j2, _, _) = pairs[k], pairs[k + 1]
        if i is None or j is None or i2 is None or j2 is None or i == i2 or j == j2:
            continue
        straight = scorer.pair(i, j) + scorer.pair(i2, j2)
        if _may_cross(scorer, agreement, (i, j), (i2, j2), straight):
            _cross(pairs, k, scorer, agreement, straight)
    _slide(pairs, scorer, agreement)


def test_uncrossing_with_rooms_reused_is_the_plain_uncrossing() -> None:
    rng = random.Random(21)
    swapped = 0
    for _ in range(300):
        scorer, _ = _random_sides(rng)
        n, m = len(scorer.en.blocks), len(scorer.ko.blocks)
        pairs: list[_Pair] = [
            (
                rng.choice([None, *range(n)]) if rng.random() < 0.2 else rng.randrange(n),
                rng.choice([None, *range(m)]) if rng.random() < 0.2 else rng.randrange(m),
                0.0,
                False,
            )
            for _ in range(rng.randint(2, 8))
        ]
        pairs = [p for p in pairs if p[0] is not None or p[1] is not None]
        reused, plain = list(pairs), list(pairs)
        _uncross(reused, scorer)
        _plain_uncross(plain, scorer)
        assert reused == plain
        swapped += reused != pairs
    assert swapped > 30


def test_a_side_without_blocks_leaves_every_block_unpaired_as_the_search_does() -> None:
    rng = random.Random(8)
    bodies = ["text 1", "`x` and 2", "- item", "    code = 1", "$$\na+b\n$$", "<div>x</div>"]
    for _ in range(100):
        english = "\n\n".join(rng.sample(bodies, rng.randint(0, 4)))
        korean = "\n\n".join(rng.sample(bodies, rng.randint(0, 4)))
        if english and korean:
            korean = ""
        source = parse_markdown(f"# H\n\n{english}\n", "en.md").sections[1]
        target = parse_markdown(f"# 제목\n\n{korean}\n", "ko.md").sections[1]
        found = align_blocks(source, target)
        en = [b for b in source.blocks if b.kind is not BlockKind.HEADING]
        ko = [b for b in target.blocks if b.kind is not BlockKind.HEADING]
        ratio = chapter_ratio([(source, target)])
        plain = _paired(Side.of(en, str), Side.of(ko, str), ratio)
        assert [(p.source, p.target, p.score, p.joined) for p in found[1:]] == [
            (p.source, p.target, p.score, p.joined) for p in plain
        ]
        assert len(plain) == len(en) + len(ko)


def test_the_scorers_block_masses_are_the_mass_of_each_blocks_tokens() -> None:
    rng = random.Random(5)
    for _ in range(100):
        scorer, _ = _random_sides(rng)
        assert scorer.en_mass == [scorer.mass(t) for t in scorer.en.tokens]
        assert scorer.ko_mass == [scorer.mass(t) for t in scorer.ko.tokens]


def test_a_paragraph_left_in_english_pairs_with_its_english_by_its_own_length() -> None:
    """A Korean paragraph with no Hangul copies its English: it is as long as the English, not
    as the chapter ratio would have a translation (javascript.info's BigInt page: the copy was
    left unpaired and a shorter English paragraph the Korean adds took its place)."""
    en = (
        "## Polyfills\n\nThe library JSBI works with numbers as with bigints.\n\n"
        "In other words, this approach suggests that we write code in JSBI instead of native "
        "bigints, closely following the specification, so the code will be bigint-ready.\n"
    )
    ko = (
        "## 폴리필\n\nJSBI 라이브러리는 숫자를 bigint처럼 다룹니다.\n\n"
        "In other words, this approach suggests that we write code in JSBI instead of native "
        "bigints, closely following the specification, so the code will be bigint-ready.\n\n"
        "We can use such JSBI code as is for engines that do not support bigints.\n"
    )
    expected = [(1, 1, False), (3, 3, False), (5, 5, False), (None, 7, False)]
    assert lines(en, ko, ratio=LengthRatio(0.55, 0.55)) == expected


def test_on_a_short_page_a_paragraph_split_in_two_pairs_as_a_group() -> None:
    """A page of one English paragraph has no typical ratio of its own; the Korean split it in
    two (the Rust book's chapter 5 opening): the piece paired alone is far too short for its
    English, so the other joins it by the usual Korean ratio, not left as an addition."""
    en = (
        "# Structs\n\nA struct is a custom data type that lets you name and package together "
        "multiple related values that make up a meaningful group. If you are familiar with an "
        "object-oriented language, a struct is like the data attributes of an object. In this "
        "chapter, we compare tuples with structs, and we show how to define methods that "
        "specify behavior associated with a struct type, the building blocks of new types.\n"
    )
    ko = (
        "# 구조체\n\n구조체는 여러 값을 묶고 이름을 지어서 의미 있는 묶음을 정의하는 데에 "
        "사용합니다. 객체 지향 언어의 객체 데이터 속성과 비슷합니다.\n\n"
        "이번 장에서는 튜플과 구조체를 비교하고, 구조체 타입과 연관된 동작을 표현하는 메서드를 "
        "정의하는 방법을 다룹니다.\n"
    )
    source = parse_markdown(en, "en.md")
    target = parse_markdown(ko, "ko.md")
    pairs = align_blocks(source.sections[1], target.sections[1])
    assert [_row(p) for p in pairs] == [(1, 1, False), (3, 3, False), (3, 5, True)]


def test_without_a_chapter_ratio_a_fragment_of_another_kind_joins_nothing_by_length() -> None:
    """The usual ratio joins a fragment of its neighbour's kind only: a list item the Korean
    adds under a paragraph stays an addition."""
    en = "# Env\n\nYou can tell Node.js that it runs in production with an environment variable.\n"
    ko = (
        "# 환경\n\n환경 변수를 설정해 프로덕션임을 알립니다.\n\n"
        "- 로그 기록이 최소한으로 유지되며, 필수적인 수준으로 설정됩니다.\n"
    )
    source = parse_markdown(en, "en.md")
    target = parse_markdown(ko, "ko.md")
    pairs = align_blocks(source.sections[1], target.sections[1])
    assert [_row(p) for p in pairs] == [(1, 1, False), (3, 3, False), (None, 5, False)]
