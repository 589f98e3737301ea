"""`transcheck lsp` on how trees are paired and kept up to date, end to end with a real client:
an in-place translation whose English is a git revision (as `check --source-rev` pairs it),
files created, changed and deleted after the server started."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from tests.gitrepos import commit, git, init
from tests.lsp.session import REPO, session
from tests.lsp.test_server import BOUND, CORPORA, _at, _copy, _edit

BOOK = CORPORA / "scaling-book"


def _check_json(root: Path, *arguments: str) -> list[dict[str, object]]:
    """The findings of `transcheck check ARGUMENTS` run in ``root``, as JSON."""
    shown = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", *arguments, "-f", "json"],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert shown.returncode in (0, 1), shown.stderr
    found: list[dict[str, object]] = json.loads(shown.stdout)["findings"]
    return found


def _shown(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int]]:
    """Diagnostics as (code, 1-based line), sorted."""
    return sorted((str(d.code), d.range.start.line + 1) for d in diagnostics)


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    """The book translated in place: branch upstream holds the English chapters at the root;
    main replaced them with the Korean ones; the config names upstream for the editor."""
    if not (BOOK / "en").is_dir():
        pytest.skip(f"corpus not found at {BOOK}")
    root = init(tmp_path / "book")
    english = {p.name: p.read_text(encoding="utf-8") for p in (BOOK / "en").glob("*.md")}
    commit(root, english, "upstream")
    git(root, "branch", "upstream")
    korean = {p.name: p.read_text(encoding="utf-8") for p in (BOOK / "ko").glob("*.md")}
    commit(root, korean, "translate in place")
    (root / ".transcheck.yaml").write_text("editor:\n  source_rev: upstream\n", "utf-8")
    return root


def test_an_in_place_translation_is_checked_against_its_english_revision(fork: Path) -> None:
    korean = fork / "tpus.md"
    english = subprocess.run(
        ["git", "-C", str(fork), "show", "upstream:tpus.md"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    expected = sorted(
        (str(f["code"]), int(f["target"]["line"] or 1))  # type: ignore[index]
        for f in _check_json(fork, "--source-rev", "upstream", ".", ".")
        if f["target"]["path"] == "tpus.md"  # type: ignore[index]
    )
    assert ("TC205", 302) not in expected

    async def run() -> None:
        async with session(fork) as client:
            uri = client.open(korean)
            await client.logged_line(f"of {fork} in", BOUND)
            # the saved file shows what `check --source-rev` reports for it, cross-chapter too
            _, saved = await client.diagnostics(uri, lambda d: _shown(d) == expected, BOUND)
            assert any(d.code == "TC303" for d in saved)
            text = _edit(korean.read_text(encoding="utf-8"), 302, "](../sharding)", "](../x)")
            version = client.change(uri, text)
            _, found = await client.diagnostics(
                uri, lambda d: bool(_at(d, "TC205", 302)), BOUND, version
            )
            (broken,) = _at(found, "TC205", 302)
            (related,) = broken.related_information or []
            assert related.message.startswith("English: upstream:tpus.md:")
            exported = Path(related.location.uri.removeprefix("file://"))
            assert (
                exported != korean and exported.read_text(encoding="utf-8").split("\n") == english
            )
            shown = await client.hover(uri, 93)
            assert shown is not None and isinstance(shown.contents, types.MarkupContent)
            assert "`upstream:tpus.md:94`" in shown.contents.value
            assert english[93][:40] in shown.contents.value
            target = await client.definition(uri, 93)
            assert Path(target.uri.removeprefix("file://")) == exported
            assert target.range.start.line == 93

    asyncio.run(run())


def test_the_client_names_the_english_revision(tmp_path: Path) -> None:
    root = init(tmp_path / "site")
    english = "# Guide\n\nRead [the paper](https://example.com/paper).\n"
    commit(root, {"docs/guide.md": english}, "upstream")
    git(root, "branch", "upstream")
    korean = "# 안내\n\n[논문](https://example.com/paper)을 읽으세요.\n"
    commit(root, {"docs/guide.md": korean}, "translate in place")
    guide = root / "docs" / "guide.md"

    async def run() -> None:
        async with session(root, options={"sourceRev": "upstream"}) as client:
            uri = client.open(guide)
            _, found = await client.diagnostics(uri, lambda d: True, BOUND)
            assert not found  # the link is the English one: nothing to report
            version = client.change(uri, korean.replace("/paper", "/paper2"))
            _, found = await client.diagnostics(uri, lambda d: bool(d), BOUND, version)
            (changed,) = found
            assert (changed.code, changed.range.start.line) == ("TC203", 2)
            (related,) = changed.related_information or []
            assert related.message == "English: upstream:docs/guide.md:3"

    asyncio.run(run())


def _pair(site: Path, name: str, korean_link: str) -> None:
    """An English file and its Korean file ``name`` written on disk: the Korean misses the
    English's second section (section-missing) and links to ``korean_link``."""
    english = "# Extra\n\nRead [the TPU chapter](../tpus) first.\n\n## Part two\n\nMore text.\n"
    (site / "en" / name).write_text(english, encoding="utf-8")
    korean = f"# 추가\n\n먼저 [TPU 장]({korean_link})을 읽으세요.\n"
    (site / "ko" / name).write_text(korean, encoding="utf-8")


