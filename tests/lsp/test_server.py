"""`transcheck lsp` end to end: a real client over stdio, real chapters of both corpora copied
into a temp dir; an unsaved edit breaks an anchor and a link, the diagnostics arrive at their
lines; hover and go to definition give the aligned English line."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from tests.lsp.session import REPO, Session, applied, session

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
BOUND = 60.0  # seconds a published answer may take on a loaded 2-core machine


def _copy(corpus: str, tmp_path: Path) -> Path:
    """Both trees of a corpus under ``tmp_path``/site (links to other chapters resolve)."""
    if not (CORPORA / corpus / "en").is_dir():
        pytest.skip(f"corpus not found at {CORPORA / corpus}")
    site = tmp_path / "site"
    for side in ("en", "ko"):
        shutil.copytree(CORPORA / corpus / side, site / side)
    return site


def _at(diagnostics: list[types.Diagnostic], code: str, line: int) -> list[types.Diagnostic]:
    """The diagnostics of rule ``code`` on 1-based ``line``."""
    return [d for d in diagnostics if d.code == code and d.range.start.line == line - 1]


def _edit(text: str, line: int, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new`` on 1-based ``line`` (which must hold it)."""
    lines = text.split("\n")
    assert old in lines[line - 1], lines[line - 1][:120]
    lines[line - 1] = lines[line - 1].replace(old, new)
    return "\n".join(lines)


async def _break_and_see(
    client: Session, korean: Path, edits: list[tuple[int, str, str, str]]
) -> tuple[list[types.Diagnostic], list[str]]:
    """Open ``korean``, apply the unsaved edits (line, old, new, expected code), and return the
    diagnostics that show every expected finding, with the edited lines."""
    uri = client.open(korean)
    _, before = await client.diagnostics(uri, lambda found: True, BOUND)
    for line, _old, _new, code in edits:
        assert not _at(before, code, line)
    text = korean.read_text(encoding="utf-8")
    for line, old, new, _code in edits:
        text = _edit(text, line, old, new)
    version = client.change(uri, text)

    def shows_all(found: list[types.Diagnostic]) -> bool:
        return all(_at(found, code, line) for line, _old, _new, code in edits)

    _, after = await client.diagnostics(uri, shows_all, BOUND, version)
    assert korean.read_text(encoding="utf-8") != text  # nothing was saved
    return after, text.split("\n")


