"""Start-up help: packages whose public names are imported on first use (PEP 562), so that
importing one of their modules, or the command line naming them, does not load the whole
package; and regular expressions compiled on first use."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from functools import cache
from importlib import import_module
from typing import Any


def exports(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each public name (a key of ``homes``) is
    imported from its module (the value) when first asked for, then kept in the package."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        setattr(sys.modules[package], name, value)  # asked once: later lookups find it
        return value

    return __getattr__


def compiled(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """``re.compile(pattern, flags)`` done on the first call, not at import: for a pattern that
    only some runs reach (one dialect, one language, fingerprints for a baseline). Compiling
    costs 0.1-2 ms on Python 3.11, most for a non-ASCII character class such as Hangul's
    (benchmarks/README.md, start-up fourth part); later calls return the same pattern."""

    @cache
    def pattern_() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return pattern_
