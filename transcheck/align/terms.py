"""Latin-script terms: the names, acronyms and English words a Korean translation keeps as they
are (``Vue``, ``TPU``, ``props``), and whether a Korean term is one of an English text's words.
Both block alignment (which Korean paragraph keeps the terms of which English one) and the drift
rules (terms the English no longer has) read them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from transcheck.model import Block

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+#-]*[A-Za-z0-9+#]")


def words(text: str, parts: bool = False) -> set[str]:
    """The Latin-script words of a text of three letters or more, lowercased; with ``parts``,
    a hyphenated word also gives its parts and its letters run together (``In-DOM``: ``dom``,
    ``indom``)."""
    found = {word.lower() for word in _LATIN.findall(text)}
    if parts:
        found |= {
            piece
            for word in found
            if "-" in word
            for piece in [*word.split("-"), word.replace("-", "")]
        }
    return {word for word in found if len(word) >= 3}


def kept(word: str, english: Iterable[str]) -> bool:
    """Whether a Latin-script word of the Korean is one of the English words (a plural, an
    inflection, a shortening or a part counts: ``TPU`` for ``TPUs``, ``mount`` for
    ``mounting``, ``shaking`` for ``treeshaking``)."""
    stem = word[: max(3, len(word) - 2)]
    return any(
        other.startswith(stem)
        or word.startswith(other[: max(3, len(other) - 2)])
        or (len(word) >= 5 and word in other)
        for other in english
    )


def everything(block: Block) -> str:
    """All of a block a reader sees, with its link targets: where kept terms are looked for."""
    return " ".join([block.shown or block.text, *(link.url for link in block.links)])


def agreement(english: Block, korean: Block) -> int:
    """How many of the Korean block's Latin-script terms its English block has, less how many
    it lacks."""
    own = frozenset(words(everything(english), parts=True))
    return sum(1 if _kept(word, own) else -1 for word in words(korean.text))


@lru_cache(maxsize=32_768)
def _kept(word: str, english: frozenset[str]) -> bool:
    """``kept``, remembered: block alignment asks it of the same blocks again and again."""
    return kept(word, english)
