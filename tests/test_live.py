"""Live checks (transcheck.live) give what `check` gives: the same findings for a file checked
on its saved text, the unsaved text's findings before a save, and the cross-chapter findings of
the saved tree once indexed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transcheck.api import check_paths
from transcheck.config import Config
from transcheck.live import LiveTree
from transcheck.parse import InputError, read_markdown, unsaved_texts


def _tree(tmp_path: Path, corpus: Path) -> Path:
    for side in ("en", "ko"):
        shutil.copytree(corpus / side, tmp_path / side)
    return tmp_path


def test_a_saved_file_gives_what_check_gives(tmp_path: Path, corpus: Path) -> None:
    root = _tree(tmp_path, corpus)
    config = Config()
    report = check_paths(root / "en", root / "ko", config)
    tree = LiveTree(root / "en", root / "ko", config)
    tree.index()
    for pair in report.pairs:
        if pair.target is None or pair.source is None:
            continue
        korean = Path(pair.target)
        live = tree.check(korean, korean.read_text(encoding="utf-8"))
        assert live is not None
        expected = [f for f in pair.findings if f.target.path == pair.target]
        assert list(live.findings) == expected, pair.target
    assert any(f.code == "TC303" for pair in report.pairs for f in pair.findings)


def test_unsaved_text_is_checked_and_a_save_is_read_again(tmp_path: Path, corpus: Path) -> None:
    root = _tree(tmp_path, corpus)
    tree = LiveTree(root / "en", root / "ko", Config())
    korean = root / "ko" / "tpus.md"
    saved = korean.read_text(encoding="utf-8")
    lines = saved.split("\n")
    lines[301] = lines[301].replace("](../sharding)", "](../nowhere)")
    edited = "\n".join(lines)
    live = tree.check(korean, edited)
    assert live is not None
    assert [(f.code, f.target.line) for f in live.findings if f.code == "TC205"] == [("TC205", 302)]
    again = tree.check(korean, saved)
    assert again is not None and not [f for f in again.findings if f.code == "TC205"]
    # the rest of the tree sees the saved file, and reads it again once it is saved
    tree.index()

    def saved_urls() -> set[str]:
        document = tree.saved.korean.load("tpus.md")
        assert document is not None
        return {link.url for section in document.sections for link in section.links}

    assert "../nowhere" not in saved_urls()
    korean.write_text(edited, encoding="utf-8")
    tree.changed([korean])
    tree.refresh()
    assert "../nowhere" in saved_urls()


def test_unsaved_texts_stand_for_their_files_only_inside_the_with(tmp_path: Path) -> None:
    saved = tmp_path / "a.md"
    saved.write_text("# saved\n", encoding="utf-8")
    with unsaved_texts({saved: "# 저장 안 됨\n"}):
        assert read_markdown(saved, "a.md") == "# 저장 안 됨\n"
        with pytest.raises(InputError, match=r"a\.md"):
            read_markdown(saved, "a.md", limit=4)
    assert read_markdown(saved, "a.md") == "# saved\n"
