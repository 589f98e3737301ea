"""What the corpus fuzzer found, reduced to small pairs: each once crashed or gave a line outside
its file; the lines asserted are where a translator would look."""

from __future__ import annotations

from transcheck.api import check_pair


def where(english: str, korean: str, code: str) -> list[tuple[int | None, int | None]]:
    return [
        (f.source.line, f.target.line) for f in check_pair(english, korean) if f.code == code
    ] + [(None, None) for f in check_pair(english, korean) if f.code == "TC005"]


def test_a_korean_note_before_the_first_heading_is_an_extra_block_at_line_1() -> None:
    # block-extra took max() over the English preamble's blocks, and it has none.
    english = "# Intro\n\nHello world text.\n"
    korean = "메모입니다.\n\n# 소개\n\n안녕하세요 세계.\n"
    assert where(english, korean, "TC108") == [(1, 1)]


def test_an_english_preamble_the_korean_lacks_is_a_missing_block() -> None:
    english = "A note before the first heading.\n\n# Intro\n\nHello world text.\n"
    korean = "# 소개\n\n안녕하세요 세계.\n"
    assert where(english, korean, "TC107") == [(1, 1)]


def test_one_english_block_against_many_korean_blocks_is_aligned() -> None:
    # The search band had rows that did not overlap when one side had far more blocks, and the
    # trace back stepped outside the table (IndexError).
    english = "# T\n\nOne paragraph 1.\n\n## Next\n\nText 2.\n"
    korean = (
        "# T\n\n" + "".join(f"문단 {k}번입니다.\n\n" for k in range(26)) + "## 다음\n\n본문 2.\n"
    )
    findings = check_pair(english, korean)
    assert not [f for f in findings if f.code == "TC005"]
    # The English paragraph pairs with a Korean one; the other Korean paragraphs are extra.
    assert not [f for f in findings if f.code == "TC107"]
    assert [f for f in findings if f.code == "TC108"]


def test_an_indented_code_block_ending_the_file_without_a_newline_stays_in_the_file() -> None:
    english = "# T\n\n    x = 1\n    y = 2\n"
    korean = "# T\n\n    x = 1\n    y = 3"
    assert where(english, korean, "TC501") == [(4, 4)]


def test_a_korean_section_against_an_empty_english_file_names_the_file_not_line_0() -> None:
    assert where("", "# 제목\n\n본문입니다.\n", "TC102") == [(None, 1)]
