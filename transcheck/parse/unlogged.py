"""Copies of markdown-it block rules that skip its per-line debug logging.

markdown-it's block rules call ``LOGGER.debug`` on every line they are asked about; with
logging off that is still a call and a level check per line and rule. A copy of the same
function (code, defaults, closure) whose module globals hold a silent ``LOGGER`` parses the same.
"""

from __future__ import annotations

from types import FunctionType
from typing import TypeVar

_F = TypeVar("_F")


class _Unlogged:
    """Stands in for a markdown-it module's ``LOGGER`` in our copies of its block rules."""

    @staticmethod
    def debug(*args: object) -> None:
        """Drop the message."""


def unlogged(function: _F) -> _F:
    """``function`` itself, or, when its module logs through ``LOGGER``, a copy that does not."""
    if not isinstance(function, FunctionType) or "LOGGER" not in function.__globals__:
        return function
    namespace = {**function.__globals__, "LOGGER": _Unlogged}
    copy = FunctionType(
        function.__code__,
        namespace,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    return copy  # type: ignore[return-value]
