"""Properties over generated chapters: no crash, lines inside files, self-consistency, and one
section-missing for one deleted section."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.robustness.generators import Chapter, chapters
from transcheck.api import check_pair
from transcheck.findings import Finding
from transcheck.parse import parse_markdown

# Example counts come from the Hypothesis profile (tests/conftest.py): 150 by default,
# HYPOTHESIS_PROFILE=deep for a long run by hand.
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Families that compare the two sides: an exact copy gives none of them.
COMPARING = ("TC1", "TC2", "TC5", "TC6")


def _lines_inside(findings: list[Finding], sizes: dict[str, int]) -> None:
    for finding in findings:
        for where in (finding.source, finding.target):
            if where.line is not None:
                assert where.path in sizes, finding
                assert 1 <= where.line <= sizes[where.path], finding


@SETTINGS
@given(chapters(), chapters())
def test_any_pair_checks_without_error_and_lines_stay_inside(en: Chapter, ko: Chapter) -> None:
    english, korean = en.text(), ko.text()
    findings = check_pair(english, korean, source_path="en.md", target_path="ko.md")
    sizes = {
        "en.md": parse_markdown(english, "en.md").line_count,
        "ko.md": parse_markdown(korean, "ko.md").line_count,
    }
    _lines_inside(findings, sizes)


@SETTINGS
@given(chapters())
def test_a_chapter_against_its_exact_copy_has_no_comparing_finding(chapter: Chapter) -> None:
    text = chapter.text()
    findings = check_pair(text, text, source_path="en.md", target_path="ko.md")
    assert [f for f in findings if f.code.startswith(COMPARING)] == []


@SETTINGS
@given(chapters(), st.data())
def test_deleting_one_korean_section_gives_one_section_missing_at_its_heading(
    chapter: Chapter, data: st.DataObject
) -> None:
    # With one section, deleting it empties the file: that is empty-file's case, not this one.
    assume(len(chapter.sections) > 1)
    drop = data.draw(st.integers(0, len(chapter.sections) - 1))
    findings = check_pair(
        chapter.text(), chapter.text(drop), source_path="en.md", target_path="ko.md"
    )
    missing = [(f.source.path, f.source.line) for f in findings if f.code == "TC101"]
    assert missing == [("en.md", chapter.heading_line(drop))]
