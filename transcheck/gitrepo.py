"""Git, through the ``git`` command: changed files, files at a revision, history, diffs.

Subprocess rather than a library: git itself is always where transcheck runs in CI, and its
porcelain output with ``-z`` is stable. Every failure becomes a GitError with git's own words.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """A git command failed; the message carries git's stderr."""


def _git(root: Path, *args: str, binary: bool = False) -> bytes:
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if completed.returncode != 0:
        detail = (
            completed.stderr.decode("utf-8", "replace").strip() or f"exit {completed.returncode}"
        )
        raise GitError(f"git {' '.join(args)}: {detail}")
    return completed.stdout


def _text(root: Path, *args: str) -> str:
    return _git(root, *args).decode("utf-8", "replace")


def repo_root(path: Path) -> Path:
    """The top folder of the work tree that contains ``path``."""
    folder = path if path.is_dir() else path.parent
    return Path(_text(folder, "rev-parse", "--show-toplevel").strip())


def resolve(root: Path, rev: str) -> str:
    """The commit id ``rev`` names (a branch, tag, ``HEAD~2``, …)."""
    return _text(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()


def merge_base(root: Path, rev: str) -> str:
    """The commit where HEAD left ``rev``: what ``git diff REV...`` compares against."""
    return _text(root, "merge-base", rev, "HEAD").strip()


def _split_z(data: bytes) -> list[str]:
    return [part.decode("utf-8", "surrogateescape") for part in data.split(b"\0") if part]


def changed_since(root: Path, rev: str) -> set[str]:
    """Files (relative to the repo root) changed between merge-base(REV, HEAD) and the work tree,
    untracked files included."""
    base = merge_base(root, rev)
    changed = set(_split_z(_git(root, "diff", "--name-only", "-z", "--no-renames", base)))
    changed |= set(_split_z(_git(root, "ls-files", "--others", "--exclude-standard", "-z")))
    return changed


def files_at(root: Path, rev: str, folder: str = "") -> list[str]:
    """Files tracked at ``rev`` under ``folder`` (relative to the repo root), sorted."""
    args = ["ls-tree", "-r", "-z", "--name-only", rev]
    if folder:
        args += ["--", folder]
    return sorted(_split_z(_git(root, *args)))


def read_at(root: Path, rev: str, path: str) -> bytes:
    """The bytes of ``path`` (relative to the repo root) at ``rev``."""
    return _git(root, "show", f"{rev}:{path}")


def last_commit(root: Path, path: str) -> str | None:
    """The last commit that touched ``path``, or None for a file git does not know."""
    found = _text(root, "log", "-1", "--format=%H", "--", path).strip()
    return found or None


def diff_stat(root: Path, base: str, path: str) -> str:
    """``git diff --stat`` of ``path`` from ``base`` to the work tree."""
    return _text(root, "diff", "--stat", base, "--", path).strip()


def diff_text(root: Path, base: str, path: str) -> str:
    """The unified diff of ``path`` from ``base`` to the work tree."""
    return _text(root, "diff", base, "--", path)


@dataclass(frozen=True, slots=True)
class Hunk:
    """A changed range of the new file: first line (1-based) and line count (0 for a deletion)."""

    start: int
    count: int

    @property
    def lines(self) -> range:
        """The new-file lines the hunk touches; a pure deletion touches the line it falls on."""
        return range(self.start, self.start + max(self.count, 1))


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def changed_hunks(root: Path, base: str, path: str, head: str | None = None) -> list[Hunk]:
    """The hunks of ``path`` between ``base`` and ``head`` (the work tree when None)."""
    args = ["diff", "--unified=0", base] + ([head] if head else []) + ["--", path]
    hunks = []
    for match in _HUNK.finditer(_text(root, *args)):
        count = int(match.group(2)) if match.group(2) is not None else 1
        hunks.append(Hunk(int(match.group(1)), count))
    return hunks
