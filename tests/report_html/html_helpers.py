"""Helpers of the HTML report tests: the demo's folder, check two trees, render the page."""

from __future__ import annotations

from pathlib import Path

from transcheck.api import Report, check_paths
from transcheck.config import Config
from transcheck.glossary import shipped_path
from transcheck.report.html import render_html

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


def checked(source: Path, target: Path, config: Config | None = None) -> Report:
    """The report of two trees with the chapter views the html format renders."""
    return check_paths(source, target, config, chapters=True)


def page(source: Path, target: Path, config: Config | None = None) -> str:
    """The HTML page of two trees."""
    report = checked(source, target, config)
    return render_html(report, report.chapters)


def with_shipped_glossary() -> Config:
    """A config naming the shipped ML-systems glossary (as ``--glossary ko-ml`` does)."""
    return Config(options={"glossary": {"files": [str(shipped_path("ko-ml"))]}})
