"""The last resort of every command: an unexpected exception is one line on stderr and exit 2.

Inside a check run each step of each pair has its own guard (``runner.Guard``); this catches what
escapes a whole command (``align``, ``status``, ``glossary …``, or ``check`` outside its pairs).
``--debug`` prints the traceback of either kind on stderr; without it no traceback is shown.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer

try:  # typer 0.2x vendors click (and no longer installs it); earlier versions use click itself
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as click_errors  # type: ignore[no-redef]

__all__ = ["DebugOpt", "click_errors", "enable_debug", "guarded"]

DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Print the traceback of an internal error on stderr.")
]

P = ParamSpec("P")
R = TypeVar("R")


def enable_debug() -> None:
    """Send the tracebacks the pair guards log to stderr (forked workers inherit it)."""
    import logging  # --debug only: not at every start-up

    from transcheck.runner import LOG  # imported by the command run, not by every start-up

    if not LOG.handlers:
        LOG.addHandler(logging.StreamHandler(sys.stderr))
    LOG.setLevel(logging.DEBUG)


def guarded(what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a command: an exception it does not handle becomes ``transcheck: error:
    internal error while WHAT: …`` and exit 2. ``what`` is formatted with the command's
    arguments (``"aligning {source} ↔ {target}"``); a ``debug`` argument turns --debug on."""

    def decorate(command: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(command)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            debug = bool(kwargs.get("debug"))
            if debug:
                enable_debug()
            try:
                return command(*args, **kwargs)
            except (
                typer.Exit,
                typer.Abort,
                click_errors.ClickException,
            ):
                raise
            except Exception as error:  # the last resort: nothing escapes as a traceback
                from transcheck.runner import describe_exception

                if debug:
                    traceback.print_exc()
                named = {
                    k: ", ".join(map(str, v)) if isinstance(v, list) else v
                    for k, v in kwargs.items()
                }
                typer.echo(
                    f"transcheck: error: internal error while {what.format(**named)}: "
                    f"{describe_exception(error)}. This is a bug in transcheck: please report it "
                    "(--debug prints the traceback)",
                    err=True,
                )
                raise typer.Exit(2) from None

        return run

    return decorate
