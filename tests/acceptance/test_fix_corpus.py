"""``--fix`` on copies of the real corpora: every safe fix is applied and its finding is gone,
no byte changes outside the fixed spans of the Korean files, and a second pass is a no-op."""

from __future__ import annotations

import difflib
import shutil
import stat
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from transcheck.api import Report, check_paths
from transcheck.config import Config
from transcheck.findings import Finding
from transcheck.fixes import session
from transcheck.fixes.model import NEWLINE

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpus"
# Rules whose fixable findings --fix must remove (the safe kind of link-changed included).
FIXED_RULES = ("TC203", "TC204", "TC205", "TC206", "TC602", "TC607")


def _copy(corpus: str, tmp_path: Path) -> Path:
    source = CORPORA / corpus
    if not source.is_dir():
        pytest.skip(f"corpus not found at {source}")
    copy = tmp_path / corpus
    shutil.copytree(source, copy)
    for path in copy.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return copy


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _spans(findings: Sequence[Finding], text: str) -> list[tuple[int, int]]:
    """The character ranges of the original text the fixes of ``findings`` replace."""
    starts = [0, *(m.end() for m in NEWLINE.finditer(text))]
    return [
        (starts[e.line - 1] + e.column - 1, starts[e.end_line - 1] + e.end_column - 1)
        for f in findings
        if f.fix is not None
        for e in f.fix.edits
    ]


def _changed(before: str, after: str) -> list[tuple[int, int]]:
    """The ranges of ``before`` that differ in ``after`` (an insertion is an empty range),
    line by line: fixes never add or remove a line."""
    old_lines, new_lines = NEWLINE.split(before), NEWLINE.split(after)
    assert len(old_lines) == len(new_lines)
    assert NEWLINE.findall(before) == NEWLINE.findall(after)  # the same line ends
    starts = [0, *(m.end() for m in NEWLINE.finditer(before))]
    ranges = []
    for start, old, new in zip(starts, old_lines, new_lines, strict=True):
        if old != new:
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
            ranges += [
                (start + i1, start + i2)
                for op, i1, i2, _, _ in matcher.get_opcodes()
                if op != "equal"
            ]
    return ranges


@pytest.mark.parametrize("corpus", ["scaling-book", "vue-docs"])
def test_fix_removes_every_fixable_finding_and_touches_only_its_spans(
    corpus: str, tmp_path: Path
) -> None:
    root = _copy(corpus, tmp_path)
    config = Config()

    def recheck() -> Report:
        return check_paths(root / "en", root / "ko", config)

    before = _snapshot(root)
    report = recheck()
    fixable = [f for f in report.findings if f.fix is not None and f.fix.safe]
    run = session.fix(report, recheck, unsafe=False)
    after = _snapshot(root)

    # every safe fix was applied, and its finding is gone
    assert Counter(f.code for f in run.fixed) == Counter(f.code for f in fixable)
    left = [f for f in run.report.findings if f.code in FIXED_RULES and f.fix is not None]
    assert [f for f in left if f.fix is not None and f.fix.safe] == []
    assert run.errors == []

    # only Korean files of fixed findings changed, and only inside the fixed spans
    changed = {path for path in before if before[path] != after[path]}
    fixed_files = {str(Path(f.target.path or "").resolve().relative_to(root)) for f in fixable}
    assert changed == fixed_files
    for path in changed:
        old = before[path].decode("utf-8-sig")
        new = after[path].decode("utf-8-sig")
        assert before[path].startswith(b"\xef\xbb\xbf") == after[path].startswith(b"\xef\xbb\xbf")
        mine = [f for f in fixable if Path(f.target.path or "").resolve() == root / path]
        spans = _spans(mine, old)
        for start, end in _changed(old, new):
            assert any(a <= start and end <= b for a, b in spans), (
                path,
                old[start - 20 : end + 20],
            )

    # a second --fix changes nothing
    again = session.fix(run.report, recheck, unsafe=False)
    assert again.fixed == ()
    assert _snapshot(root) == after
