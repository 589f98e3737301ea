"""Heading ids as the sites that render Markdown compute them.

``github``: GitHub's algorithm (github-slugger), which is also what Jekyll's kramdown produces
with ``input: GFM``: lower-case, drop punctuation and symbols, keep letters of every script,
spaces become ``-``, duplicates get ``-1``, ``-2``. ``kramdown``: plain kramdown, which drops
leading non-letters and every non-ASCII letter, and falls back to ``section``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

SLUG_STYLES = ("github", "kramdown")


def _keep_github(ch: str) -> bool:
    if ch in " -_":
        return True
    category = unicodedata.category(ch)
    return category[0] in "LMN" or category == "Pc"


def github_slug(text: str) -> str:
    """The id GitHub (and kramdown's GFM parser) gives a heading, before de-duplication."""
    lowered = text.strip().lower()
    return "".join(ch for ch in lowered if _keep_github(ch)).replace(" ", "-")


_KRAMDOWN_LEADING = re.compile(r"^[^a-zA-Z]+")
_KRAMDOWN_DROP = re.compile(r"[^a-zA-Z0-9 -]")


def kramdown_slug(text: str) -> str:
    """The id plain kramdown gives a heading, before de-duplication."""
    slug = _KRAMDOWN_LEADING.sub("", text.strip())
    slug = _KRAMDOWN_DROP.sub("", slug).replace(" ", "-").lower()
    return slug or "section"


_BASE: dict[str, Callable[[str], str]] = {"github": github_slug, "kramdown": kramdown_slug}


class Slugger:
    """Hands out unique heading ids for one document, in document order."""

    def __init__(self, style: str = "github") -> None:
        if style not in _BASE:
            raise ValueError(f"unknown slug style {style!r}; valid: {', '.join(SLUG_STYLES)}")
        self._base = _BASE[style]
        self._seen: dict[str, int] = {}

    def reserve(self, anchor: str) -> None:
        """Record an explicit id so generated ids do not collide with it."""
        self._seen.setdefault(anchor, 0)

    def slug(self, text: str) -> str:
        """A unique id for a heading with this text."""
        base = self._base(text)
        if base not in self._seen:
            self._seen[base] = 0
            return base
        count = self._seen[base]
        while True:
            count += 1
            candidate = f"{base}-{count}"
            if candidate not in self._seen:
                self._seen[base] = count
                self._seen[candidate] = 0
                return candidate
