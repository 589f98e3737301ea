"""Start-up help: packages whose public names are imported on first use (PEP 562), so that
importing one of their modules, or the command line naming them, does not load the whole
package; regular expressions compiled on first use; and imports run with the garbage collector
paused."""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import import_module
from typing import Any, AnyStr


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


def compiled(pattern: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """``re.compile(pattern, flags)`` done on the first call, not at import: for a pattern that
    only some runs reach (one dialect, one language, fingerprints for a baseline). Compiling
    costs 0.1-2 ms on Python 3.11, most for a non-ASCII character class such as Hangul's
    (benchmarks/README.md, start-up fourth part); later calls return the same pattern."""

    @cache
    def pattern_() -> re.Pattern[AnyStr]:
        return re.compile(pattern, flags)

    return pattern_


@contextmanager
def uncollected() -> Iterator[None]:
    """Around imports: the garbage collector paused, then all it tracks moved to its oldest
    generation at once. Imported modules live until the process ends, so collecting while
    importing frees nothing but walks everything imported so far, again and again; and
    young-generation collections after it no longer walk what the imports made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:  # someone's own frozen objects stay frozen
            gc.freeze()
            gc.unfreeze()  # the frozen objects back, into the oldest generation
        if enabled:
            gc.enable()
