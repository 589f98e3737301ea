"""``check --fix`` and ``--diff``: fix passes over a report, and what to tell the user.

``--fix`` applies the fixes of the reported findings, checks again, and repeats while a pass
changed a file (a fix skipped because it overlapped another, or one that the re-check brings
out, is then applied), at most MAX_PASSES times: the findings left are reported as usual.
``--diff`` computes the same edits and writes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from transcheck.counted import plural
from transcheck.findings import Finding
from transcheck.fixes.apply import FileFix, fix_files, fixable, unified_diff
from transcheck.records import record
from transcheck.results import Report

MAX_PASSES = 4


@record(eq=True)
class FixRun:
    """Every file fixed over the passes, the report of what remains, and the last pass's
    results (its skipped fixes and errors are the ones still standing)."""

    fixed: tuple[Finding, ...]
    last: tuple[FileFix, ...]
    report: Report

    @property
    def errors(self) -> list[FileFix]:
        """Files that could not be fixed."""
        return [result for result in self.last if result.error is not None]


def fix(report: Report, recheck: Callable[[], Report], unsafe: bool) -> FixRun:
    """Apply fixes to the Korean files and check again, pass after pass (see module doc)."""
    fixed: list[Finding] = []
    results: list[FileFix] = []
    for _ in range(MAX_PASSES):
        results = fix_files(report.findings, unsafe, write=True)
        fixed += [finding for result in results if result.changed for finding in result.fixed]
        if not any(result.changed for result in results):
            break
        report = recheck()
    return FixRun(tuple(fixed), tuple(results), report)


def diff(report: Report, unsafe: bool) -> tuple[str, list[FileFix]]:
    """The unified diff of every file the fixes would change, and each file's result."""
    results = fix_files(report.findings, unsafe, write=False)
    return "".join(unified_diff(r) for r in results if r.changed), results


def _by_rule(findings: Sequence[Finding]) -> str:
    counts = Counter(f.code for f in findings)
    return ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))


def problems(results: Sequence[FileFix]) -> list[str]:
    """One line per file that could not be fixed and per fix that was skipped."""
    lines = [f"{r.path}: {r.error}" for r in results if r.error is not None]
    lines += [
        f"{finding.target}: {finding.code} fix skipped: {why}"
        for result in results
        for finding, why in result.skipped
    ]
    return lines


def fixed_summary(run: FixRun, unsafe: bool) -> str:
    """``fixed 12 findings in 3 files (TC203 7, TC204 5); 140 remain, 2 of them fixable
    with --unsafe-fixes``."""
    files = len({f.target.path for f in run.fixed})
    text = f"fixed {plural(len(run.fixed), 'finding')}"
    if run.fixed:
        text += f" in {plural(files, 'file')} ({_by_rule(run.fixed)})"
    remain = run.report.findings
    text += f"; {len(remain)} remain"
    more = len(fixable(remain, True)) - len(fixable(remain, unsafe))
    if more:
        text += f", {more} of them fixable with --unsafe-fixes"
    return text


def diff_summary(results: Sequence[FileFix]) -> str:
    """``would fix 12 findings in 3 files (TC203 7, TC204 5)``."""
    changed = [r for r in results if r.changed]
    found = [f for r in changed for f in r.fixed]
    if not found:
        return "nothing to fix"
    return (
        f"would fix {plural(len(found), 'finding')} in {plural(len(changed), 'file')} "
        f"({_by_rule(found)})"
    )
