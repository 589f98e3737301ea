"""number-mismatch reads the numbers of each code span and formula once per text (a Korean
formula is most often its English one): the same figures as reading every run on its own."""

from __future__ import annotations

from pathlib import Path

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
