"""number-mismatch reads the numbers of each code span and formula once per text (a Korean
formula is most often its English one): the same figures as reading every run on its own."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck.checks.numbers import Figure, code_figures
from transcheck.model import Block
from transcheck.parse import parse_markdown
from transcheck.parse.numbers import find_numbers


def _plain(block: Block) -> list[Figure]:
    runs = [(span.text, span.line) for span in block.code_spans]
    runs += [(formula.text, formula.line) for formula in block.math]
    return [
        Figure(n.text, frozenset({n.value}), n.line, prose=False)
        for run in runs
        for n in find_numbers([run])
    ]


def _fields(figures: list[Figure]) -> list[tuple[str, frozenset[str], int, bool]]:
    return [(f.text, f.values, f.line, f.prose) for f in figures]


def test_code_figures_are_each_run_read_alone(corpus: Path) -> None:
    # both sides of the book: the Korean repeats the English formulas at other lines, and a
    # formula of several lines puts each number at its own line
    figures = 0
    for path in sorted(corpus.glob("*/*.md")):
        document = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        for section in document.sections:
            for block in section.blocks:
                found = code_figures(block)
                assert _fields(found) == _fields(_plain(block)), (path, block.line)
                figures += len(found)
    assert figures > 1000


_FORMULA = st.lists(st.sampled_from(["1", "2.5", "1,000", "x", " ", "+", "\n", "-4", "10^3"]))


@settings(max_examples=200, deadline=None)
@given(_FORMULA.map("".join).filter(lambda f: f.strip() and "\n\n" not in f), st.integers(0, 3))
def test_a_formula_and_span_repeated_at_other_lines_keep_their_own_lines(
    formula: str, gap: int
) -> None:
    # the second formula and span are read from what the first left remembered: their figures
    # must still stand at their own lines
    span = " ".join(formula.split())
    twice = f"$$\n{formula.strip()}\n$$\n\nA `{span}` here.\n\n"
    page = twice + "Text.\n\n" * gap + twice
    blocks = [
        block for section in parse_markdown(page, "x.md").sections for block in section.blocks
    ]
    assert [_fields(code_figures(block)) for block in blocks] == [
        _fields(_plain(block)) for block in blocks
    ]
