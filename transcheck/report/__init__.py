"""The report layer: one module per output format behind a small registry. Formats compute
nothing; they render a Report (findings plus rule metadata) under RenderOptions.

A format is a function ``(Report, RenderOptions) -> str`` registered in FORMATS by name.
"""

from __future__ import annotations

from collections.abc import Callable

from transcheck.api import Report
from transcheck.report import github, html, json_format, markdown, rdjson, sarif, text
from transcheck.report.options import RenderOptions

Formatter = Callable[[Report, RenderOptions], str]

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "markdown": markdown.render,
    "rdjson": rdjson.render,
    "html": html.render,
}

__all__ = ["FORMATS", "Formatter", "RenderOptions"]
