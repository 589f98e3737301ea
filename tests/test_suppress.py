"""Inline suppressions: every comment form on real files, spans, rule names and prefixes, and
the unused-suppression finding (TC004) for directives that silence nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck import Config, check_pair, check_paths
from transcheck.findings import Finding, Location, Severity
from transcheck.suppress import Suppressions, parse_directive, partition

ENGLISH = """# Guide

See [a](https://example.com/a).

See [b](https://example.com/b).

See [c](https://example.com/c).

See [d](https://example.com/d).

See [e](https://example.com/e).

```html
<!-- transcheck-disable -->
```

The end.
"""

# Five changed links (TC203); each suppression form covers one of them, one stays reported.
KOREAN = """# 안내

<!-- transcheck-disable-next-line TC203 -->
[가](https://example.com/x)를 보세요.

<!-- transcheck-disable link-changed -->
[나](https://example.com/y)를 보세요.
<!-- transcheck-enable -->

[다](https://example.com/z)를 보세요. <!-- transcheck-disable-next-line TC2 -->
[라](https://example.com/w)를 보세요.

<!-- transcheck-disable-next-line
     TC203 -->
[마](https://example.com/v)를 보세요.

```html
<!-- transcheck-disable -->
```

<!-- transcheck-disable-next-line TC301 -->
<!-- transcheck-disable-next-line TC999, link-changed -->
끝.
"""


def located(findings: list[Finding]) -> list[tuple[str, int | None]]:
    return [(f.code, f.target.line) for f in findings]


@pytest.fixture
def pair(chdir_tmp: Path) -> Path:
    for side, text in (("en", ENGLISH), ("ko", KOREAN)):
        (chdir_tmp / side).mkdir()
        (chdir_tmp / side / "g.md").write_text(text, encoding="utf-8")
    return chdir_tmp


def test_every_comment_form_on_files(pair: Path) -> None:
    report = check_paths(Path("en"), Path("ko"), Config())
    # ko:10 is the only changed link left: the next-line comment at its end covers line 11.
    assert located(list(report.findings)) == [("TC203", 10), ("TC004", 21), ("TC004", 22)]
    assert located(list(report.suppressed)) == [
        ("TC203", 4),  # disable-next-line by code
        ("TC203", 7),  # disable … enable by name
        ("TC203", 11),  # disable-next-line by code prefix, written at the end of a line
        ("TC203", 15),  # a directive written over two lines covers the line after its end
    ]
    messages = [f.message for f in report.findings if f.code == "TC004"]
    assert messages == [
        "the suppression <!-- transcheck-disable-next-line TC301 --> silenced nothing in this "
        "run: remove it or fix the rule names",
        "the suppression <!-- transcheck-disable-next-line TC999 link-changed --> names no "
        "known rule ('TC999'): remove it or fix the rule names",
    ]
    assert report.summary()["suppressed"] == 4
    assert all(f.severity is Severity.INFO for f in report.findings if f.code == "TC004")


def test_deselected_rules_do_not_make_a_directive_unused(pair: Path) -> None:
    """With only TC004 and TC2 rules running, the TC301 directive is not reported: its rule did
    not run; the one naming TC999 still is. The fenced `transcheck-disable` (ko:18) is code, not
    a directive: it would otherwise be reported as unused, or silence ko:22's finding."""
    report = check_paths(Path("en"), Path("ko"), Config(select=("TC2", "TC004")))
    assert located(list(report.findings)) == [("TC203", 10), ("TC004", 22)]


def test_ignoring_tc004_keeps_the_suppressions(pair: Path) -> None:
    report = check_paths(Path("en"), Path("ko"), Config(ignore=("unused-suppression",)))
    assert located(list(report.findings)) == [("TC203", 10)]
    assert len(report.suppressed) == 4


def test_disable_without_rules_runs_to_the_end_of_the_file() -> None:
    korean = "# 안내\n\n[가](https://example.com/x)\n\n<!-- transcheck-disable -->\n\n" + (
        "[나](https://example.com/y)\n"
    )
    english = "# Guide\n\n[a](https://example.com/a)\n\n[b](https://example.com/b)\n"
    assert located(check_pair(english, korean)) == [("TC203", 3)]


# --- the span logic on its own -------------------------------------------------------------------


def finding(line: int, code: str = "TC201", rule: str = "link-missing") -> Finding:
    """A finding at a Korean line of ko/x.md."""
    return Finding(
        code, rule, Severity.ERROR, "m", Location("en/x.md", 1), Location("ko/x.md", line)
    )


def test_parse_directive_forms() -> None:
    named = parse_directive(" transcheck-disable TC201, link-extra ", 3, 3)
    assert named is not None and named.rules == ("TC201", "link-extra")
    next_line = parse_directive("transcheck-disable-next-line", 5, 5)
    assert next_line is not None and next_line.kind == "disable-next-line" and not next_line.rules
    assert parse_directive("Transcheck-Enable", 9, 9) is not None
    assert parse_directive("just a comment", 1, 1) is None
    mistyped = parse_directive("transcheck-disabled TC201", 1, 1)
    assert mistyped is not None and mistyped.kind == "disabled"  # kept, to be reported


def test_disable_line_and_disable_file() -> None:
    english = "# Guide\n\n[a](https://example.com/a)\n\n[b](https://example.com/b)\n"
    korean = (
        "# 안내\n\n[가](https://example.com/x) <!-- transcheck-disable-line TC203 -->\n\n"
        "[나](https://example.com/y)\n"
    )
    assert located(check_pair(english, korean)) == [("TC203", 5)]
    whole = "<!-- transcheck-disable-file link-changed -->\n" + korean.replace(
        " <!-- transcheck-disable-line TC203 -->", ""
    )
    assert located(check_pair(english, whole)) == []
    spans = Suppressions([parse_directive("transcheck-disable-file TC106", 1, 1)], 9)  # type: ignore[list-item]
    about_file = Finding(
        "TC106", "source-missing", Severity.WARNING, "m", target=Location("ko/x.md")
    )
    assert partition([about_file], spans, "ko/x.md") == ([], [about_file])


def test_mistyped_directive_is_reported_at_its_line() -> None:
    english = "# Guide\n\n[a](https://example.com/a)\n"
    korean = "# 안내\n\n<!-- transcheck-disable-lines TC203 -->\n[가](https://example.com/x)\n"
    findings = check_pair(english, korean)
    assert located(findings) == [("TC004", 3), ("TC203", 4)]
    assert "<!-- transcheck-disable-lines TC203 --> is no transcheck directive (known: " in (
        findings[0].message
    )


def test_enable_closes_only_spans_sharing_a_rule() -> None:
    directives = [
        parse_directive("transcheck-disable TC201", 10, 10),
        parse_directive("transcheck-disable TC202", 11, 11),
        parse_directive("transcheck-enable TC202", 20, 20),
    ]
    spans = Suppressions([d for d in directives if d], line_count=40)
    kept, silenced = partition(
        [finding(25), finding(25, "TC202", "link-extra"), finding(15, "TC202", "link-extra")],
        spans,
        "ko/x.md",
    )
    assert [(f.code, f.target.line) for f in silenced] == [("TC201", 25), ("TC202", 15)]
    assert [(f.code, f.target.line) for f in kept] == [("TC202", 25)]


def test_findings_of_other_files_and_whole_file_findings_are_kept() -> None:
    spans = Suppressions([parse_directive("transcheck-disable", 1, 1)], 40)  # type: ignore[list-item]
    other = Finding("TC201", "link-missing", Severity.ERROR, "m", target=Location("ko/y.md", 5))
    whole = Finding("TC106", "source-missing", Severity.WARNING, "m", target=Location("ko/x.md"))
    kept, silenced = partition([other, whole, finding(5)], spans, "ko/x.md")
    assert kept == [other, whole]
    assert silenced == [finding(5)]
    assert spans.unused(lambda rule: True) == []


def test_mdx_comments_are_directives_and_heading_ids_are_not() -> None:
    """MDX has no HTML comments: ``{/* … */}`` on its own line or in text carries directives
    (the React docs keep console output in English inside <ConsoleBlock>); heading ids written
    as ``{/*id*/}`` are comments that direct nothing, and no finding."""
    english = (
        '# Keys {/*keys*/}\n\n<ConsoleBlock level="error">\n\n'
        'Warning: Each child in a list should have a unique "key" prop.\n\n</ConsoleBlock>\n\n'
        "Rendering lists needs a key on every item of the list.\n\n"
        "Keys must be unique among siblings in the list.\n\n"
        "Keys must not change, or that defeats their purpose.\n\n"
        "Do not generate keys while rendering the list.\n\n"
        "A well-chosen key tells more than the position in the array.\n"
    )
    korean = (
        '# 키 {/*keys*/}\n\n<ConsoleBlock level="error">\n\n'
        "{/* transcheck-disable-next-line untranslated */}\n"
        'Warning: Each child in a list should have a unique "key" prop.\n\n</ConsoleBlock>\n\n'
        "Rendering lists needs a key on every item of the list. "
        "{/* transcheck-disable-line TC701 */}\n\n"
        "Keys must be unique among siblings in the list.\n\n"
        "key는 변경되어서는 안 되며 그렇게 되면 목적에 어긋납니다.\n\n"
        "렌더링 중에는 key를 생성하지 마세요.\n\n"
        "잘 선택된 key는 배열 내 위치보다 더 많은 정보를 제공합니다.\n"
    )
    found = check_pair(english, korean, Config(select=("TC701", "TC004")), "en.mdx", "ko.mdx")
    assert located(found) == [("TC701", 12)]
    bare = korean.replace("{/* transcheck-disable-next-line untranslated */}\n", "")
    bare = bare.replace(" {/* transcheck-disable-line TC701 */}", "")
    # without the directives the three blocks left in English one after another are one finding
    assert located(check_pair(english, bare, Config(select=("TC701",)), "en.mdx", "ko.mdx")) == [
        ("TC701", 5)
    ]
