"""Whitespace collapsed as ``" ".join(text.split())`` does, without splitting text that is
collapsed already (most prose: one line, single spaces)."""

from __future__ import annotations


def collapse_blanks(text: str) -> str:
    """``text`` with each run of whitespace one space and none at either end.

    Every whitespace character but the space is unprintable, so a printable text without two
    spaces in a row or one at an end is its own result; splitting it would copy every word.
    """
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())
