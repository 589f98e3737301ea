"""A time budget for one piece of work (one file pair), so a single input cannot stall a run.

The budget is a real-time alarm (SIGALRM) that raises OverBudget in the main thread of the
process doing the work (the CLI process, or a forked worker's). Python code is interrupted at
once; a long call into C (one regex match) is interrupted when it returns. Where no alarm can be
set (another thread, a platform without setitimer, an alarm already armed by someone else) the
work runs without a budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(BaseException):
    """The work took longer than its budget. A BaseException, like KeyboardInterrupt, so that
    guards catching Exception around single rules do not swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the time budget of {seconds:g} s")
        self.seconds = seconds


def _can_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Run the body with ``seconds`` of wall-clock time (0 or less: no budget); OverBudget
    when it runs out."""
    if seconds <= 0 or not _can_alarm():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
