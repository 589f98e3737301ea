"""``glossary import`` writes YAML that always loads back as the same values: CSV cells with
newlines, quotes, control characters, line separators or YAML syntax round-trip exactly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from transcheck.cli import app
from transcheck.glossary.dump import scalar
from transcheck.glossary.load import read_glossary


@given(st.text())
def test_any_string_round_trips_through_scalar(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}


def test_hostile_csv_imports_to_a_glossary_that_loads(chdir_tmp: Path) -> None:
    rows = [
        ["English", "한글", "비고"],
        ["Pod", "파드", "line one\nline two"],
        ["Node", "노드\x07", "bell \x01 and nul-free control\x1b[31m"],
        ["a: b # c", "서비스", "- starts like a list\u2028with a line separator"],
        ["yes", "예", '"quoted" and \\backslash'],
        ["tag", "태그", "!!python/object:os.system"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    source = chdir_tmp / "terms\x01.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    result = CliRunner().invoke(app, ["glossary", "import", str(source), "-o", "out.yaml"])
    assert result.exit_code == 0, result.stderr
    glossary, problems = read_glossary(chdir_tmp / "out.yaml")
    assert problems == []
    notes = {entry.term: entry.note for entry in glossary.entries}
    assert notes == {row[0]: row[2] for row in rows[1:]}
    assert {entry.term: entry.ko for entry in glossary.entries}["Node"] == ("노드\x07",)
