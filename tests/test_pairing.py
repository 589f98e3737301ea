"""Pairing: a file pair, two trees by relative path, and config templates for other layouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcheck.config import PairPattern
from transcheck.pairing import (
    FilePair,
    PairingError,
    _hangul,
    _hangul_floor,
    _hangul_share,
    pair_paths,
    pair_trees,
    walk_markdown,
)

EXTENSIONS = (".md", ".markdown", ".mdx")


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")


def as_tuples(pairs: tuple[FilePair, ...]) -> list[tuple[str | None, str | None]]:
    return [(p.source, p.target) for p in pairs]


def test_two_files_pair_with_each_other_whatever_their_names(tmp_path: Path) -> None:
    touch(tmp_path, "en/roofline.md", "ko/roofline-kr.md")
    english, korean = tmp_path / "en/roofline.md", tmp_path / "ko/roofline-kr.md"
    pairing = pair_paths(english, korean, (), EXTENSIONS)
    assert as_tuples(pairing.pairs) == [("roofline.md", "roofline-kr.md")]
    assert pairing.source.root == tmp_path / "en"
    assert pairing.target.root == tmp_path / "ko"


def test_trees_pair_by_relative_path_with_missing_sides(tmp_path: Path) -> None:
    touch(tmp_path, "en/a.md", "en/part/b.md", "en/only-en.md")
    touch(tmp_path, "ko/a.md", "ko/part/b.md", "ko/only-ko.md")
    pairing = pair_paths(tmp_path / "en", tmp_path / "ko", (), EXTENSIONS)
    assert as_tuples(pairing.pairs) == [
        ("a.md", "a.md"),
        ("only-en.md", None),
        ("part/b.md", "part/b.md"),
        (None, "only-ko.md"),
    ]


def test_korean_folder_inside_the_english_one_leaves_it_and_other_translations(
    tmp_path: Path,
) -> None:
    # VitePress and MkDocs keep translations inside the English docs: docs/ko/guide/a.md
    touch(tmp_path, "docs/index.md", "docs/guide/a.md", "docs/guide/b.md", "docs/ml/intro.md")
    touch(tmp_path, "docs/ko/index.md", "docs/ko/guide/a.md", "docs/ko/extra.md")
    touch(tmp_path, "docs/ja/index.md", "docs/ja/guide/a.md", "docs/zh-CN/guide/b.md")
    pairing = pair_paths(tmp_path / "docs", tmp_path / "docs/ko", (), EXTENSIONS)
    assert as_tuples(pairing.pairs) == [
        ("guide/a.md", "guide/a.md"),
        ("guide/b.md", None),
        ("index.md", "index.md"),
        ("ml/intro.md", None),  # named like a language (Malayalam), but mirrors nothing
        (None, "extra.md"),
    ]


def test_walk_skips_hidden_folders_hidden_files_and_other_extensions(tmp_path: Path) -> None:
    touch(tmp_path, "a.md", "b.markdown", "c.mdx", "d.txt", ".hidden.md")
    touch(tmp_path, ".git/x.md", ".github/y.md", "node_modules/pkg/z.md", "sub/.cache/w.md")
    touch(tmp_path, "sub/e.md")
    assert walk_markdown(tmp_path, EXTENSIONS) == ("a.md", "b.markdown", "c.mdx", "sub/e.md")


def test_stem_templates_in_one_folder(tmp_path: Path) -> None:
    touch(tmp_path, "intro.md", "intro-kr.md", "part/deep.md", "part/deep-kr.md")
    touch(tmp_path, "untranslated.md", "orphan-kr.md")
    patterns = (PairPattern("{stem}.md", "{stem}-kr.md"),)
    pairing = pair_trees(tmp_path, tmp_path, patterns, EXTENSIONS)
    assert as_tuples(pairing.pairs) == [
        ("intro.md", "intro-kr.md"),
        ("part/deep.md", "part/deep-kr.md"),
        ("untranslated.md", None),
        (None, "orphan-kr.md"),
    ]


def test_folder_prefix_templates(tmp_path: Path) -> None:
    touch(tmp_path, "docs/a.md", "docs/sub/b.md", "docs/new.md", "README.md")
    touch(tmp_path, "ko/docs/a.md", "ko/docs/sub/b.md", "ko/docs/stale.md")
    patterns = (PairPattern("docs/{path}", "ko/docs/{path}"),)
    pairing = pair_paths(tmp_path, tmp_path, patterns, EXTENSIONS)
    assert as_tuples(pairing.pairs) == [
        ("docs/a.md", "ko/docs/a.md"),
        ("docs/new.md", None),
        ("docs/sub/b.md", "ko/docs/sub/b.md"),
        (None, "ko/docs/stale.md"),
    ]


def test_templates_across_two_roots(tmp_path: Path) -> None:
    touch(tmp_path, "en/guide/setup.md", "ko/guide/setup.ko.md")
    patterns = (PairPattern("{dir}{stem}.md", "{dir}{stem}.ko.md"),)
    pairing = pair_paths(tmp_path / "en", tmp_path / "ko", patterns, EXTENSIONS)
    assert as_tuples(pairing.pairs) == [("guide/setup.md", "guide/setup.ko.md")]


def test_display_paths_are_relative_to_the_working_directory(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "en/a.md", "ko/a.md")
    pairing = pair_paths(Path("en"), chdir_tmp / "ko", (), EXTENSIONS)
    assert pairing.source.display("a.md") == "en/a.md"
    assert pairing.target.display("a.md") == "ko/a.md"


# --- what cannot be paired is a usage error naming the path -------------------------------------


def test_missing_path(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "en/a.md")
    with pytest.raises(PairingError, match=r"^ko: no such file or folder$"):
        pair_paths(Path("en"), Path("ko"), (), EXTENSIONS)


def test_file_and_folder(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "en/a.md", "ko/a.md")
    with pytest.raises(PairingError) as caught:
        pair_paths(Path("en/a.md"), Path("ko"), (), EXTENSIONS)
    assert str(caught.value) == "give two files or two folders: en/a.md is a file, ko is a folder"


def test_folder_named_like_a_markdown_file(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "en/a.md", "ko/a.md/inner.txt")
    with pytest.raises(PairingError, match=r"ko/a\.md is a folder"):
        pair_paths(Path("en/a.md"), Path("ko/a.md"), (), EXTENSIONS)


def test_folder_without_markdown(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "en/a.md", "ko/notes.txt")
    with pytest.raises(PairingError) as caught:
        pair_paths(Path("en"), Path("ko"), (), EXTENSIONS)
    assert str(caught.value) == "ko: no Markdown files (.md, .markdown, .mdx) in this folder"


def test_same_folder_twice_needs_templates(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "docs/a.md")
    with pytest.raises(PairingError, match=r"^docs is given as both sides"):
        pair_paths(Path("docs"), Path("docs"), (), EXTENSIONS)


def test_templates_that_match_nothing(chdir_tmp: Path) -> None:
    touch(chdir_tmp, "site/a.md")
    patterns = (PairPattern("docs/{path}", "ko/docs/{path}"),)
    with pytest.raises(PairingError, match=r"no file of site matches a pairing template"):
        pair_paths(Path("site"), Path("site"), patterns, EXTENSIONS)


@given(st.text(alphabet="a한ㄱ1²_ .\n", max_size=60))
def test_hangul_floor_never_above_its_share_of_letters(text: str) -> None:
    """check_direction trusts a Korean side on Hangul's share of all characters without
    counting letters: that share is never above Hangul's share of the letters."""
    assert _hangul_floor(text) <= _hangul_share(text)


# Each edge of the ranges the count draws a line at: syllables, both jamo blocks (with the
# unassigned code points closing the compatibility one), their neighbours, a Latin letter.
_EDGES = "\uabff\uac00\ud7a3\ud7a4\u10ff\u1100\u11ff\u1200\u3130\u3131\u318e\u318f\u3190a"


@given(st.text(alphabet=st.sampled_from(_EDGES) | st.characters(), max_size=40))
def test_hangul_counts_syllables_and_compatibility_jamo(text: str) -> None:
    """_hangul counts by difference from transcheck.hangul's class: as the class it replaced."""
    assert _hangul(text) == len(re.findall("[\uac00-\ud7a3\u3131-\u318e]", text))
