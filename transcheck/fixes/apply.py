"""Applying fixes to Korean files, or showing them as a unified diff.

Each Korean file is edited as a whole: its bytes are read again and must have the digest its
fixes recorded at check time (a file changed since is refused, never half-edited); the edits are
made on the decoded text, so line ends (LF, CRLF, lone CR, mixed), a UTF-8 BOM and every byte
outside the edited spans stay as they were; the result is written to a temporary file in the same
folder, flushed to disk and renamed over the file, keeping its permission bits. A read-only file
or a symlink is refused with a clear message and the other files are still fixed. Only paths
that findings name as their Korean side are ever written.

Fixes of one file are taken in a defined order (by the position of their first edit, then rule
code and message); a fix whose edits overlap one already taken is skipped with a message (the
next ``--fix`` pass picks it up if its finding remains); identical edits from two findings are
made once.
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transcheck.findings import Finding
from transcheck.fixes.model import NEWLINE, Edit, digest
from transcheck.outputs import replace_atomically


@dataclass
class FileFix:
    """What fixing one Korean file gave: the findings fixed, the fixes skipped (with why), the
    text before and after, and the error that kept the file from being fixed, if any."""

    path: str
    fixed: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)
    before: str = ""
    after: str = ""
    error: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the file's text changes."""
        return self.error is None and self.before != self.after


def fixable(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    """The findings whose fix ``--fix`` applies (safe ones; unsafe ones too with ``unsafe``),
    each with a Korean file to edit."""
    return [
        f
        for f in findings
        if f.fix is not None and f.target.path is not None and (unsafe or f.fix.safe)
    ]


def _order(finding: Finding) -> tuple[int, int, str, str]:
    assert finding.fix is not None
    first = min(finding.fix.edits, key=lambda e: (e.line, e.column))
    return (first.line, first.column, finding.code, finding.message)


def _offsets(text: str) -> list[int]:
    """The offset in ``text`` where each line starts (lines numbered as the parser does)."""
    return [0, *(match.end() for match in NEWLINE.finditer(text))]


def _span(edit: Edit, starts: Sequence[int], text: str) -> tuple[int, int] | None:
    """The offsets an edit covers in ``text``, or None when its range is not in the text or
    does not hold the text it replaces."""
    if not 1 <= edit.line <= edit.end_line <= len(starts):
        return None
    start = starts[edit.line - 1] + edit.column - 1
    end = starts[edit.end_line - 1] + edit.end_column - 1
    if text[start:end] != edit.old:
        return None
    return start, end


def _decode(data: bytes) -> tuple[bytes, str]:
    """A file's BOM (or b"") and its text."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    return bom, data[len(bom) :].decode("utf-8")


def plan_file(path: str, findings: Sequence[Finding], data: bytes) -> FileFix:
    """Fix the text of one file (its bytes ``data``) with the fixes of ``findings``; nothing is
    written. A digest other than the one the fixes recorded refuses the whole file."""
    result = FileFix(path)
    fixes = [f.fix for f in findings if f.fix is not None]
    if any(fix.digest != digest(data) for fix in fixes):
        result.error = "changed since it was checked; not fixed (check it again)"
        return result
    try:
        _, text = _decode(data)
    except UnicodeDecodeError:
        result.error = "not valid UTF-8 any more; not fixed"
        return result
    result.before = text
    starts = _offsets(text)
    taken: dict[tuple[int, int], tuple[Edit, Finding]] = {}
    for finding in sorted(findings, key=_order):
        assert finding.fix is not None
        spans = [(_span(edit, starts, text), edit) for edit in finding.fix.edits]
        clash = _clash(spans, list(taken.values()))
        if clash is not None:
            result.skipped.append((finding, clash))
            continue
        taken.update({span: (edit, finding) for span, edit in spans if span is not None})
        result.fixed.append(finding)
    for (start, end), (edit, _) in sorted(taken.items(), reverse=True):
        text = text[:start] + edit.text + text[end:]
    result.after = text
    return result


def _clash(
    spans: Sequence[tuple[tuple[int, int] | None, Edit]], taken: Sequence[tuple[Edit, Finding]]
) -> str | None:
    """Why a fix cannot be taken beside the edits already taken, or None when it can."""
    for span, edit in spans:
        if span is None:
            return f"its edit at line {edit.line} no longer matches the file"
        for other, owner in taken:
            if other == edit:
                continue  # the same edit, asked by two findings: made once
            if edit.overlaps(other):
                return f"it overlaps the fix of {owner.code} at line {owner.target.line}"
    return None


def is_read_only(path: Path) -> bool:
    """Whether ``path`` may not be written (permission bits or access rights)."""
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def write_in_place(path: Path, data: bytes, expected: str) -> None:
    """Replace the Korean file at ``path`` with ``data`` atomically, keeping its permission
    bits, after checking again that its bytes still have the digest ``expected``. A symlink is
    refused, as for reports (transcheck does not write through symlinks). OSError (with a
    message fit for the user) when it cannot be written."""
    if path.is_symlink():
        raise OSError(f"is a symlink (to {os.readlink(path)}); not fixed: fix the file itself")
    if is_read_only(path):
        raise PermissionError("read-only file; not fixed")
    if digest(path.read_bytes()) != expected:
        raise OSError("changed while being fixed; not fixed (check it again)")
    replace_atomically(path, data, stat.S_IMODE(path.stat().st_mode))


def fix_files(findings: Iterable[Finding], unsafe: bool, write: bool) -> list[FileFix]:
    """Fix every Korean file the fixable findings name, in path order; ``write`` False only
    computes the new texts (``--diff``). A file that cannot be read or written has ``error``
    set; the others are still fixed."""
    by_path: dict[str, list[Finding]] = {}
    for finding in fixable(findings, unsafe):
        assert finding.target.path is not None
        by_path.setdefault(finding.target.path, []).append(finding)
    results = []
    for path, found in sorted(by_path.items()):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            results.append(FileFix(path, error=f"cannot read: {error.strerror or error}"))
            continue
        result = plan_file(path, found, data)
        if write and result.changed:
            bom, _ = _decode(data)
            try:
                write_in_place(Path(path), bom + result.after.encode("utf-8"), digest(data))
            except OSError as error:
                result.error = _reason(error)
                result.fixed = []
        results.append(result)
    return results


def _reason(error: OSError) -> str:
    """The user-facing reason a write failed."""
    return f"cannot write: {error.strerror}; not fixed" if error.strerror else str(error)


def _keep_ends(text: str) -> list[str]:
    """``text`` as lines with their own line ends (LF, CRLF or CR)."""
    starts = _offsets(text)
    ends = [*starts[1:], len(text)]
    return [text[a:b] for a, b in zip(starts, ends, strict=True) if a < b]


def unified_diff(result: FileFix) -> str:
    """The change of one file as a unified diff (``a/PATH`` → ``b/PATH``)."""
    lines = difflib.unified_diff(
        _keep_ends(result.before),
        _keep_ends(result.after),
        f"a/{result.path}",
        f"b/{result.path}",
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )
