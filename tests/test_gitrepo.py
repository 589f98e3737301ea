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


def test_last_commit_of_each_file(repo: Path) -> None:
    first = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A changed\n", encoding="utf-8")
    (repo / "en" / 'odd "name" 한.md').write_text("# B\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    last = gitrepo.last_commits(repo, "")
    assert last["en/a.md"] == last['en/odd "name" 한.md'] == gitrepo.resolve(repo, "HEAD")
    assert last["ko/a.md"] == first
    assert set(gitrepo.last_commits(repo, "ko")) == {"ko/a.md"}
    assert "en/none.md" not in last


def test_hunks_of_every_file_below_a_folder(repo: Path) -> None:
    base = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A\n\none\nTWO\nthree\nfour\n", encoding="utf-8")
    (repo / "en" / "tab\tname.md").write_text("# T\n+++ not a header\n", encoding="utf-8")
    found = gitrepo.changed_hunks_below(repo, base, "en")
    assert [(h.start, h.count) for h in found["en/a.md"]] == [(4, 1), (6, 1)]
    assert set(found) == {"en/a.md"}  # untracked files have no diff
    git(repo, "add", "-A")
    found = gitrepo.changed_hunks_below(repo, base, "en")
    assert [h.added for h in found["en/tab\tname.md"]] == [("# T", "+++ not a header")]


def test_hunks_give_new_file_lines(repo: Path) -> None:
    base = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A\n\none\nTWO\nthree\nfour\n", encoding="utf-8")
    hunks = gitrepo.changed_hunks(repo, base, "en/a.md")
    assert [(h.start, h.count) for h in hunks] == [(4, 1), (6, 1)]
    assert "en/a.md" in gitrepo.diff_stat(repo, base, "en/a.md")


def test_errors_carry_gits_words(repo: Path) -> None:
    with pytest.raises(gitrepo.GitError, match="no-such-rev"):
        gitrepo.merge_base(repo, "no-such-rev")


def test_hunk_lines_skip_blank_changes(repo: Path) -> None:
    base = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A\n\n\none\nthree\n\nfour\n", encoding="utf-8")
    hunks = gitrepo.changed_hunks(repo, base, "en/a.md")
    # A blank line added at 3 changes no text; 'two' removed falls on line 4; 'four' is new.
    assert [(h.start, h.count, h.lines) for h in hunks] == [(3, 1, ()), (4, 0, (4,)), (6, 2, (7,))]


def test_diffs_between_two_commits(repo: Path) -> None:
    base = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A\n\none\nTWO\nthree\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "two")
    head = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "a.md").write_text("# A changed in the work tree\n", encoding="utf-8")
    assert [h.lines for h in gitrepo.changed_hunks(repo, base, "en/a.md", head)] == [(4,)]
    assert "-two\n+TWO\n" in gitrepo.diff_text(repo, base, "en/a.md", head)
    assert gitrepo.diff_stat(repo, base, "en/a.md", head).splitlines()[-1] == (
        " 1 file changed, 1 insertion(+), 1 deletion(-)"
    )


def test_export_writes_a_folder_at_a_revision_and_leaves_the_work_tree(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    first = gitrepo.resolve(repo, "HEAD")
    (repo / "en" / "notes.txt").write_text("not markdown", encoding="utf-8")
    (repo / "en" / "a.md").write_text("# A changed\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "change")
    (repo / "en" / "a.md").write_text("# A uncommitted\n", encoding="utf-8")
    scratch = tmp_path_factory.mktemp("export")
    assert gitrepo.export(repo, first, "en", scratch, (".md",)) == 1
    assert (scratch / "en" / "a.md").read_text(encoding="utf-8").startswith("# A\n")
    head = gitrepo.resolve(repo, "HEAD")
    later = tmp_path_factory.mktemp("later")
    assert gitrepo.export(repo, head, "en", later, (".md",)) == 1  # notes.txt left out
    assert sorted(p.name for p in (later / "en").iterdir()) == ["a.md"]
    assert (repo / "en" / "a.md").read_text(encoding="utf-8") == "# A uncommitted\n"
    assert gitrepo.object_type(repo, first, "en") == "tree"
    assert gitrepo.object_type(repo, first, "en/a.md") == "blob"
    assert gitrepo.object_type(repo, first, "") == "tree"
    assert gitrepo.object_type(repo, first, "en/none.md") is None
