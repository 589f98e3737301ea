"""Counted nouns (``1 item``, ``3 items``): one spelling for the messages of every layer."""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``1 file pair``, ``2 file pairs`` (``many`` for irregular plurals)."""
    return f"{count} {singular if count == 1 else many or singular + 's'}"


def listed(names: Sequence[str], most: int = 0) -> str:
    """``a``, ``a and b``, ``a, b and c``; with ``most``, past ``most + 1`` names the first
    ``most`` and a count (``a, b, c and 4 more``)."""
    if most and len(names) > most + 1:
        return f"{', '.join(names[:most])} and {len(names) - most} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def elsewhere(lines: Sequence[int], side: str = "English") -> str:
    """The other lines (of ``side``) of something a page says several times, after its first:
    `` (3× in this file; also English lines 57, 59)``; '' when there are none."""
    if not lines:
        return ""
    shown = ", ".join(str(line) for line in lines)
    return f" ({len(lines) + 1}× in this file; also {side} line{'s' * (len(lines) > 1)} {shown})"


def clipped(text: str, limit: int = 60) -> str:
    """Text cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
