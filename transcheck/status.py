"""``transcheck status``: per chapter, translated / stale / missing / orphan, from git history.

A translation is based on an English commit: the Korean front matter's ``source_commit`` when
present, else the last commit that touched the Korean file (with ``--source-rev``, the point of
the English history that commit had merged). It is stale when the English file changed since
then; each changed hunk is mapped to its English section and, through the alignment, to the
Korean section to update (a section-stale finding at the Korean heading).
"""

from __future__ import annotations

import posixpath
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from transcheck import gitrepo
from transcheck.align import align_sections
from transcheck.changes import StaleSection, stale_sections
from transcheck.checks.staleness import SECTION_STALE
from transcheck.config import Config
from transcheck.findings import Finding, Location
from transcheck.model import Document
from transcheck.pairing import FilePair, Pairing, Tree, pair_sides, repo_folder
from transcheck.run import Side
from transcheck.runner import active_rules, by_code, stamp

SOURCE_COMMIT = "source_commit"  # the front-matter key some Korean translation repos use


@dataclass(frozen=True)
class ChapterStatus:
    """One chapter's state, the English commit its translation is based on (and how that was
    found), the English changes since, and the Korean sections they make stale."""

    source: str | None
    target: str | None
    state: str  # translated | stale | missing | orphan | unknown
    base: str | None = None
    based_on: str = ""
    note: str = ""
    diff_stat: str = ""
    diff: str = ""
    sections: tuple[StaleSection, ...] = ()
    findings: tuple[Finding, ...] = ()


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
    """The status of every pair of one pairing, against one repository."""

    def __init__(self, pairing: Pairing, config: Config, source_rev: str | None, diff: bool):
        """Find the repository and resolve the English head (None: the work tree)."""
        self.pairing = pairing
        self.config = config
        self.repo = gitrepo.repo_root(pairing.target.root)
        self.source_rev = source_rev
        self.head = gitrepo.resolve(self.repo, source_rev) if source_rev else None
        self.with_diff = diff
        self.english = Side(pairing.source, config)
        self.korean = Side(pairing.target, config)
        self.stale_rule = by_code(active_rules(config)).get(SECTION_STALE.code)

    def base(self, korean: Document, rel: str) -> tuple[str | None, str, str]:
        """The English commit the translation is based on, how it was found, and why there is
        none (an unknown ``source_commit``, unrelated histories; '' for an uncommitted file,
        which is taken to translate the current English)."""
        declared = _declared_commit(korean, self.pairing.target.root / rel)
        if declared is not None:
            try:
                return gitrepo.resolve(self.repo, str(declared)), SOURCE_COMMIT, ""
            except gitrepo.GitError:
                return None, SOURCE_COMMIT, f"{SOURCE_COMMIT} {declared!r} is not a known commit"
        last = gitrepo.last_commit(self.repo, _repo_path(self.repo, self.pairing.target, rel))
        if last is None:
            return None, "not committed yet", ""
        if self.head is None:
            return last, "last Korean commit", ""
        try:
            based_on = f"merge-base of the last Korean commit and {self.source_rev}"
            return gitrepo.merge_base(self.repo, last, self.head), based_on, ""
        except gitrepo.GitError:
            return None, "last Korean commit", "its history shares no commit with the English"

    def chapter(self, pair: FilePair) -> ChapterStatus:
        """The status of one pair."""
        show_en = self.pairing.source.display(pair.source) if pair.source else None
        show_ko = self.pairing.target.display(pair.target) if pair.target else None
        if pair.source is None or pair.target is None:
            return ChapterStatus(show_en, show_ko, "orphan" if pair.source is None else "missing")
        english, korean = self.english.load(pair.source), self.korean.load(pair.target)
        if english is None or korean is None:
            return ChapterStatus(show_en, show_ko, "unknown", note="a file cannot be read")
        base, based_on, note = self.base(korean, pair.target)
        if base is None:
            state = "unknown" if note else "translated"
            return ChapterStatus(show_en, show_ko, state, based_on=based_on, note=note)
        english_path = _repo_path(self.repo, self.pairing.source, pair.source)
        hunks = gitrepo.changed_hunks(self.repo, base, english_path, self.head)
        if not hunks:
            return ChapterStatus(show_en, show_ko, "translated", base, based_on)
        alignment = align_sections(english, korean, self.config.rewrite_link)
        sections = tuple(stale_sections(alignment, hunks))
        return ChapterStatus(
            show_en,
            show_ko,
            "stale",
            base,
            based_on,
            diff_stat=gitrepo.diff_stat(self.repo, base, english_path, self.head),
            diff=gitrepo.diff_text(self.repo, base, english_path, self.head)
            if self.with_diff
            else "",
            sections=sections,
            findings=tuple(self._finding(s, base, english, korean) for s in sections)
            if self.stale_rule
            else (),
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
    """The status of every chapter of two trees (or two files) in a git repository; the English
    side read from ``source_rev`` when given. Raises PairingError, GitError or ConfigError."""
    config = config or Config()
    with tempfile.TemporaryDirectory(prefix="transcheck-") as scratch:
        pairing = pair_sides(source, target, config, source_rev, Path(scratch))
        status = _Status(pairing, config, source_rev, diff)
        return [status.chapter(pair) for pair in pairing.pairs]
