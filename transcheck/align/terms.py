"""Latin-script terms: the names, acronyms and English words a Korean translation keeps as they
are (``Vue``, ``TPU``, ``props``), and whether a Korean term is one of an English text's words.
Both block alignment (which Korean paragraph keeps the terms of which English one) and the drift
rules (terms the English no longer has) read them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

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


class EnglishWords:
    """The Latin-script words of an English text, indexed to tell whether a word of the Korean
    is one of them (a plural, an inflection, a shortening or a part counts: ``TPU`` for
    ``TPUs``, ``mount`` for ``mounting``, ``shaking`` for ``treeshaking``) without going
    through all of them: the words sorted, their stems, and the words run together."""

    __slots__ = ("_joined", "_sorted", "_stems")

    def __init__(self, english: Iterable[str]) -> None:
        """Index ``english``: lowercased words of three letters or more, as ``words`` gives."""
        self._sorted = sorted(set(english))
        self._stems = {_stem(other) for other in self._sorted}
        self._joined = "\n".join(self._sorted)

    def keep(self, word: str) -> bool:
        """Whether ``word`` (lowercased, three letters or more) is one of the English words:
        one starts with the word's stem, the word starts with one's stem, or the word (five
        letters or more) is part of one."""
        stem = _stem(word)
        at = bisect_left(self._sorted, stem)  # the first word that may start with the stem
        if at < len(self._sorted) and self._sorted[at].startswith(stem):
            return True
        if any(word[:end] in self._stems for end in range(3, len(word) + 1)):
            return True
        return len(word) >= 5 and word in self._joined


def _stem(word: str) -> str:
    """What a word must start with to count as another: all but its last two letters, at least
    three."""
    return word[: max(3, len(word) - 2)]


def everything(block: Block) -> str:
    """All of a block a reader sees, with its link targets: where kept terms are looked for."""
    return " ".join([block.shown or block.text, *(link.url for link in block.links)])


class Agreement:
    """How many of a Korean block's Latin-script terms an English block has, less how many it
    lacks, for blocks of two documents: each block's terms are read once, each pair scored once
    (block alignment asks for the same pairs again as it moves along)."""

    def __init__(self, english: Sequence[Block], korean: Sequence[Block]) -> None:
        """Blocks are named by their index in ``english`` and ``korean``."""
        self._english = english
        self._korean = korean
        self._english_terms: dict[int, EnglishWords] = {}
        self._korean_terms: dict[int, set[str]] = {}
        self._scores: dict[tuple[int, int], int] = {}

    def terms(self, j: int) -> set[str]:
        """The Latin-script terms of Korean block ``j``."""
        if j not in self._korean_terms:
            self._korean_terms[j] = words(self._korean[j].text)
        return self._korean_terms[j]

    def __call__(self, i: int, j: int) -> int:
        """The agreement of English block ``i`` and Korean block ``j``."""
        score = self._scores.get((i, j))
        if score is None:
            if i not in self._english_terms:
                self._english_terms[i] = EnglishWords(
                    words(everything(self._english[i]), parts=True)
                )
            own = self._english_terms[i]
            score = sum(1 if own.keep(word) else -1 for word in self.terms(j))
            self._scores[i, j] = score
        return score
