"""The report layer: one module per output format behind a small registry. Formats compute
nothing; they render a Report (findings plus rule metadata) under RenderOptions.

A format is a function ``(Report, RenderOptions) -> str`` registered in FORMATS by name; its
module is imported when the format is first used, so a run pays only for the formats it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from transcheck.report.options import RenderOptions

if TYPE_CHECKING:  # the command line imports the format names before any run
    from transcheck.api import Report

Formatter = Callable[["Report", RenderOptions], str]

_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
    "rdjson": "rdjson",
    "html": "html",
}


class _Formats(Mapping[str, Formatter]):
    """Format name -> its ``render`` function, importing the format's module on first use."""

    def __getitem__(self, name: str) -> Formatter:
        module = import_module(f"transcheck.report.{_MODULES[name]}")
        render: Formatter = module.render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Formatter] = _Formats()

__all__ = ["FORMATS", "Formatter", "RenderOptions"]
