"""`transcheck explain`: every rule carries an example that really gives its finding, and the
command prints the summary, the problem, the example with line numbers, the finding transcheck
gives on it (or a labelled illustration for git rules) and the fix."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.checks import REGISTRY, Rule
from transcheck.checks.registry import Example, Illustration
from transcheck.cli import app
from transcheck.examples import example_files, run_example


def rules(kind: type | None = None) -> list[object]:
    """Rules as test parameters named by code and name; only those whose example is a ``kind``."""
    return [
        pytest.param(rule, id=f"{rule.code}-{rule.name}")
        for rule in REGISTRY
        if kind is None or isinstance(rule.example, kind)
    ]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("rule", rules())
def test_every_rule_documents_a_problem_and_its_fix(rule: Rule) -> None:
    assert rule.example is not None, f"{rule.code} has no example"
    bad, good = rule.details.find("Bad:"), rule.details.find("\nGood:")
    assert -1 < bad < good, rule.details


@pytest.mark.parametrize("rule", rules(Example))
def test_the_example_gives_a_finding_of_exactly_its_rule(rule: Rule) -> None:
    assert isinstance(rule.example, Example)
    files = example_files(rule.example)
    found = run_example(rule, rule.example).findings
    assert found, f"{rule.code}: its example gives no finding"
    assert {(f.code, f.rule, f.severity) for f in found} == {(rule.code, rule.name, rule.severity)}
    for finding in found:
        for place in (finding.source, finding.target):
            if place.path is None:
                continue
            assert place.path in files, (place, sorted(files))
            if place.line is not None:  # a real line of the example file
                assert 1 <= place.line <= max(1, len(files[place.path].splitlines()))


@pytest.mark.parametrize("rule", rules(Example))
def test_explain_prints_the_example_and_the_finding_between_problem_and_fix(rule: Rule) -> None:
    assert isinstance(rule.example, Example)
    code, out, _ = run("explain", rule.code)
    assert code == 0
    finding = run_example(rule, rule.example).findings[0]
    line = f"  {finding.source} ↔ {finding.target}  {finding.severity.value:<7} {rule.code} "
    fixable = " [*]" if finding.fix is not None and finding.fix.safe else ""
    assert f"{line}{rule.name}{fixable}: {finding.message}\n" in out
    order = [out.index(mark) for mark in ("Bad:", "Example:\n", line, "\nGood:")]
    assert order == sorted(order), out


def test_explain_shows_the_example_fix_before_and_after() -> None:
    code, out, _ = run("explain", "anchor-broken")
    assert code == 0
    assert (
        "  Fix (safe; `--fix` applies it): write '#설정과-설치'\n"
        "     3 - [설치](#setup-and-install)로 이동합니다.\n"
        "     3 + [설치](#설정과-설치)로 이동합니다.\n"
    ) in out


@pytest.mark.parametrize("rule", rules(Illustration))
def test_illustrated_rules_print_a_labelled_illustration(rule: Rule) -> None:
    shown = rule.example
    assert isinstance(shown, Illustration)
    code, out, _ = run("explain", rule.name)
    assert code == 0
    label = (
        f"Example finding (an illustration written by hand, not run: a real one needs {shown.needs}"
    )
    assert label in out
    line = (
        f"  {shown.source} ↔ {shown.target}  {rule.severity.value:<7} {rule.code} {rule.name}: "
        f"{shown.message}\n"
    )
    assert out.index(label) < out.index(line) < out.index("\nGood:")
    assert "Example:\n" not in out  # nothing was run


TC201 = """\
TC201 link-missing (error)

A link of the English section is absent from the aligned Korean section.

Bad:  en `See [the paper](https://arxiv.org/abs/2205.14135)` ↔ ko `논문을 참고하세요`.

Example:
  en/chapter.md
     1  # Attention
     2
     3  See [the paper](https://arxiv.org/abs/2205.14135) for details.
  ko/chapter.md
     1  # 어텐션
     2
     3  자세한 내용은 논문을 참고하세요.

Example finding (what `transcheck check en ko` reports on these files):
  en/chapter.md:3 ↔ ko/chapter.md:3  error   TC201 link-missing: the English link \
[the paper](https://arxiv.org/abs/2205.14135) has no counterpart in the Korean section '# 어텐션': \
link the translated words to 'https://arxiv.org/abs/2205.14135'

Good: ko `[논문](https://arxiv.org/abs/2205.14135)을 참고하세요`.
The Korean line given is the paragraph or item that translates the English one holding the
link (or where it would be inserted). An English link that is itself broken is not asked
for (source-link-broken reports it), nor one in a paragraph with no translation at all
(block-missing reports the paragraph). The missing links of one English block (a sentence
the Korean translates from an older English) are one finding.
"""


def test_explain_tc201_by_code_or_name_prints_summary_example_finding_and_fix() -> None:
    for key in ("TC201", "link-missing", "tc201"):
        code, out, err = run("explain", key)
        assert (code, err) == (0, "")
        assert out == TC201, out


def test_unknown_rule_exits_2_and_says_where_rules_are_listed() -> None:
    code, out, err = run("explain", "link-mising")
    assert code == 2
    assert out == ""
    assert err == "transcheck: error: unknown rule 'link-mising'; `transcheck rules` lists them\n"


def test_example_settings_and_encodings_are_shown() -> None:
    """An example's own settings are printed as the transcheck.yaml they are; a chapter saved in
    another encoding says so; an off-by-default rule says it is."""
    out = run("explain", "TC111")[1]
    assert "  transcheck.yaml\n     1  block_length:\n     2    min_paragraphs: 5\n" in out
    assert "  ko/chapter.md (saved as cp949)\n     1  # 소개\n" in run("explain", "TC001")[1]
    assert run("explain", "TC304")[1].startswith("TC304 glossary-first-mention (info, off by ")
    glossary = run("explain", "TC302")[1]
    assert "  glossary.yaml\n     1  terms:\n     2    - term: sharding\n" in glossary


def test_paths_in_messages_never_name_the_temporary_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """From a working directory above the example folder, a message that names a file still
    names it relative to the example (en/…, ko/…)."""
    monkeypatch.chdir(Path(tempfile.gettempdir()).parent)
    out = run("explain", "link-target-missing")[1]
    assert "the English '../usage' leads to its translation ko/usage.md: write '../usage'" in out
    assert "transcheck-example" not in out
