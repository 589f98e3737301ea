"""A site that keeps its Korean pages inside the English docs (``docs/ko/``, Starlight's
``src/content/docs/ko/``): a relative path (an image's, an MDX import's) that reaches the same
file from the Korean page's folder is the same path."""

from __future__ import annotations

from pathlib import Path

from transcheck.api import check_paths
from transcheck.config import Config

ENGLISH = "# Graph\n\nThe graph looks like this:\n\n![Agent graph](./assets/graph.png)\n"


def _codes(tmp_path: Path, korean_image: str) -> list[tuple[str, str]]:
    """Check docs/graph.md against docs/ko/graph.md writing ``korean_image``."""
    docs = tmp_path / "docs"
    (docs / "ko").mkdir(parents=True)
    (docs / "assets").mkdir()
    (docs / "assets" / "graph.png").write_bytes(b"\x89PNG\r\n")
    (docs / "graph.md").write_text(ENGLISH, encoding="utf-8")
    korean = f"# 그래프\n\n그래프는 다음과 같습니다.\n\n![에이전트 그래프]({korean_image})\n"
    (docs / "ko" / "graph.md").write_text(korean, encoding="utf-8")
    report = check_paths(docs, docs / "ko", Config())
    return [(f.code, f.message) for f in report.findings]


def test_the_same_file_from_the_korean_folder_is_the_same_image(tmp_path: Path) -> None:
    assert _codes(tmp_path, "../assets/graph.png") == []


def test_a_path_reaching_another_file_is_still_reported(tmp_path: Path) -> None:
    found = _codes(tmp_path, "../assets/graph-ko.png")
    assert [code for code, _ in found] == ["TC206"]
    assert "should be './assets/graph.png'" in found[0][1]


MDX_ENGLISH = (
    "import FileTree from '../../components/file-tree.astro'\n\n# Project structure\n\n"
    "<FileTree>\n\n- src/\n\n</FileTree>\n"
)


def _import_findings(tmp_path: Path, korean_module: str) -> list[str]:
    """Check docs/guides/tree.mdx against docs/ko/guides/tree.mdx importing ``korean_module``."""
    docs = tmp_path / "src" / "docs"
    (docs / "guides").mkdir(parents=True)
    (docs / "ko" / "guides").mkdir(parents=True)
    (tmp_path / "src" / "components").mkdir()
    (tmp_path / "src" / "components" / "file-tree.astro").write_text("---\n---\n")
    (docs / "guides" / "tree.mdx").write_text(MDX_ENGLISH, encoding="utf-8")
    korean = MDX_ENGLISH.replace("'../../components/file-tree.astro'", repr(korean_module))
    korean = korean.replace("# Project structure", "# 프로젝트 구조")
    (docs / "ko" / "guides" / "tree.mdx").write_text(korean, encoding="utf-8")
    report = check_paths(docs, docs / "ko", Config())
    return [f.message for f in report.findings]


def test_an_import_one_folder_deeper_reaching_the_same_module_is_unchanged(
    tmp_path: Path,
) -> None:
    assert _import_findings(tmp_path, "../../../components/file-tree.astro") == []


def test_an_import_of_another_module_is_still_changed(tmp_path: Path) -> None:
    found = _import_findings(tmp_path, "../../../components/tree.astro")
    assert len(found) == 1 and "FileTree comes from another module" in found[0]
