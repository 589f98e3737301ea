"""A progress bar on stderr while file pairs are checked, for a person at a terminal only: silent
when stderr is not a terminal, in CI, when a machine format is written, and for a few pairs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # rich is imported only when a bar is drawn (it costs start-up time)
    from rich.progress import Progress

MIN_PAIRS = 4  # fewer pairs are checked before a bar could be read
HUMAN_FORMATS = frozenset({"text", "html"})

Hook = Callable[[int, int], None]  # (pairs done, pairs in all), called after each pair


def wanted(formats: Iterable[str], stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether a bar may be drawn: ``stream`` is a terminal, ``CI`` is unset, and every format
    asked for is one people read (a machine format's consumer wants a quiet stderr)."""
    return stream.isatty() and not environ.get("CI") and set(formats) <= HUMAN_FORMATS


class PairBar:
    """The pipeline's progress hook: a transient bar, started once a run has MIN_PAIRS pairs."""

    def __init__(self, stream: TextIO) -> None:
        """Draw on ``stream`` (a terminal; see wanted)."""
        self._stream = stream
        self._bar: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` pairs checked."""
        if total < MIN_PAIRS:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("file pairs"),
                TimeElapsedColumn(),
                console=Console(file=self._stream, force_terminal=True),
                transient=True,
            )
            self._bar.start()
            self._bar.add_task("pairs", total=total)
        self._bar.update(self._bar.task_ids[0], completed=done, total=total)

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self._bar is not None:
            self._bar.stop()


@contextmanager
def pair_progress(enabled: bool, stream: TextIO = sys.stderr) -> Iterator[Hook | None]:
    """A progress hook for one run (None when not ``enabled``), closed at the end."""
    if not enabled:
        yield None
        return
    bar = PairBar(stream)
    try:
        yield bar
    finally:
        bar.close()
