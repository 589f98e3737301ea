"""Baselines: fingerprints ignore line shifts; fixed findings are counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.baseline import BaselineError, baseline_document, load_baseline, split
from transcheck.findings import Finding, Location, Severity


def finding(line: int, message: str = "link to 'a' is missing") -> Finding:
    """A link-missing finding at ko/x.md:line."""
    return Finding(
        "TC201",
        "link-missing",
        Severity.ERROR,
        message,
        Location("en/x.md", line),
        Location("ko/x.md", line),
    )


def test_round_trip_survives_line_shift(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(baseline_document([finding(10), finding(20, "other")], str), encoding="utf-8")
    accepted = load_baseline(path)
    result = split([finding(13), finding(40, "new one")], accepted, str)
    assert [f.message for f in result.new] == ["new one"]
    assert [f.target.line for f in result.unchanged] == [13]
    assert result.fixed == 1


def test_identical_findings_are_counted_not_merged(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(baseline_document([finding(10)], str), encoding="utf-8")
    result = split([finding(10), finding(30)], load_baseline(path), str)
    assert len(result.unchanged) == 1 and len(result.new) == 1


def test_bad_baseline_names_file(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BaselineError, match=r"b\.json"):
        load_baseline(path)
