"""The text format: findings grouped per pair with both locations, then a translator's summary."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transcheck.api import PairResult, Report
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity
from transcheck.parse import InputError
from transcheck.report import RenderOptions
from transcheck.report.text import _shown, render
from transcheck.runner import active_rules

RULES = active_rules(Config())


def finding(code: str, rule: str, severity: Severity, en: Location, ko: Location) -> Finding:
    return Finding(code, rule, severity, f"{rule} here", en, ko)


def test_clean_report_is_only_the_summary() -> None:
    report = Report((PairResult("en/a.md", "ko/a.md", ()),), RULES)
    assert render(report) == "Summary\n  1 file pair checked, 0 with findings: no findings.\n"


def test_findings_grouped_per_pair_then_files_and_rules_in_the_summary() -> None:
    guide = (
        finding(
            "TC201", "link-missing", Severity.ERROR, Location("en/g.md", 3), Location("ko/g.md", 4)
        ),
        finding(
            "TC202", "link-extra", Severity.WARNING, Location("en/g.md", 3), Location("ko/g.md", 9)
        ),
        finding(
            "TC201",
            "link-missing",
            Severity.ERROR,
            Location("en/g.md", 12),
            Location("ko/g.md", 13),
        ),
    )
    new = (
        finding("TC105", "translation-missing", Severity.INFO, Location("en/new.md"), Location()),
    )
    old = (finding("TC106", "source-missing", Severity.WARNING, Location(), Location("ko/old.md")),)
    report = Report(
        (
            PairResult("en/clean.md", "ko/clean.md", (), 1.0),
            PairResult("en/g.md", "ko/g.md", guide, 0.75),
            PairResult("en/new.md", None, new),
            PairResult(None, "ko/old.md", old),
        ),
        RULES,
    )
    assert render(report).splitlines() == [
        "en/g.md ↔ ko/g.md",
        "  en/g.md:3 ↔ ko/g.md:4  error   TC201 link-missing: link-missing here",
        "  en/g.md:3 ↔ ko/g.md:9  warning TC202 link-extra: link-extra here",
        "  en/g.md:12 ↔ ko/g.md:13  error   TC201 link-missing: link-missing here",
        "",
        "en/new.md ↔ (no Korean file)",
        "  en/new.md ↔ -  info    TC105 translation-missing: translation-missing here",
        "",
        "(no English file) ↔ ko/old.md",
        "  - ↔ ko/old.md  warning TC106 source-missing: source-missing here",
        "",
        "Summary",
        "  4 file pairs checked, 3 with findings: 2 errors, 2 warnings, 1 info.",
        "  Files:",
        "    ko/g.md                     2 errors, 1 warning; 75% translated",
        "    en/new.md (no Korean file)  1 info",
        "    ko/old.md                   1 warning",
        "  Rules:",
        "       2  TC201 link-missing",
        "       1  TC105 translation-missing",
        "       1  TC106 source-missing",
        "       1  TC202 link-extra",
        "  `transcheck explain CODE` shows what a rule means, with an example.",
    ]


def test_unreadable_files_are_counted_in_the_summary() -> None:
    failed = finding(
        "TC001", "unreadable-file", Severity.ERROR, Location("en/a.md"), Location("ko/a.md", 2)
    )
    report = Report(
        (PairResult("en/a.md", "ko/a.md", (failed,)),),
        RULES,
        (InputError("ko/a.md", "not valid UTF-8", 2),),
    )
    lines = render(report).splitlines()
    assert lines[4] == "  1 file pair checked, 1 with findings: 1 error."
    assert lines[5] == (
        "  1 file(s) could not be read or checked (TC001; each message says why); "
        "the other files were checked."
    )


def test_color_marks_severity_and_pair_headers() -> None:
    found = finding(
        "TC201", "link-missing", Severity.ERROR, Location("en/a.md", 1), Location("ko/a.md", 1)
    )
    report = Report((PairResult("en/a.md", "ko/a.md", (found,)),), RULES)
    colored = render(report, RenderOptions(color=True))
    assert colored.startswith("\x1b[1men/a.md ↔ ko/a.md\x1b[0m\n")
    assert "\x1b[31merror  \x1b[0m TC201" in colored
    assert "\x1b[" not in render(report, RenderOptions(color=False))


@given(st.text(alphabet="a한 \n\t\x1b\x7f\u2028\u200b", max_size=20))
def test_shown_text_as_each_character_escaped(text: str) -> None:
    """_shown's whole-text test gives what escaping each character that is not printable gives."""
    each = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
    assert _shown(text) == each
