"""Image paths of a site that keeps its Korean pages inside the English docs (``docs/ko/``):
a relative path that reaches the same file from the Korean page's folder is the same image."""

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
