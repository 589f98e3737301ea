"""The listings of ``transcheck rules`` and the table of ``transcheck align``."""

from __future__ import annotations

import json

from transcheck.align import Alignment, SectionPair
from transcheck.checks import Rule, Scope
from transcheck.findings import Severity
from transcheck.parse import parse_markdown
from transcheck.report import alignment, rules

SAMPLE = (
    Rule("TC901", "pipe-rule", Severity.WARNING, "Uses a | pipe.", "Bad: x\nGood: y", Scope.PAIR),
    Rule(
        "TC902", "quiet-rule", Severity.INFO, "Off unless selected.", "", Scope.PAIR, enabled=False
    ),
)


def test_rules_text_json_and_markdown() -> None:
    assert rules.render_text(SAMPLE) == (
        "TC901  pipe-rule                warning  Uses a | pipe.\n"
        "TC902  quiet-rule               info     Off unless selected. (off by default)\n"
    )
    assert json.loads(rules.render_json(SAMPLE))[1] == {
        "code": "TC902",
        "name": "quiet-rule",
        "severity": "info",
        "summary": "Off unless selected.",
        "enabled": False,
    }
    assert rules.render_markdown(SAMPLE).splitlines() == [
        "| Code | Name | Severity | What it reports |",
        "|---|---|---|---|",
        "| TC901 | `pipe-rule` | warning | Uses a \\| pipe. |",
        "| TC902 | `quiet-rule` | info | Off unless selected. (off by default) |",
    ]


ENGLISH = parse_markdown(
    "Intro.\n\n## Alpha\n\nA.\n\n## Beta\n\nB.\n\n"
    "## A very long English heading that goes on and on\n",
    "en.md",
)
KOREAN = parse_markdown(
    "소개.\n\n## 베타\n\nB.\n\n## 새 절\n\n새 내용.\n\n## 알파\n\nA.\n", "ko.md"
)


def sample_alignment() -> Alignment:
    """Preamble ok, Beta/베타 ok, an extra Korean section, Alpha/알파 moved, one missing."""
    en, ko = ENGLISH.sections, KOREAN.sections
    pairs = (
        SectionPair(en[0], ko[0], 1.0, False),
        SectionPair(en[2], ko[1], 0.8, False),
        SectionPair(None, ko[2], 0.0, False),
        SectionPair(en[1], ko[3], 0.75, True),
        SectionPair(en[3], None, 0.0, False),
    )
    return Alignment(ENGLISH, KOREAN, pairs)


def test_alignment_rows_and_statuses() -> None:
    assert [
        (r["source_line"], r["source_heading"], r["target_line"], r["target_heading"], r["status"])
        for r in alignment.rows(sample_alignment())
    ] == [
        (1, "the text before the first heading", 1, "the text before the first heading", "ok"),
        (7, "## Beta", 3, "## 베타", "ok"),
        (None, None, 7, "## 새 절", "extra"),
        (3, "## Alpha", 11, "## 알파", "moved"),
        (11, "## A very long English heading that goes on and on", None, None, "missing"),
    ]


def test_alignment_table_pads_hangul_by_display_width_and_clips_long_headings() -> None:
    pairs = sample_alignment()
    lines = alignment.render_text(pairs).splitlines()
    assert lines[0].startswith("   EN  English heading")
    clipped = next(line for line in lines if "A very long" in line)
    assert "## A very long English heading that goes on…" in clipped
    korean_row = next(line for line in lines if "## 알파" in line)
    # "## 알파" is 7 characters but 9 columns wide: it is followed by 44 - 9 = 35 spaces.
    assert "## 알파" + " " * 35 + " " in korean_row
    assert json.loads(alignment.render_json(pairs))["version"] == 1


def test_empty_preambles_are_not_listed() -> None:
    en, ko = parse_markdown("# A\n\ntext\n", "en.md"), parse_markdown("# 가\n\n글\n", "ko.md")
    pairs = tuple(
        SectionPair(a, b, 1.0, False) for a, b in zip(en.sections, ko.sections, strict=True)
    )
    assert en.sections[0].is_preamble
    rows = alignment.rows(Alignment(en, ko, pairs))
    assert [(r["source_heading"], r["target_heading"]) for r in rows] == [("# A", "# 가")]
