"""Words as one regex shaped as a trie, for the glossary's matching: the terms of a glossary
(glossary.matcher) and the particles and endings that may follow a Korean noun (glossary.korean).
Apart from both, as the matcher builds on the Korean tails."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def trie_regex(words: Iterable[str], atoms: Mapping[str, str] | None = None) -> str:
    """One regex matching any of ``words``, shaped as a trie so matching is fast and a longer
    word is tried before its prefix (at any one place the words that match are prefixes of one
    another: longest first, as an alternation sorted by length tries them); ``atoms`` maps
    special characters to regex pieces."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    pieces = atoms or {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [
            pieces.get(c, re.escape(c)) + emit(child) for c, child in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)
