"""transcheck: check a Korean Markdown translation against its English source.

Public API: ``check_paths`` (files or trees), ``check_pair`` (two strings), and the records they
return; imported on first use, so ``python -m transcheck --version`` does not load the checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from transcheck.lazy import exports

if TYPE_CHECKING:
    from transcheck.api import Report, check_pair, check_paths
    from transcheck.config import Config, load_config
    from transcheck.findings import Finding, Location, Severity

_HOMES = {
    "Config": "transcheck.config",
    "Finding": "transcheck.findings",
    "Location": "transcheck.findings",
    "Report": "transcheck.api",
    "Severity": "transcheck.findings",
    "check_pair": "transcheck.api",
    "check_paths": "transcheck.api",
    "load_config": "transcheck.config",
}
__getattr__ = exports(__name__, _HOMES)

__all__ = [
    "Config",
    "Finding",
    "Location",
    "Report",
    "Severity",
    "check_pair",
    "check_paths",
    "load_config",
]