def test_files_created_and_deleted_after_start_are_paired_and_checked(tmp_path: Path) -> None:
    site = _copy("scaling-book", tmp_path)
    tpus = site / "ko" / "tpus.md"
    watching = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        )
    )
    created, deleted = types.FileChangeType.Created, types.FileChangeType.Deleted

    async def run() -> None:
        async with session(site, capabilities=watching) as client:
            uri = client.open(tpus)
            await client.logged_line(f"of {site / 'ko'} in", BOUND)
            (watched,) = client.registered
            assert watched.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            # an unsaved link to a chapter that does not exist yet
            text = _edit(tpus.read_text(encoding="utf-8"), 302, "](../sharding)", "](../extra)")
            version = client.change(uri, text)
            await client.diagnostics(uri, lambda d: bool(_at(d, "TC205", 302)), BOUND, version)
            # the chapter is written (outside the editor): the link now reaches it
            _pair(site, "extra.md", "../tpus-x")
            client.on_disk({site / "en" / "extra.md": created, site / "ko" / "extra.md": created})
            await client.diagnostics(uri, lambda d: not _at(d, "TC205", 302), BOUND, version)
            extra = client.open(site / "ko" / "extra.md")
            _, found = await client.diagnostics(extra, lambda d: bool(d), BOUND)
            assert _shown(found) == [("TC101", 3), ("TC205", 3)]
            # a pair created with no notification is paired when its Korean file is opened
            _pair(site, "more.md", "../tpus")
            more = client.open(site / "ko" / "more.md")
            _, found = await client.diagnostics(more, lambda d: bool(d), BOUND)
            assert _shown(found) == [("TC101", 3)]
            # the English file deleted: the Korean one has no source any more
            (site / "en" / "extra.md").unlink()
            client.on_disk({site / "en" / "extra.md": deleted})
            _, found = await client.diagnostics(extra, lambda d: _shown(d) == [("TC106", 1)], BOUND)
            # and the Korean one deleted too: its diagnostics are cleared, and the link to it
            # is broken again
            client.published.clear()
            (site / "ko" / "extra.md").unlink()
            client.on_disk({site / "ko" / "extra.md": deleted})
            await client.diagnostics(extra, lambda d: not d, BOUND)
            await client.diagnostics(uri, lambda d: bool(_at(d, "TC205", 302)), BOUND, version)

    asyncio.run(run())


def test_hover_shows_how_the_other_files_render_the_terms_of_the_line(tmp_path: Path) -> None:
    english = "# Speed\n\nInference is fast.\n"
    files = {"a.md": "추론은", "b.md": "추론은", "c.md": "inference는"}

    def write(name: str, start: str) -> None:
        (tmp_path / "en" / name).write_text(english, encoding="utf-8")
        (tmp_path / "ko" / name).write_text(f"# 속도\n\n{start} 빠릅니다.\n", encoding="utf-8")

    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
    for name, start in files.items():
        write(name, start)
    (tmp_path / "terms.yaml").write_text("terms:\n  - term: inference\n    ko: [추론]\n", "utf-8")
    config = "glossary:\n  files: [terms.yaml]\n  shipped: false\n"
    (tmp_path / ".transcheck.yaml").write_text(config, encoding="utf-8")

    async def run() -> None:
        async with session(tmp_path) as client:
            a, c = client.open(tmp_path / "ko" / "a.md"), client.open(tmp_path / "ko" / "c.md")
            await client.logged_line(f"of {tmp_path / 'ko'} in", BOUND)

            async def hover_a() -> str:
                shown = await client.hover(a, 2)
                assert shown is not None and isinstance(shown.contents, types.MarkupContent)
                return shown.contents.value

            await client.diagnostics(c, lambda d: any(x.code == "TC303" for x in d), BOUND)
            shown = await hover_a()
            assert (
                "- `inference` → 추론 (other files: kept in English 1× in 1 file, 추론 1×" in shown
            )
            # a file created with the term kept in English: the index counts it
            write("e.md", "inference는")
            on_disk = {
                tmp_path / side / "e.md": types.FileChangeType.Created for side in ("en", "ko")
            }
            client.on_disk(on_disk)
            await client.diagnostics(
                c, lambda d: any("kept in English 2× in 2 files" in x.message for x in d), BOUND
            )
            assert "(other files: kept in English 2× in 2 files, 추론 1× in 1 file)" in (
                await hover_a()
            )

    asyncio.run(run())
