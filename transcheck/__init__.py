"""transcheck: check a Korean Markdown translation against its English source.

Public API: ``check_paths`` (files or trees), ``check_pair`` (two strings), and the records they
return.
"""

from transcheck.api import Report, check_pair, check_paths
from transcheck.config import Config, load_config
from transcheck.findings import Finding, Location, Severity

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
