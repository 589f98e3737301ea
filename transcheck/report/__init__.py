"""The report layer: one module per output format behind a small registry. Formats compute
nothing; they render a Report (findings plus rule metadata)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from transcheck.api import Report
from transcheck.report import json_format, text

Formatter = Callable[[Report, bool], str]

FORMATS: Mapping[str, Formatter] = MappingProxyType(
    {"text": text.render, "json": json_format.render}
)

__all__ = ["FORMATS", "Formatter"]