def test_book_chapter_edit_breaks_an_anchor_and_a_link(tmp_path: Path) -> None:
    site = _copy("scaling-book", tmp_path)
    korean = site / "ko" / "tpus.md"
    anchor = "#부록-b-systolic-array는-어떻게-작동하는가"
    edits = [
        (94, anchor, "#appendix-b-how-does-a-systolic-array-work", "TC204"),
        (302, "](../sharding)", "](../sharding-part-3)", "TC205"),
    ]

    async def run() -> None:
        async with session(site) as client:
            found, lines = await _break_and_see(client, korean, edits)
            (anchor_found,) = _at(found, "TC204", 94)
            line = lines[93]
            assert anchor_found.range.start.character == 0
            assert anchor_found.range.end.character == len(line.encode("utf-16-le")) // 2
            assert anchor_found.severity == types.DiagnosticSeverity.Error
            assert anchor_found.source == "transcheck anchor-broken"
            (related,) = anchor_found.related_information or []
            assert related.location.uri == (site / "en" / "tpus.md").as_uri()
            assert related.location.range.start.line == 93
            uri = korean.as_uri()
            shown = await client.hover(uri, 93)
            assert shown is not None
            assert isinstance(shown.contents, types.MarkupContent)
            assert "en/tpus.md:94" in shown.contents.value
            english_line = (site / "en" / "tpus.md").read_text(encoding="utf-8").split("\n")[93]
            assert english_line[:40] in shown.contents.value
            target = await client.definition(uri, 93)
            assert target.uri == (site / "en" / "tpus.md").as_uri()
            assert target.range.start.line == 93
            # the quick fix of the anchor, then "fix all safe" for the rest: the findings
            # clear, and the two lines are the saved ones again, byte for byte ("fix all" also
            # fixes the chapter's own safe findings, such as $$ formulas written $)
            (quick,) = [a for a in await client.actions(uri, 93) if a.kind == "quickfix"]
            assert quick.is_preferred
            assert [d.code for d in quick.diagnostics or []] == ["TC204"]
            text = applied("\n".join(lines), quick, uri)
            version = client.change(uri, text)
            await client.diagnostics(uri, lambda found: not _at(found, "TC204", 94), BOUND, version)
            (every,) = await client.actions(uri, 0, ["source.fixAll"])
            text = applied(text, every, uri)
            saved = korean.read_text(encoding="utf-8")
            for row in (93, 301):
                assert text.split("\n")[row] == saved.split("\n")[row]
            assert text != saved and len(text.split("\n")) == len(saved.split("\n"))
            version = client.change(uri, text)

            def clear(found: list[types.Diagnostic]) -> bool:
                return not _at(found, "TC204", 94) and not _at(found, "TC205", 302)

            await client.diagnostics(uri, clear, BOUND, version)
            links = {
                (link.range.start.line + 1, link.target)
                for link in await client.links(uri)
                if link.range.start.line + 1 in (94, 302)
            }
            assert links == {
                (94, f"{korean.as_uri()}#L336"),
                (302, f"{(site / 'ko' / 'sharding.md').as_uri()}#L1"),
            }
            (link_94,) = [link for link in await client.links(uri) if link.range.start.line == 93]
            line_94 = saved.split("\n")[93]
            before = line_94[: line_94.find("#부록-b-systolic-array는-어떻게-작동하는가")]
            assert link_94.range.start.character == len(before.encode("utf-16-le")) // 2
            # the English file shows the defects of the English source, at information
            english = client.open(site / "en" / "tpus.md")
            _, found = await client.diagnostics(english, lambda found: bool(found), BOUND)
            assert sorted((d.code, d.range.start.line + 1) for d in found) == [
                ("TC207", 98),
                ("TC207", 103),
            ]
            assert {d.severity for d in found} == {types.DiagnosticSeverity.Information}

    asyncio.run(run())


def test_vue_chapter_edit_breaks_an_anchor_and_a_link(tmp_path: Path) -> None:
    site = _copy("vue-docs", tmp_path)
    chapter = "guide/essentials/template-syntax.md"
    korean = site / "ko" / chapter
    edits = [
        (21, "#declaring-reactive-state", "#반응형-상태-선언", "TC204"),
        (192, "](/api/built-in-directives)", "](/api/directives)", "TC205"),
    ]

    async def run() -> None:
        async with session(site) as client:
            found, _lines = await _break_and_see(client, korean, edits)
            (link,) = _at(found, "TC205", 192)
            assert link.severity == types.DiagnosticSeverity.Error
            assert link.code_description is not None
            uri = korean.as_uri()
            target = await client.definition(uri, 191)
            assert target.uri == (site / "en" / chapter).as_uri()
            english = (site / "en" / chapter).read_text(encoding="utf-8").split("\n")
            assert "built-in-directives" in english[target.range.start.line]
            # hover: the English of the edited line, and the glossary terms it uses
            shown = await client.hover(uri, 20)
            assert shown is not None and isinstance(shown.contents, types.MarkupContent)
            assert f"en/{chapter}:21" in shown.contents.value
            assert english[20] in shown.contents.value
            assert "- `component` → 컴포넌트" in shown.contents.value

    asyncio.run(run())


def test_other_commands_do_not_load_the_server() -> None:
    code = "import sys, transcheck.cli; print(sorted(m for m in sys.modules if 'pygls' in m))"
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert shown.stdout.strip() == "[]"


def test_lsp_needs_both_trees_or_none(tmp_path: Path) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "transcheck", "lsp", "--source", "en"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert shown.returncode == 2
    assert "give --source and --target together" in shown.stderr


def test_a_broken_config_is_shown_not_crashed_on(tmp_path: Path) -> None:
    for side, text in (("en", "# Title\n\nText.\n"), ("ko", "# 제목\n\n본문.\n")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / ".transcheck.yaml").write_text("selec: [TC2]\n", encoding="utf-8")

    async def run() -> None:
        async with session(tmp_path) as client:
            client.open(tmp_path / "ko" / "a.md")
            shown = await client.logged_line("transcheck:", BOUND)
            assert ".transcheck.yaml" in shown and "selec" in shown

    asyncio.run(run())
