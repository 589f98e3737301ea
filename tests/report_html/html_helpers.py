"""Helpers of the HTML report tests: the demo's folder, check two trees, render the page, read
the sections and lines its data block holds."""

from __future__ import annotations

import base64
import json
import string
import zlib
from pathlib import Path
from typing import Any

from html_dom import Element

from transcheck.api import Report, check_paths
from transcheck.config import Config
from transcheck.glossary import shipped_path
from transcheck.report.html import DATA_TYPE, render_html
from transcheck.report.html_chapter import line_id

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
# The demo chapter the report tests read line by line (the demo's other chapter has one finding)
DEMO_EN, DEMO_KO = DEMO / "en" / "attention.md", DEMO / "ko" / "attention.md"


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


def sections(root: Element) -> list[dict[str, Any]]:
    """Every section of a page as its data block holds them (decoded), in page order."""
    block = root.by_id("sections")
    assert block.tag == "script" and block.attrs["type"] == DATA_TYPE
    packed = block.text()
    assert set(packed) <= set(string.ascii_letters + string.digits + "+/=")
    data: list[dict[str, Any]] = json.loads(zlib.decompress(base64.b64decode(packed)))
    return data


def page_lines(root: Element) -> dict[str, str]:
    """Every source line of a page by its element id (``c1k7``), as the reader sees it: from
    the data, or, for a line the data leaves out (null), the written line's own text."""
    written = root.ids()
    lines = {}
    for entry in sections(root):
        for korean, cell in enumerate(entry["x"]):
            for offset, text in enumerate(cell.get("l", ())):
                ident = line_id(entry["n"], bool(korean), cell["f"] + offset)
                lines[ident] = written[ident].own_text() if text is None else text
    return lines
