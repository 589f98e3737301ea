"""File pairs with thousands of sections are cut into stretches and still align exactly."""

from __future__ import annotations

from transcheck.align import align_sections
from transcheck.align.sections import MAX_CELLS, _stretches
from transcheck.parse import parse_markdown


def _chapter(count: int, korean: bool, drop: int | None = None) -> str:
    word = "부분" if korean else "Part"
    return "".join(
        f"## {word} {n}\n\n{'글' if korean else 'Text'} {n}: [link](https://e.com/{n}).\n\n"
        for n in range(count)
        if n != drop
    )


def test_a_large_pair_is_cut_and_the_dropped_section_is_found() -> None:
    english = parse_markdown(_chapter(3000, korean=False), "en.md")
    korean = parse_markdown(_chapter(3000, korean=True, drop=1234), "ko.md")
    assert len(english.sections) * len(korean.sections) > MAX_CELLS
    stretches = _stretches(english.sections, korean.sections, lambda url: url)
    assert len(stretches) > 100  # cut at the sections' unique links
    alignment = align_sections(english, korean)
    missing = [p.source.line for p in alignment.pairs if p.target is None and p.source]
    assert missing == [english.sections[1235].line]  # section index 0 is the preamble
    headed = [p for p in alignment.matched if p.source and p.target and p.source.level]
    assert len(headed) == 2999
    assert all(p.source.title.split()[1] == p.target.title.split()[1] for p in headed)  # type: ignore[union-attr]


def test_stretches_without_shared_tokens_are_sliced_in_order() -> None:
    english = parse_markdown("".join("## Part\n\nText.\n\n" for _ in range(2500)), "en.md")
    korean = parse_markdown("".join("## 부분\n\n글.\n\n" for _ in range(2500)), "ko.md")
    stretches = _stretches(english.sections, korean.sections, lambda url: url)
    assert len(stretches) > 1
    assert [r.start for r, _ in stretches] == sorted(r.start for r, _ in stretches)
    covered = [i for rows, _ in stretches for i in rows]
    assert covered == list(range(len(english.sections)))
    alignment = align_sections(english, korean)
    assert all(p.source is not None and p.target is not None for p in alignment.pairs)
