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
section to update (a section-stale finding at the Korean heading). Outside git, the verdict
rests on the content alone.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from transcheck import gitrepo
from transcheck.align import align_sections
from transcheck.api import check_pairing
from transcheck.changes import StaleSection, stale_sections
from transcheck.checks.staleness import SECTION_STALE
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity
from transcheck.model import Document
from transcheck.pairing import FilePair, Pairing, Tree, pair_sides, repo_folder
from transcheck.results import PairResult
from transcheck.run import Side
from transcheck.runner import active_rules, by_code, stamp

SOURCE_COMMIT = "source_commit"  # the front-matter key some Korean translation repos use
STATES = ("up-to-date", "outdated", "untranslated", "orphan", "unknown")
UNTRANSLATED_BELOW = 0.5  # a chapter with less of its English paragraphs translated
# What an English change after translation leaves behind: these rules' warnings and errors
# (sections, blocks, lists, tables and lengths; links and images; code; math and numbers;
# content-drift and heading-drift).
OUTDATED_BY = frozenset(
    f"TC{n}"
    for n in (101, 102, 107, 108, 109, 110, 111, 201, 202, 203, 206, 501, 502, 503, 504, 601, 603)
) | {"TC704", "TC705"}


@dataclass(frozen=True)
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


def _repo_path(repo: Path, tree: Tree, rel: str) -> str:
    """A file of a tree as a path relative to the repository root."""
    if tree.git is not None:
        return posixpath.join(tree.git.folder, rel)
    return repo_folder(repo, tree.root / rel)


_VALUE = re.compile(r"""\s*[^:]+:\s*["']?([^"'#\s]+)""")


def _declared_commit(korean: Document, path: Path) -> str | None:
    """The ``source_commit`` of the Korean front matter as written: YAML would read 0123456 as
    an octal number and 1e23456 as a float, so the value is taken from the file's own line."""
    front = korean.front_matter
    if front is None or SOURCE_COMMIT not in front.data:
        return None
    line = front.key_lines.get(SOURCE_COMMIT)
    if line is not None:
        rows = path.read_text(encoding="utf-8", errors="replace").splitlines()
        found = _VALUE.match(rows[line - 1]) if line <= len(rows) else None
        if found is not None:
            return found.group(1)
    return str(front.data[SOURCE_COMMIT])


class _Status:
    """The status of every pair of one pairing, against its repository when there is one."""

    def __init__(self, pairing: Pairing, config: Config, source_rev: str | None, diff: bool):
        """Find the repository (None outside git, unless ``source_rev`` needs it) and resolve
        the English head (None: the work tree)."""
        self.pairing = pairing
        self.config = config
        try:
            self.repo: Path | None = gitrepo.repo_root(pairing.target.root)
        except gitrepo.GitError:
            if source_rev:
                raise
            self.repo = None
        self.source_rev = source_rev
        self.head = gitrepo.resolve(self.repo, source_rev) if self.repo and source_rev else None
        self.with_diff = diff
        self.english = Side(pairing.source, config)
        self.korean = Side(pairing.target, config)
        self.stale_rule = by_code(active_rules(config)).get(SECTION_STALE.code)

    def base(self, repo: Path, korean: Document, rel: str) -> tuple[str | None, str, str]:
        """The English commit the translation is based on, how it was found, and why there is
        none (an unknown ``source_commit``, unrelated histories; '' for an uncommitted file,
        which is taken to translate the current English)."""
        declared = _declared_commit(korean, self.pairing.target.root / rel)
        if declared is not None:
            try:
                return gitrepo.resolve(repo, str(declared)), SOURCE_COMMIT, ""
            except gitrepo.GitError:
                return None, SOURCE_COMMIT, f"{SOURCE_COMMIT} {declared!r} is not a known commit"
        last = gitrepo.last_commit(repo, _repo_path(repo, self.pairing.target, rel))
        if last is None:
            return None, "not committed yet", ""
        if self.head is None:
            return last, "last Korean commit", ""
        try:
            based_on = f"merge-base of the last Korean commit and {self.source_rev}"
            return gitrepo.merge_base(repo, last, self.head), based_on, ""
        except gitrepo.GitError:
            return None, "last Korean commit", "its history shares no commit with the English"

    def chapter(self, pair: FilePair, result: PairResult) -> ChapterStatus:
        """The verdict on one pair: its history (in git) and what its check found."""
        show_en, show_ko = result.source, result.target
        if pair.source is None:
            return ChapterStatus(show_en, show_ko, "orphan", reasons=("no English source file",))
        if pair.target is None:
            return ChapterStatus(show_en, show_ko, "untranslated", reasons=("no Korean file",))
        english, korean = self.english.load(pair.source), self.korean.load(pair.target)
        if english is None or korean is None:
            return ChapterStatus(show_en, show_ko, "unknown", note="a file cannot be read")
        state, reasons, evidence = content_verdict(result)
        if self.repo is None:
            return ChapterStatus(show_en, show_ko, state, findings=evidence, reasons=reasons)
        base, based_on, note = self.base(self.repo, korean, pair.target)
        found = ChapterStatus(
            show_en, show_ko, state, base, based_on, note, findings=evidence, reasons=reasons
        )
        if base is None:
            return found
        english_path = _repo_path(self.repo, self.pairing.source, pair.source)
        hunks = gitrepo.changed_hunks(self.repo, base, english_path, self.head)
        if not hunks:
            return found
        alignment = align_sections(english, korean, self.config.rewrite_link)
        sections = tuple(stale_sections(alignment, hunks))
        stale = tuple(self._finding(s, base, english, korean) for s in sections if self.stale_rule)
        count = f"{len(sections)} English section{'s' if len(sections) != 1 else ''}"
        changed = f"{count} changed since {base[:7]}"
        return dataclasses.replace(
            found,
            state="untranslated" if state == "untranslated" else "outdated",
            diff_stat=gitrepo.diff_stat(self.repo, base, english_path, self.head),
            diff=gitrepo.diff_text(self.repo, base, english_path, self.head)
            if self.with_diff
            else "",
            sections=sections,
            findings=stale + evidence,
            reasons=(changed, *reasons),
        )

    def _finding(
        self, section: StaleSection, base: str, english: Document, korean: Document
    ) -> Finding:
        """The section-stale finding of one stale section, at the Korean heading."""
        assert self.stale_rule is not None
        if section.korean_name is None:
            message = (
                f"{section.english_name!r} changed upstream since {base[:7]} and has no Korean "
                "section: translate it"
            )
        else:
            message = (
                f"{section.english_name!r} changed upstream since {base[:7]}: update "
                f"{section.korean_name!r}"
            )
        return stamp(
            self.stale_rule,
            message,
            Location(english.path, section.english_line),
            Location(korean.path, section.korean_line),
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
        status = _Status(pairing, config, source_rev, diff)
        report = check_pairing(pairing, config)
        return [
            status.chapter(pair, result)
            for pair, result in zip(pairing.pairs, report.pairs, strict=True)
        ]
