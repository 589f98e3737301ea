"""Git, through the ``git`` command: changed files, files at a revision, history, diffs.

Subprocess rather than a library: git itself is always where transcheck runs in CI, and its
porcelain output with ``-z`` is stable. Every failure becomes a GitError with git's own words.
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import os
import re
import subprocess
from pathlib import Path, PurePosixPath

from transcheck.records import record


class GitError(Exception):
    """A git command failed; the message carries git's stderr."""


def _git(root: Path, *args: str) -> bytes:
    """Run ``git -C root ARGS``; its stdout, or a GitError with its stderr."""
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
    """Like _git, decoded as UTF-8 (bad bytes replaced)."""
    return _git(root, *args).decode("utf-8", "replace")


def repo_root(path: Path) -> Path:
    """The top folder of the work tree that contains ``path``."""
    folder = path if path.is_dir() else path.parent
    return Path(_text(folder, "rev-parse", "--show-toplevel").strip())


def resolve(root: Path, rev: str) -> str:
    """The commit id ``rev`` names (a branch, tag, ``HEAD~2``, …)."""
    return _text(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()


def _shallow_hint(root: Path) -> str:
    """A hint for a history that a shallow clone cuts off ('' when the clone is complete)."""
    try:
        shallow = _text(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except GitError:
        return ""
    return (
        "; this is a shallow clone, so the history needed is missing: fetch it "
        "(actions/checkout: `fetch-depth: 0`; elsewhere `git fetch --unshallow`)"
        if shallow
        else ""
    )


def merge_base(root: Path, rev: str, other: str = "HEAD") -> str:
    """The commit where ``other`` (HEAD) left ``rev``: what ``git diff REV...`` compares against.
    In a shallow clone the error says how to fetch the history."""
    try:
        return _text(root, "merge-base", rev, other).strip()
    except GitError as error:
        raise GitError(f"{error}{_shallow_hint(root)}") from None


def object_type(root: Path, rev: str, path: str) -> str | None:
    """``blob`` (a file) or ``tree`` (a folder) for ``path`` at ``rev``; None when absent."""
    spec = f"{rev}:{path}" if path else f"{rev}^{{tree}}"
    try:
        return _text(root, "cat-file", "-t", spec).strip()
    except GitError:
        return None


def export(root: Path, rev: str, folder: str, destination: Path, suffixes: tuple[str, ...]) -> int:
    """Write the files of ``folder`` at ``rev`` whose names end with ``suffixes`` below
    ``destination`` (paths kept relative to the repo root); how many were written.

    ``git archive`` reads the commit only: the work tree and the index are left alone. A
    symlink stays a symlink, so the reading policy refuses one that leads out of the tree.
    """
    import tarfile  # only source-rev checks read an archive: keep it out of every start-up

    data = _git(root, "archive", "--format=tar", rev, *([folder] if folder else []))
    written = 0
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive:
            name = PurePosixPath(member.name)
            if ".." in name.parts or not member.name.endswith(suffixes):
                continue
            target = destination.joinpath(*name.parts)
            if member.issym():  # kept a symlink: reading refuses it if it leaves the tree
                target.parent.mkdir(parents=True, exist_ok=True)
                os.symlink(member.linkname, target)
                written += 1
                continue
            extracted = archive.extractfile(member) if member.isfile() else None
            if extracted is None:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(extracted.read())
            written += 1
    return written


def _split_z(data: bytes) -> list[str]:
    """The paths of NUL-separated ``-z`` output."""
    return [part.decode("utf-8", "surrogateescape") for part in data.split(b"\0") if part]


def changed_since(root: Path, rev: str) -> set[str]:
    """Files (relative to the repo root) changed between merge-base(REV, HEAD) and the work tree,
    untracked files included."""
    base = merge_base(root, rev)
    changed = set(_split_z(_git(root, "diff", "--name-only", "-z", "--no-renames", base, "--")))
    changed |= set(_split_z(_git(root, "ls-files", "--others", "--exclude-standard", "-z")))
    return changed


def last_commits(root: Path, folder: str) -> dict[str, str]:
    """The last commit that touched each file below ``folder`` (relative to the repo root, ''
    for all), by path: one ``git log`` for every file; a file git does not know is absent."""
    args = ["log", "--format=%x01%H", "--name-only", "--no-renames", "-z", "--", folder or "."]
    last: dict[str, str] = {}
    for entry in _git(root, *args).split(b"\x01")[1:]:
        commit, *paths = _split_z(entry)
        for path in paths:
            last.setdefault(path.lstrip("\n"), commit)
    return last


_PLAIN = ("--no-color", "--no-ext-diff")  # whatever the user's git config says


def _range(base: str, head: str | None) -> list[str]:
    """The revisions of a diff: ``base`` to ``head``, or to the work tree when head is None."""
    return [base, head] if head else [base]


def diff_stat(root: Path, base: str, path: str, head: str | None = None) -> str:
    """``git diff --stat`` of ``path`` from ``base`` to ``head`` (the work tree when None)."""
    return _text(root, "diff", *_PLAIN, "--stat", *_range(base, head), "--", path).rstrip()


def diff_text(root: Path, base: str, path: str, head: str | None = None) -> str:
    """The unified diff of ``path`` from ``base`` to ``head`` (the work tree when None)."""
    return _text(root, "diff", *_PLAIN, *_range(base, head), "--", path)


@record(slots=True)
class Hunk:
    """A changed range of the new file: first line (1-based), line count (0 for a deletion),
    and the text of the lines it adds and removes."""

    start: int
    count: int
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def lines(self) -> tuple[int, ...]:
        """The new-file lines whose content changed: added lines that are not blank, else the
        line a removal of text falls on; none when only blank lines changed."""
        written = tuple(self.start + n for n, text in enumerate(self.added) if text.strip())
        if written:
            return written
        return (self.start,) if any(text.strip() for text in self.removed) else ()


_HUNK = re.compile(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def changed_hunks(root: Path, base: str, path: str, head: str | None = None) -> list[Hunk]:
    """The hunks of ``path`` between ``base`` and ``head`` (the work tree when None)."""
    return changed_hunks_below(root, base, path, head).get(path, [])


def _diff_path(row: str) -> str:
    """The path of a ``+++ b/PATH`` row (C-quoted by git when it holds odd characters)."""
    name = row[4:]
    if name.startswith('"') and name.endswith('"'):
        name = codecs.escape_decode(name[1:-1].encode("utf-8"))[0].decode("utf-8", "replace")
    return name[2:] if name.startswith("b/") else name


def changed_hunks_below(
    root: Path, base: str, folder: str, head: str | None = None
) -> dict[str, list[Hunk]]:
    """The hunks of every file below ``folder`` (a file, a folder, '' for all) between ``base``
    and ``head`` (the work tree when None), by path relative to the repo root: one ``git diff``."""
    args = ["-c", "core.quotePath=false", "diff", *_PLAIN, "--no-renames", "--unified=0"]
    found: dict[str, list[Hunk]] = {}
    hunks: list[Hunk] = []
    header = False  # between a file's ``diff --git`` row and its first hunk
    for row in _text(root, *args, *_range(base, head), "--", folder or ".").splitlines():
        match = _HUNK.match(row)
        if row.startswith("diff --git "):
            header, hunks = True, []
        elif header and row.startswith("+++ "):
            hunks = found.setdefault(_diff_path(row), [])
        elif match is not None:
            header = False
            count = int(match.group(2)) if match.group(2) is not None else 1
            hunks.append(Hunk(int(match.group(1)), count))
        elif not header and hunks and row[:1] in ("+", "-"):
            last = hunks[-1]
            if row[0] == "+":
                hunks[-1] = dataclasses.replace(last, added=(*last.added, row[1:]))
            else:
                hunks[-1] = dataclasses.replace(last, removed=(*last.removed, row[1:]))
    return found
