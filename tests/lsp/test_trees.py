"""`transcheck lsp` on how trees are paired and kept up to date, end to end with a real client:
an in-place translation whose English is a git revision (as `check --source-rev` pairs it),
files created, changed and deleted after the server started."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
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
            assert exported != korean and exported.read_text(encoding="utf-8").split(
                "\n"
            ) == english
            shown = await client.hover(uri, 93)
            assert shown is not None and isinstance(shown.contents, types.MarkupContent)
            assert "`upstream:tpus.md:94`" in shown.contents.value
            assert english[93][:40] in shown.contents.value
            target = await client.definition(uri, 93)
            assert Path(target.uri.removeprefix("file://")) == exported
            assert target.range.start.line == 93

    asyncio.run(run())
