"""What a git range changed: the pairs ``--changed-since`` checks, and where a changed English
file needs its Korean file updated (English hunks -> English sections -> aligned Korean ones)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from transcheck import gitrepo
from transcheck.align import Alignment
from transcheck.checks.structure import describe
from transcheck.pairing import FilePair, Pairing, Tree, repo_folder
from transcheck.records import record


@record
class StaleSection:
    """An English part that changed (a section, or the front matter) and the Korean part that
    translates it (line None when the Korean file has none), each with a name to show."""

    english_line: int
    english_name: str
    korean_line: int | None
    korean_name: str | None


def stale_sections(alignment: Alignment, hunks: Sequence[gitrepo.Hunk]) -> list[StaleSection]:
    """The English sections (front matter included) whose text the hunks of the English diff
    change, each with its aligned Korean section, in English order, each once."""
    english, korean = alignment.source, alignment.target
    front = english.front_matter
    touched: dict[int, StaleSection] = {}
    for line in sorted({line for hunk in hunks for line in hunk.lines}):
        if front is not None and line <= front.end_line:
            korean_front = korean.front_matter
            touched.setdefault(
                front.line,
                StaleSection(
                    front.line,
                    "the front matter",
                    korean_front.line if korean_front else None,
                    "the front matter" if korean_front else None,
                ),
            )
            continue
        section = english.section_at(line)
        if section.line in touched or (section.is_preamble and not section.blocks):
            continue
        index = alignment.target_of.get(section.index)
        match = korean.sections[index] if index is not None else None
        touched[section.line] = StaleSection(
            section.line,
            describe(section),
            match.line if match else None,
            describe(match) if match else None,
        )
    return [touched[line] for line in sorted(touched)]


@record
class SourceChange:
    """An English file changed in the range while its Korean file was not: the revision given,
    the merge-base the range starts at, and the English hunks (new-file lines)."""

    rev: str
    base: str
    hunks: tuple[gitrepo.Hunk, ...]


@record
class ChangedPairs:
    """The pairs with a side changed in the range, and the English-only changes among them."""

    pairs: tuple[FilePair, ...]
    source_changes: Mapping[FilePair, SourceChange]


def _repo_path(repo: Path, tree: Tree, rel: str | None) -> str | None:
    """A work-tree file's path relative to the repository root (None for git-read trees)."""
    if rel is None or tree.git is not None:
        return None
    return repo_folder(repo, tree.root / rel)


def changed_pairs(pairing: Pairing, rev: str) -> ChangedPairs:
    """Pairs where either side changed between merge-base(``rev``, HEAD) and the work tree
    (untracked files count as changed), like ``git diff REV...`` plus new files."""
    repo = gitrepo.repo_root(pairing.target.root)
    base = gitrepo.merge_base(repo, rev)
    changed = gitrepo.changed_since(repo, rev)
    kept: list[FilePair] = []
    source_changes: dict[FilePair, SourceChange] = {}
    for pair in pairing.pairs:
        english = _repo_path(repo, pairing.source, pair.source)
        korean = _repo_path(repo, pairing.target, pair.target)
        english_changed, korean_changed = english in changed, korean in changed
        if not (english_changed or korean_changed):
            continue
        kept.append(pair)
        if english_changed and korean is not None and not korean_changed:
            assert english is not None
            hunks = tuple(gitrepo.changed_hunks(repo, base, english))
            source_changes[pair] = SourceChange(rev, base, hunks)
    return ChangedPairs(tuple(kept), source_changes)
