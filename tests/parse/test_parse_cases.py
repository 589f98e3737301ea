"""Parser cases from ``cases/*.txt``: each Markdown input must dump exactly as written there."""

from __future__ import annotations

import pytest
from parse_dump import Case, all_cases, dump

from transcheck.parse import parse_markdown

CASES = all_cases()


def test_case_files_are_read() -> None:
    assert len(CASES) >= 40
    assert len({(case.file, case.title) for case in CASES}) == len(CASES), "titles must be unique"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}:{c.line}:{c.title}" for c in CASES])
def test_case(case: Case) -> None:
    document = parse_markdown(case.source, "case.md", case.style, case.dialect)
    assert dump(document) == case.expected
