"""gitrepo against real repositories built in temp folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepos import git
from transcheck import gitrepo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repo with en/a.md and ko/a.md committed on main."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "en").mkdir()
    (tmp_path / "ko").mkdir()
    (tmp_path / "en" / "a.md").write_text("# A\n\none\ntwo\nthree\n", encoding="utf-8")
    (tmp_path / "ko" / "a.md").write_text("# 가\n\n하나\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def test_changed_since_uses_merge_base_and_sees_untracked(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "ko" / "a.md").write_text("# 가\n\n하나 둘\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "ko edit")
    git(repo, "checkout", "-q", "main")
    (repo / "en" / "b.md").write_text("# B\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "main moves on")
    git(repo, "checkout", "-q", "feature")
    (repo / "ko" / "new.md").write_text("# 새\n", encoding="utf-8")
    # en/b.md changed on main after the branch point: merge-base semantics leave it out.
    assert gitrepo.changed_since(repo, "main") == {"ko/a.md", "ko/new.md"}


def test_files_and_content_at_a_revision(repo: Path) -> None:
    first = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A changed\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "change")
    assert gitrepo.files_at(repo, first, "en") == ["en/a.md"]
    assert gitrepo.read_at(repo, first, "en/a.md").startswith(b"# A\n")
    assert gitrepo.last_commit(repo, "en/a.md") == gitrepo.resolve(repo, "HEAD")
    assert gitrepo.last_commit(repo, "en/none.md") is None


def test_hunks_give_new_file_lines(repo: Path) -> None:
    base = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A\n\none\nTWO\nthree\nfour\n", encoding="utf-8")
    hunks = gitrepo.changed_hunks(repo, base, "en/a.md")
    assert [(h.start, h.count) for h in hunks] == [(4, 1), (6, 1)]
    assert "en/a.md" in gitrepo.diff_stat(repo, base, "en/a.md")


def test_errors_carry_gits_words(repo: Path) -> None:
    with pytest.raises(gitrepo.GitError, match="no-such-rev"):
        gitrepo.merge_base(repo, "no-such-rev")
