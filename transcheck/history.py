"""Drift with history: the English commit each Korean file translates, and the English sections
changed since, mapped through the alignment to the Korean sections to update (section-stale).

A translation is based on an English commit: the Korean front matter's ``source_commit`` when
present, else the last commit that touched the Korean file (with ``--source-rev``, the point of
the English history that commit had merged). A Korean file committed after the English change
is therefore up to date; an uncommitted (untracked) Korean file is taken to translate the
English as it is; the English is read from the work tree (or from ``--source-rev``), so its
uncommitted edits count. Both ``check`` and ``status`` use this module.

Cost: one ``git rev-parse`` and one ``git log`` over the Korean folder per run, then one ``git
diff`` of the English folder per distinct base commit (usually a handful: a translator commits
many files at once), each cached for the run.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from transcheck import gitrepo
from transcheck.align import Alignment
from transcheck.checks import PairContext
from transcheck.checks.staleness import SECTION_STALE
from transcheck.findings import Finding
from transcheck.lazy import compiled
from transcheck.model import Document
from transcheck.pairing import Pairing, PairingError, Tree, repo_folder
from transcheck.records import record
from transcheck.runner import ActiveRule, concerned_section, stamp

# git hunks mapped to sections only in a repository, for a translation with a known base
if TYPE_CHECKING:
    from transcheck.changes import StaleSection

SOURCE_COMMIT = "source_commit"  # the front-matter key some Korean translation repos use


@record
class Base:
    """The English commit a translation is based on (None: none known), how it was found, and
    why there is none (an unknown ``source_commit``, unrelated histories; '' otherwise)."""

    commit: str | None
    based_on: str
    note: str = ""


def repo_path(repo: Path, tree: Tree, rel: str) -> str:
    """A file (or folder, '' for the root) of a tree as a path relative to the repository root;
    a PairingError when it lies outside the repository."""
    if tree.git is not None:
        return posixpath.join(tree.git.folder, rel) if rel else tree.git.folder
    return repo_folder(repo, tree.root / rel if rel else tree.root)


_VALUE = compiled(r"""\s*[^:]+:\s*["']?([^"'#\s]+)""")


def declared_commit(korean: Document, path: Path) -> str | None:
    """The ``source_commit`` of the Korean front matter as written: YAML would read 0123456 as
    an octal number and 1e23456 as a float, so the value is taken from the file's own line."""
    front = korean.front_matter
    if front is None or SOURCE_COMMIT not in front.data:
        return None
    line = front.key_lines.get(SOURCE_COMMIT)
    if line is not None:
        rows = path.read_text(encoding="utf-8", errors="replace").splitlines()
        found = _VALUE().match(rows[line - 1]) if line <= len(rows) else None
        if found is not None:
            return found.group(1)
    return str(front.data[SOURCE_COMMIT])


class History:
    """The git history of one pairing's trees, asked once per run and cached."""

    def __init__(self, pairing: Pairing, repo: Path) -> None:
        """Read the last commit of every Korean file (one ``git log``); raises GitError, or
        PairingError when a side lies outside the repository."""
        self.pairing = pairing
        self.repo = repo
        self.source_rev = pairing.source.git.rev if pairing.source.git else None
        self.head = gitrepo.resolve(repo, self.source_rev) if self.source_rev else None
        self.english_folder = repo_path(repo, pairing.source, "")
        self.last = gitrepo.last_commits(repo, repo_path(repo, pairing.target, ""))
        self._bases: dict[str, Base] = {}  # last Korean commit or source_commit -> its base
        self._hunks: dict[str, Mapping[str, list[gitrepo.Hunk]]] = {}  # base -> English hunks

    @classmethod
    def of(cls, pairing: Pairing) -> History | None:
        """The history of a pairing, or None outside git (or English outside the Korean
        files' repository)."""
        try:
            return cls(pairing, gitrepo.repo_root(pairing.target.root))
        except (gitrepo.GitError, PairingError):
            return None

    def base(self, korean: Document, rel: str) -> Base:
        """The English commit the Korean file ``rel`` translates (see the module docstring)."""
        declared = declared_commit(korean, self.pairing.target.root / rel)
        if declared is not None:
            key = f"{SOURCE_COMMIT}:{declared}"
            if key not in self._bases:
                try:
                    self._bases[key] = Base(gitrepo.resolve(self.repo, declared), SOURCE_COMMIT)
                except gitrepo.GitError:
                    note = f"{SOURCE_COMMIT} {declared!r} is not a known commit"
                    self._bases[key] = Base(None, SOURCE_COMMIT, note)
            return self._bases[key]
        last = self.last.get(repo_path(self.repo, self.pairing.target, rel))
        if last is None:
            return Base(None, "not committed yet")
        if self.head is None:
            return Base(last, "last Korean commit")
        if last not in self._bases:
            try:
                based_on = f"merge-base of the last Korean commit and {self.source_rev}"
                self._bases[last] = Base(gitrepo.merge_base(self.repo, last, self.head), based_on)
            except gitrepo.GitError:
                note = "its history shares no commit with the English"
                self._bases[last] = Base(None, "last Korean commit", note)
        return self._bases[last]

    def hunks(self, base: str, english_rel: str) -> list[gitrepo.Hunk]:
        """The English file's hunks since ``base`` (to ``--source-rev``, else the work tree):
        one ``git diff`` of the whole English folder per base."""
        if base not in self._hunks:
            self._hunks[base] = gitrepo.changed_hunks_below(
                self.repo, base, self.english_folder, self.head
            )
        path = repo_path(self.repo, self.pairing.source, english_rel)
        return self._hunks[base].get(path, [])

    def stale(
        self, alignment: Alignment, english_rel: str, korean_rel: str
    ) -> tuple[Base, list[StaleSection]]:
        """The base of a pair and the English sections changed since, with their Korean ones."""
        base = self.base(alignment.target, korean_rel)
        hunks = self.hunks(base.commit, english_rel) if base.commit is not None else []
        if not hunks:  # the English unchanged since: mapping hunks to sections is not loaded
            return base, []
        from transcheck.changes import stale_sections

        return base, stale_sections(alignment, hunks)


class SectionStale:
    """What ``check`` reports from history: a section-stale finding per stale Korean section."""

    def __init__(self, history: History, rule: ActiveRule) -> None:
        """Report with ``rule`` from ``history``."""
        self.history = history
        self.rule = rule

    @classmethod
    def of(cls, pairing: Pairing, emitted: Mapping[str, ActiveRule]) -> SectionStale | None:
        """For a run with section-stale active and its trees in git; else None."""
        rule = emitted.get(SECTION_STALE.code)
        history = History.of(pairing) if rule is not None else None
        return cls(history, rule) if history is not None and rule is not None else None

    def findings(self, ctx: PairContext) -> list[Finding]:
        """One finding per Korean section whose English changed since the translation's base,
        at both headings; an English section with no Korean one is section-missing's."""
        base, sections = self.history.stale(ctx.alignment, ctx.source_rel, ctx.target_rel)
        found: dict[int, Finding] = {}
        for section in sections:
            if section.korean_line is None or section.korean_line in found:
                continue
            assert base.commit is not None
            message = (
                f"{section.english_name!r} changed upstream since {base.commit[:7]} "
                f"({base.based_on}): update {section.korean_name!r}"
            )
            source, target = ctx.at_source(section.english_line), ctx.at_target(section.korean_line)
            found[section.korean_line] = stamp(
                self.rule,
                message,
                source,
                target,
                identity="stale",  # not the base commit: it moves with every Korean commit
                section=concerned_section(ctx, source, target),
            )
        return list(found.values())
