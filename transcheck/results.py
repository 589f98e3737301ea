"""What a check run returns: per-pair results and the Report every format renders."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from transcheck.checks.inputs import INTERNAL_ERROR
from transcheck.findings import Finding, Severity
from transcheck.parse import InputError
from transcheck.records import record
from transcheck.runner import ActiveRule

if TYPE_CHECKING:  # the html format only
    from transcheck.chapterview import ChapterView


@record
class PairResult:
    """One file pair as checked: display paths (None for a missing side) and its findings.

    ``suppressed`` were silenced by inline comments, ``baselined`` accepted by a baseline; both
    stay out of ``findings`` (and the exit code) but SARIF still lists them.
    """

    source: str | None
    target: str | None
    findings: tuple[Finding, ...]
    translated: float | None = None  # share of English paragraphs translated (untranslated.py)
    suppressed: tuple[Finding, ...] = ()
    baselined: tuple[Finding, ...] = ()


@record
class Report:
    """Everything a format renders: per-pair results, the active rules, and input failures.

    ``fixed`` counts baseline entries no longer found (None when no baseline was used).
    """

    pairs: tuple[PairResult, ...]
    rules: tuple[ActiveRule, ...]
    input_errors: tuple[InputError, ...] = ()  # paired files that could not be read
    fixed: int | None = None
    chapters: tuple[ChapterView, ...] = ()  # side-by-side views; only the html format asks

    @property
    def unreadable(self) -> int:
        """How many paired files could not be read (any makes the exit code 2)."""
        return len(self.input_errors)

    @property
    def internal_errors(self) -> tuple[Finding, ...]:
        """transcheck's own failures (internal-error), wherever they went: suppressions and a
        baseline set findings aside, but a crash still makes the exit code 2."""
        every = self.findings + self.suppressed + self.baselined
        return tuple(f for f in every if f.code == INTERNAL_ERROR.code)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings, pair by pair, each pair's sorted by line."""
        return tuple(f for pair in self.pairs for f in pair.findings)

    @property
    def suppressed(self) -> tuple[Finding, ...]:
        """Findings silenced by inline suppression comments, pair by pair."""
        return tuple(f for pair in self.pairs for f in pair.suppressed)

    @property
    def baselined(self) -> tuple[Finding, ...]:
        """Findings the baseline accepted, pair by pair."""
        return tuple(f for pair in self.pairs for f in pair.baselined)

    @property
    def baseline_used(self) -> bool:
        """Whether a baseline file was applied to this report."""
        return self.fixed is not None

    def summary(self) -> dict[str, Any]:
        """Totals by severity and by rule code, how many pairs and files were seen, each
        Korean file's translated share (by paragraphs), and what suppressions and the baseline
        set aside."""
        findings = self.findings
        by_severity = Counter(f.severity.value for f in findings)
        return {
            "pairs": len(self.pairs),
            "findings": len(findings),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in reversed(Severity)},
            "by_rule": dict(sorted(Counter(f.code for f in findings).items())),
            "unreadable_files": self.unreadable,
            "translated": {
                pair.target: round(pair.translated, 4)
                for pair in self.pairs
                if pair.target is not None and pair.translated is not None
            },
            "suppressed": len(self.suppressed),
            "baseline": (
                {"unchanged": len(self.baselined), "no_longer_present": self.fixed}
                if self.fixed is not None
                else None
            ),
        }
