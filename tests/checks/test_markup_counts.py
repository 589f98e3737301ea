"""markup-mismatch's counted findings keep the count out of their identity, so a baseline entry
survives when the English adds one more line with the same rename."""

from __future__ import annotations

from pathlib import Path

from transcheck.api import check_paths
from transcheck.config import Config


def _markup_findings(root: Path, en: str, ko: str) -> list[tuple[str, str]]:
    """(message, identity) of the TC604 findings of one chapter pair written under ``root``."""
    for side, text in (("en", en), ("ko", ko)):
        (root / side).mkdir(parents=True)
        (root / side / "chapter.md").write_text(text, encoding="utf-8")
    report = check_paths(root / "en", root / "ko", Config(select=("TC604",)))
    return [(f.message, f.identity) for f in report.findings]


def _page(tag: str, times: int) -> str:
    """A page using ``tag`` once per paragraph, ``times`` paragraphs."""
    return "# Page\n\n" + "\n\n".join(
        f"A <{tag} title='t'>term {n}</{tag}> here." for n in range(times)
    )


def test_a_rename_through_a_page_is_one_finding_whose_identity_holds_no_count(
    tmp_path: Path,
) -> None:
    three = _markup_findings(tmp_path / "a", _page("dfn", 3), _page("abbr", 3))
    four = _markup_findings(tmp_path / "b", _page("dfn", 4), _page("abbr", 4))
    assert [m for m, _ in three] == [
        "markup renamed: English <dfn>, Korean <abbr> (3× in this file; also English lines 5, 7)"
    ]
    assert (
        [i for _, i in three]
        == [i for _, i in four]
        == ["markup renamed: English <dfn>, Korean <abbr>"]
    )
