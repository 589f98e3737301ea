"""``transcheck check --format html=FILE``: the page written beside other formats, chapter
views built only when html is asked for, and no progress bar where stderr is not a terminal."""

from __future__ import annotations

import json
from pathlib import Path

from html_dom import parse
from html_helpers import DEMO_EN, DEMO_KO, sections
from typer.testing import CliRunner

from transcheck.api import check_paths
from transcheck.cli import app


def test_html_file_is_written_beside_json_and_progress_stays_silent(
    tmp_path: Path, chdir_tmp: Path
) -> None:
    page, machine = tmp_path / "report.html", tmp_path / "report.json"
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(DEMO_EN),
            str(DEMO_KO),
            "--format",
            f"html={page}",
            "--format",
            f"json={machine}",
        ],
    )
    assert result.exit_code == 1, result.output
    assert result.output == ""  # both reports went to files; no bar in a non-terminal
    root = parse(page.read_text(encoding="utf-8"))
    assert len(sections(root)) == 7
    notes = root.find_all("div", "f")
    assert len(notes) == len(json.loads(machine.read_text(encoding="utf-8"))["findings"])


def test_corpus_with_many_pairs_prints_no_progress_outside_a_terminal(
    corpus: Path, chdir_tmp: Path
) -> None:
    result = CliRunner().invoke(
        app, ["check", str(corpus / "en"), str(corpus / "ko"), "--format", "json"]
    )
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["pairs"] == 15  # stdout is the JSON alone


def test_chapter_views_only_when_asked_for() -> None:
    assert check_paths(DEMO_EN, DEMO_KO).chapters == ()
    views = check_paths(DEMO_EN, DEMO_KO, chapters=True).chapters
    assert [(view.name, len(view.rows)) for view in views] == [("attention.md", 7)]
