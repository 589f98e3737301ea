"""Applying fixes to real files: line ends, BOM, permissions, refusals, overlaps, diffs."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

from transcheck.findings import Finding, Location, Severity
from transcheck.fixes import Replacement, Safety, SourceText
from transcheck.fixes.apply import fix_files, unified_diff
from transcheck.parse import decode_markdown


def finding(
    path: Path, *edits: tuple[int, str, str], safety: Safety = Safety.SAFE, code: str = "TC204"
) -> Finding:
    """A finding on the Korean file ``path`` as it is now, fixed by the ``(line, old, new)``
    replacements (placed on the file's bytes, as a check run places them)."""
    data = path.read_bytes()
    text = SourceText.of(data, decode_markdown(data, str(path)))
    fix = text.fix("write the id", safety, [Replacement(*edit) for edit in edits])
    assert fix is not None
    line = edits[0][0]
    return Finding(
        code,
        "anchor-broken",
        Severity.ERROR,
        f"broken at {line}",
        Location("en/x.md", line),
        Location(str(path), line),
        fix=fix,
    )


def test_crlf_lines_and_every_other_byte_are_kept(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_bytes(b"# \xec\xa0\x9c\xeb\xaa\xa9\r\n\r\n[a](#old) and [b](#old-two)\r\nend")
    found = finding(korean, (3, "#old", "#제목"))
    [result] = fix_files([found], unsafe=False, write=True)
    assert result.error is None and result.fixed == [found]
    assert korean.read_bytes() == ("# 제목\r\n\r\n[a](#제목) and [b](#old-two)\r\nend".encode())


def test_bom_and_mixed_line_ends_are_kept(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    original = b"\xef\xbb\xbfa\nb\r\n[x](../a-kr)\rc\r\n"
    korean.write_bytes(original)
    found = finding(korean, (3, "../a-kr", "../a"))
    assert found.fix is not None and found.fix.edits[0].column == 5
    fix_files([found], unsafe=False, write=True)
    assert korean.read_bytes() == original.replace(b"../a-kr", b"../a")


def test_a_file_changed_since_the_check_is_refused(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_text("[a](#old)\n", encoding="utf-8")
    found = finding(korean, (1, "#old", "#new"))
    korean.write_text("[a](#old)\nmore text the translator just wrote\n", encoding="utf-8")
    [result] = fix_files([found], unsafe=False, write=True)
    assert result.error == "changed since it was checked; not fixed (check it again)"
    assert result.fixed == []
    assert korean.read_text(encoding="utf-8").startswith("[a](#old)\n")


def test_a_read_only_file_is_refused_and_the_others_are_fixed(tmp_path: Path) -> None:
    locked, open_ = tmp_path / "a.md", tmp_path / "b.md"
    for path in (locked, open_):
        path.write_text("[a](#old)\n", encoding="utf-8")
    findings = [finding(locked, (1, "#old", "#new")), finding(open_, (1, "#old", "#new"))]
    locked.chmod(0o444)
    results = {Path(r.path).name: r for r in fix_files(findings, unsafe=False, write=True)}
    assert results["a.md"].error == "read-only file; not fixed"
    assert results["a.md"].fixed == []
    assert locked.read_text(encoding="utf-8") == "[a](#old)\n"
    assert open_.read_text(encoding="utf-8") == "[a](#new)\n"


def test_permissions_are_kept(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_text("[a](#old)\n", encoding="utf-8")
    korean.chmod(0o640)
    fix_files([finding(korean, (1, "#old", "#new"))], unsafe=False, write=True)
    assert korean.read_text(encoding="utf-8") == "[a](#new)\n"
    assert stat.S_IMODE(korean.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]  # no temporary file left


def test_a_symlink_is_not_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("[a](#old)\n", encoding="utf-8")
    link = tmp_path / "x.md"
    link.symlink_to(real)
    [result] = fix_files([finding(link, (1, "#old", "#new"))], unsafe=False, write=True)
    assert result.error == "is a symlink (to " + str(real) + "); not fixed: fix the file itself"
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "[a](#old)\n"


def test_overlapping_fixes_first_wins_identical_edits_are_made_once(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_text("see [a](#old-name) here\n[b](#x)\n", encoding="utf-8")
    first = finding(korean, (1, "[a](#old-name)", "[a](#new)"), code="TC203")
    overlapping = finding(korean, (1, "#old-name", "#other"))
    same = finding(korean, (2, "#x", "#y"))
    again = finding(korean, (2, "#x", "#y"), code="TC205")
    [result] = fix_files([overlapping, same, first, again], unsafe=False, write=True)
    assert result.fixed == [first, same, again]
    assert result.skipped == [(overlapping, "it overlaps the fix of TC203 at line 1")]
    assert korean.read_text(encoding="utf-8") == "see [a](#new) here\n[b](#y)\n"


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_text("[a](https://old.example)\n", encoding="utf-8")
    found = finding(korean, (1, "https://old.example", "https://new.example"), safety=Safety.UNSAFE)
    assert fix_files([found], unsafe=False, write=True) == []
    [result] = fix_files([found], unsafe=True, write=True)
    assert result.fixed == [found]
    assert korean.read_text(encoding="utf-8") == "[a](https://new.example)\n"


def test_a_second_application_changes_nothing(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_text("[a](#old)\n", encoding="utf-8")
    found = finding(korean, (1, "#old", "#new"))
    fix_files([found], unsafe=False, write=True)
    [again] = fix_files([found], unsafe=False, write=True)
    assert again.error is not None and not again.changed
    assert korean.read_text(encoding="utf-8") == "[a](#new)\n"


def test_diff_writes_nothing_and_shows_the_change(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_bytes(b"one\r\n[a](#old)\r\nlast")
    [result] = fix_files([finding(korean, (2, "#old", "#new"))], unsafe=False, write=False)
    assert korean.read_bytes() == b"one\r\n[a](#old)\r\nlast"
    path = str(korean)
    assert unified_diff(result) == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1,3 +1,3 @@\n one\r\n-[a](#old)\r\n+[a](#new)\r\n last"
        "\n\\ No newline at end of file\n"
    )


def test_only_the_korean_file_of_a_finding_is_written(tmp_path: Path) -> None:
    english, korean = tmp_path / "en.md", tmp_path / "ko.md"
    english.write_text("[a](#old)\n", encoding="utf-8")
    korean.write_text("[a](#old)\n", encoding="utf-8")
    found = finding(korean, (1, "#old", "#new"))
    moved = Finding(
        found.code,
        found.rule,
        found.severity,
        found.message,
        Location(str(english), 1),
        found.target,
        fix=found.fix,
    )
    fix_files([moved], unsafe=False, write=True)
    assert english.read_text(encoding="utf-8") == "[a](#old)\n"
    assert korean.read_text(encoding="utf-8") == "[a](#new)\n"


def test_a_finding_with_its_fix_pickles_for_worker_processes(tmp_path: Path) -> None:
    korean = tmp_path / "x.md"
    korean.write_text("[a](#old)\n", encoding="utf-8")
    found = finding(korean, (1, "#old", "#new"))
    copy = pickle.loads(pickle.dumps(found))
    assert copy == found and copy.fix == found.fix


def test_temporary_files_do_not_survive_a_failed_write(tmp_path: Path) -> None:
    folder = tmp_path / "ko"
    folder.mkdir()
    korean = folder / "x.md"
    korean.write_text("[a](#old)\n", encoding="utf-8")
    found = finding(korean, (1, "#old", "#new"))
    folder.chmod(0o555)
    try:
        [result] = fix_files([found], unsafe=False, write=True)
    finally:
        folder.chmod(0o755)
    if os.geteuid() != 0:  # root may write into a read-only folder
        assert result.error == "cannot write: Permission denied; not fixed"
    assert [p.name for p in folder.iterdir()] == ["x.md"]
