"""``transcheck explain``: a rule's documentation, its example's files with line numbers, the
finding transcheck gives on them, then how to fix it (the docstring's Good part)."""

from __future__ import annotations

import re

import yaml

from transcheck.checks import Rule
from transcheck.checks.registry import Example, Illustration
from transcheck.examples import CHAPTER, CONFIG, ExampleRun
from transcheck.findings import Finding
from transcheck.report.text import finding_line

_GOOD = re.compile(r"^Good:", re.MULTILINE)


def split_details(details: str) -> tuple[str, str]:
    """The docstring's details before its ``Good:`` line (the problem) and from it (the fix)."""
    found = _GOOD.search(details)
    if found is None:
        return details, ""
    return details[: found.start()].rstrip(), details[found.start() :]


def _numbered(path: str, text: str, note: str) -> list[str]:
    """One file of the example under its path, each line with its number."""
    lines = text.splitlines()
    body = [f"  {number:>4}  {line}".rstrip() for number, line in enumerate(lines, start=1)]
    return [f"  {path}{note}", *(body or ["        (empty file)"])]


def _example(example: Example, run: ExampleRun) -> list[str]:
    """The example's files and settings, then the findings transcheck gave on them."""
    lines = ["Example:"]
    for path, text in run.files:
        recoded = path == f"ko/{CHAPTER}" and example.encoding != "utf-8"
        lines += _numbered(path, text, f" (saved as {example.encoding})" if recoded else "")
    if example.config:
        settings = yaml.safe_dump(dict(example.config), allow_unicode=True, sort_keys=False)
        lines += _numbered(CONFIG, settings, "")
    lines += ["", "Example finding (what `transcheck check en ko` reports on these files):"]
    for finding in run.findings:
        lines += [finding_line(finding, False), *_fix_lines(finding)]
    return lines


def _fix_lines(finding: Finding) -> list[str]:
    """The finding's fix, if any: what it does, whether ``--fix`` applies it, each touched
    line before and after."""
    fix = finding.fix
    if fix is None:
        return []
    applied = "`--fix` applies it" if fix.safe else "only `--fix --unsafe-fixes` applies it"
    lines = [f"  Fix ({fix.safety.value}; {applied}): {fix.description}"]
    for (number, old), (_, new) in zip(fix.before, fix.after(), strict=True):
        lines += [f"  {number:>4} - {old}", f"  {number:>4} + {new}"]
    return lines


def _illustration(rule: Rule, shown: Illustration) -> list[str]:
    """A hand-written finding, labelled as such."""
    finding = Finding(
        rule.code, rule.name, rule.severity, shown.message, shown.source, shown.target
    )
    return [
        "Example finding (an illustration written by hand, not run: a real one needs "
        f"{shown.needs}):",
        finding_line(finding, False),
    ]


def render(rule: Rule, run: ExampleRun | None) -> str:
    """Header, summary, the problem, the example and its finding, then the fix."""
    state = "" if rule.enabled else ", off by default"
    lines = [f"{rule.code} {rule.name} ({rule.severity.value}{state})", "", rule.summary, ""]
    problem, fix = split_details(rule.details)
    if problem:
        lines += [problem, ""]
    if isinstance(rule.example, Illustration):
        lines += [*_illustration(rule, rule.example), ""]
    elif isinstance(rule.example, Example) and run is not None:
        lines += [*_example(rule.example, run), ""]
    if fix:
        lines.append(fix)
    return "\n".join(lines).rstrip("\n") + "\n"
