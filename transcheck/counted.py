"""Counted nouns (``1 item``, ``3 items``): one spelling for the messages of every layer."""

from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``1 file pair``, ``2 file pairs`` (``many`` for irregular plurals)."""
    return f"{count} {singular if count == 1 else many or singular + 's'}"
