"""``transcheck status``: a verdict per chapter, up-to-date / outdated / untranslated / orphan,
with the reasons, from git history where there is one and from the content always.

A chapter is **orphan** without English source, **untranslated** without Korean file or with
less than half of its English paragraphs translated, **outdated** when the English changed after
its translation, else **up-to-date**. The English changed when git says so, or when the check
finds what an English change leaves behind (``OUTDATED_BY``: a section, paragraph, list item,
link, code, number or sentence the Korean lacks, a renamed heading; rules the config turns off
count for nothing). In git, a translation is based on an English commit: the Korean front
matter's ``source_commit`` when present, else the last commit that touched the Korean file
(with ``--source-rev``, the point of the English history that commit had merged); each English
hunk since then is mapped to its English section and, through the alignment, to the Korean
section to update (transcheck.history; ``check`` reports these as section-stale findings at the
Korean heading, and the verdict takes them). Outside git, the verdict rests on the content alone.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from transcheck import gitrepo
from transcheck.align import align_sections
from transcheck.api import check_pairing
from transcheck.changes import StaleSection
from transcheck.checks.staleness import SECTION_STALE
from transcheck.config import Config
from transcheck.counted import plural
from transcheck.findings import Finding, Severity
from transcheck.history import History, repo_path
from transcheck.pairing import FilePair, Pairing, pair_sides
from transcheck.records import record
from transcheck.results import PairResult
from transcheck.run import Side

STATES = ("up-to-date", "outdated", "untranslated", "orphan", "unknown")
UNTRANSLATED_BELOW = 0.5  # a chapter with less of its English paragraphs translated
# What an English change after translation leaves behind: these rules' warnings and errors
# (sections, blocks, lists, tables and lengths; links and images; code; math and numbers;
# content-drift and heading-drift).
OUTDATED_BY = frozenset(
    f"TC{n}"
    for n in (101, 102, 107, 108, 109, 110, 111, 201, 202, 203, 206, 501, 502, 503, 504, 601, 603)
) | {"TC704", "TC705"}


@record(eq=True)
class ChapterStatus:
    """One chapter's verdict and its reasons; in git, the English commit its translation is
    based on (and how that was found), the English changes since, and the Korean sections
    they make stale; the findings behind the verdict."""

    source: str | None
    target: str | None
    state: str  # one of STATES
    base: str | None = None
    based_on: str = ""
    note: str = ""
    diff_stat: str = ""
    diff: str = ""
    sections: tuple[StaleSection, ...] = ()
    findings: tuple[Finding, ...] = ()
    reasons: tuple[str, ...] = ()


def content_verdict(result: PairResult) -> tuple[str, tuple[str, ...], tuple[Finding, ...]]:
    """What a pair's check says: untranslated (with its share), outdated (with the findings
    an English change leaves behind) or up-to-date."""
    share = result.translated
    if share is not None and share < UNTRANSLATED_BELOW:
        return "untranslated", (f"{share:.0%} of the English paragraphs are translated",), ()
    evidence = tuple(
        f for f in result.findings if f.code in OUTDATED_BY and f.severity is not Severity.INFO
    )
    if not evidence:
        return "up-to-date", (), ()
    counts: dict[str, int] = {}
    for finding in evidence:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    listed = ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in counts.items())
    return "outdated", (f"the check finds what an English change leaves: {listed}",), evidence


class _Status:
    """The status of every pair of one pairing, against its repository when there is one."""

    def __init__(self, pairing: Pairing, config: Config, diff: bool):
        """Read the history (None outside git) and prepare both sides."""
        self.history = History.of(pairing)
        self.config = config
        self.with_diff = diff
        self.english = Side(pairing.source, config)
        self.korean = Side(pairing.target, config)

    def chapter(self, pair: FilePair, result: PairResult) -> ChapterStatus:
        """The verdict on one pair: its history (in git) and what its check found (its
        section-stale findings among them)."""
        show_en, show_ko = result.source, result.target
        if pair.source is None:
            return ChapterStatus(show_en, show_ko, "orphan", reasons=("no English source file",))
        if pair.target is None:
            return ChapterStatus(show_en, show_ko, "untranslated", reasons=("no Korean file",))
        english, korean = self.english.load(pair.source), self.korean.load(pair.target)
        if english is None or korean is None:
            return ChapterStatus(show_en, show_ko, "unknown", note="a file cannot be read")
        state, reasons, evidence = content_verdict(result)
        if self.history is None:
            return ChapterStatus(show_en, show_ko, state, findings=evidence, reasons=reasons)
        history = self.history
        base = history.base(korean, pair.target)
        found = ChapterStatus(
            show_en,
            show_ko,
            state,
            base.commit,
            base.based_on,
            base.note,
            findings=evidence,
            reasons=reasons,
        )
        if base.commit is None or not history.hunks(base.commit, pair.source):
            return found
        alignment = align_sections(english, korean, self.config.rewrite_link)
        _, sections = history.stale(alignment, pair.source, pair.target)
        stale = tuple(f for f in result.findings if f.code == SECTION_STALE.code)
        count = plural(len(sections), "English section")
        changed = f"{count} changed since {base.commit[:7]}"
        english_path = repo_path(history.repo, history.pairing.source, pair.source)
        return dataclasses.replace(
            found,
            state="untranslated" if state == "untranslated" else "outdated",
            diff_stat=gitrepo.diff_stat(history.repo, base.commit, english_path, history.head),
            diff=gitrepo.diff_text(history.repo, base.commit, english_path, history.head)
            if self.with_diff
            else "",
            sections=tuple(sections),
            findings=stale + evidence,
            reasons=(changed, *reasons),
        )


def chapter_status(
    source: Path,
    target: Path,
    config: Config | None = None,
    *,
    source_rev: str | None = None,
    diff: bool = False,
) -> list[ChapterStatus]:
    """The verdict on every chapter of two trees (or two files); with git history where the
    trees are in a repository, the English side read from ``source_rev`` when given. Raises
    PairingError, GitError or ConfigError."""
    config = config or Config()
    with tempfile.TemporaryDirectory(prefix="transcheck-") as scratch:
        pairing = pair_sides(source, target, config, source_rev, Path(scratch))
        status = _Status(pairing, config, diff)
        report = check_pairing(pairing, config)
        return [
            status.chapter(pair, result)
            for pair, result in zip(pairing.pairs, report.pairs, strict=True)
        ]
