"""Latin-script terms: the names, acronyms and English words a Korean translation keeps as they
are (``Vue``, ``TPU``, ``props``), and whether a Korean term is one of an English text's words.
Both block alignment (which Korean paragraph keeps the terms of which English one) and the drift
rules (terms the English no longer has) read them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from transcheck.model import Block

WORD_CHARS = "A-Za-z0-9+#-"  # what a Latin-script word of ``words`` may hold after its first letter
# A Latin-script word of three characters or more. Its shorter form (``[A-Za-z][…]*[…]``, two
# or more) finds the same long words: where it stops at two characters, no longer word starts
# at the next one either, so the search goes on from the same place (tests/align/test_terms.py).
_LATIN = re.compile(rf"[A-Za-z][{WORD_CHARS}]+[A-Za-z0-9+#]")


def words(text: str, parts: bool = False) -> set[str]:
    """The Latin-script words of a text of three letters or more, lowercased; with ``parts``,
    a hyphenated word also gives its parts and its letters run together (``In-DOM``: ``dom``,
    ``indom``). Lowered and gathered at C speed (a Korean block asked for its terms holds three
    on average)."""
    found = set(map(str.lower, _LATIN.findall(text)))
    if parts:
        pieces = {
            piece
            for word in found
            if "-" in word
            for piece in (*word.split("-"), word.replace("-", ""))
        }
        found.update(piece for piece in pieces if len(piece) >= 3)
    return found


class EnglishWords:
    """The Latin-script words of an English text, indexed to tell whether a word of the Korean
    is one of them (a plural, an inflection, a shortening or a part counts: ``TPU`` for
    ``TPUs``, ``mount`` for ``mounting``, ``shaking`` for ``treeshaking``) without going
    through all of them: the words sorted, their stems, and the words run together."""

    __slots__ = ("_joined", "_sorted", "_stems")

    def __init__(self, english: Iterable[str]) -> None:
        """Index ``english``: lowercased words of three letters or more, as ``words`` gives.
        The stems and the joined words are made when a word first needs them: most words
        asked about are found by their own stem."""
        self._sorted = sorted(set(english))
        self._stems: set[str] | None = None
        self._joined: str | None = None

    def keep(self, word: str) -> bool:
        """Whether ``word`` (lowercased, three letters or more) is one of the English words:
        one starts with the word's stem, the word starts with one's stem, or the word (five
        letters or more) is part of one."""
        stem = _stem(word)
        at = bisect_left(self._sorted, stem)  # the first word that may start with the stem
        if at < len(self._sorted) and self._sorted[at].startswith(stem):
            return True
        if self._stems is None:
            self._stems = {_stem(other) for other in self._sorted}
        if any(word[:end] in self._stems for end in range(3, len(word) + 1)):
            return True
        if len(word) < 5:
            return False
        if self._joined is None:
            self._joined = "\n".join(self._sorted)
        return word in self._joined


def _stem(word: str) -> str:
    """What a word must start with to count as another: all but its last two letters, at least
    three."""
    return word[: max(3, len(word) - 2)]


# An acronym and the words it stands for, one in brackets after the other: "NLP(Natural
# Language Processing)", "대규모 언어 모델(LLM, Large Language Model)", "Retrieval-Augmented
# Generation(RAG)".
_EXPANSION = r"[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Za-z][A-Za-z-]*){1,6}"
_ACRONYM = r"[A-Z][A-Za-z]*[A-Z]"
_GLOSS = re.compile(
    rf"\b(?P<a1>{_ACRONYM})s?[ \t]*[(（][ \t]*(?P<e1>{_EXPANSION})[ \t]*[)）]"
    rf"|\b(?P<e2>{_EXPANSION})[ \t]*[(（][ \t]*(?P<a2>{_ACRONYM})s?[ \t]*[)）]"
    rf"|[(（][ \t]*(?P<a3>{_ACRONYM})s?[ \t]*,[ \t]*(?P<e3>{_EXPANSION})[ \t]*[)）]"
    rf"|[(（][ \t]*(?P<e4>{_EXPANSION})[ \t]*,[ \t]*(?P<a4>{_ACRONYM})s?[ \t]*[)）]"
)
_MINOR = frozenset({"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "by"})


def _initials(parts: Sequence[str]) -> tuple[str, str]:
    """The initials of lowercased words: all of them, and with minor words (of, and, the, …)
    left out; an acronym may be either."""
    return "".join(p[0] for p in parts), "".join(p[0] for p in parts if p not in _MINOR)


def glosses(korean: str) -> dict[str, frozenset[str]]:
    """The acronyms a Korean text spells out in brackets (``NLP(Natural Language Processing)``),
    lowercased, each with the words (three letters or more, as ``words`` reads them) of its
    expansion: where the English writes the acronym, those words are the translator's gloss,
    not terms the English lost. Words before an expansion that the acronym does not start
    with (``using Retrieval-Augmented Generation (RAG)``) are no part of it."""
    found: dict[str, frozenset[str]] = {}
    if "(" not in korean and "（" not in korean:
        return found
    for match in _GLOSS.finditer(korean):
        form = next(n for n in range(1, 5) if match.group(f"a{n}"))
        acronym = match.group(f"a{form}").lower()
        parts = [part for part in re.split(r"[\s-]+", match.group(f"e{form}").lower()) if part]
        # an expansion after its acronym may take in words after it; one before, words before
        after = form in (1, 3)
        runs = [parts[: len(parts) - k] if after else parts[k:] for k in range(len(parts) - 1)]
        run = next((run for run in runs if acronym in _initials(run)), None)
        if run is not None:
            written = words(match.group(f"e{form}"), parts=True)
            found[acronym] = frozenset(
                written if run == parts else (w for w in written if set(w.split("-")) <= {*run})
            )
    return found


def acronyms(title: str) -> frozenset[str]:
    """The acronyms a title's Latin-script words may go by (``nlp`` for "Natural Language
    Processing"): a Korean heading may name the page's subject so."""
    parts = [part for part in re.split(r"[^a-z]+", title.lower()) if part]
    return frozenset(a for a in _initials(parts) if len(a) >= 2) if len(parts) >= 2 else frozenset()


def glossed(korean: str, english: EnglishWords) -> frozenset[str]:
    """The words of the acronym expansions a Korean text writes for acronyms the English has
    (see ``glosses``)."""
    return frozenset(
        word
        for acronym, expansion in glosses(korean).items()
        if english.keep(acronym)
        for word in expansion
    )


def everything(block: Block) -> str:
    """All of a block a reader sees, with its link targets: where kept terms are looked for."""
    return " ".join([block.shown or block.text, *(link.url for link in block.links)])


@lru_cache(maxsize=1024)
def english_words(text: str) -> EnglishWords:
    """The indexed words of an English text, hyphenated parts included. Remembered by text: the
    drift rules and block alignment ask about the same blocks, and the language server about
    the same English chapter at every keystroke."""
    return EnglishWords(words(text, parts=True))


@lru_cache(maxsize=2048)
def korean_terms(text: str) -> frozenset[str]:
    """The Latin-script terms of a Korean text, remembered by text (block alignment and the
    drift rules ask about the same Korean blocks)."""
    return frozenset(words(text))


@lru_cache(maxsize=4096)
def _agreement(english: str, korean: str) -> int:
    """How many of the Korean text's terms the English text has, less how many it lacks. A term
    that starts a word of the English is kept without indexing its words (``starts_word``):
    the English of a pair most often writes every term the Korean keeps."""
    kept = korean_terms(korean)
    if not kept:
        return 0
    written = lowered(english)
    unsure = [word for word in kept if not starts_word(word, written)]
    if not unsure:
        return len(kept)
    index = english_words(english)
    return len(kept) - 2 * sum(1 for word in unsure if not index.keep(word))


def lowered(text: str) -> bytes:
    """A text as UTF-8 with its ASCII letters lowered (terms are ASCII): what ``starts_word``
    searches."""
    return text.encode("utf-8", "surrogatepass").lower()


# the ASCII bytes that can continue a word ``words`` reads
_WORD_BYTES = frozenset(b for b in range(128) if re.fullmatch(f"[{WORD_CHARS}]", chr(b)))


def starts_word(term: str, text: bytes) -> bool:
    """Whether a term (a Latin-script word, lowercased) starts a word of a text (``lowered``)
    that ``words`` reads: that word then starts with it, and the English keeps the term
    (``EnglishWords.keep``), found without indexing the English words."""
    needle = term.encode()
    at = text.find(needle)
    while at >= 0:
        if not at or text[at - 1] not in _WORD_BYTES:
            return True
        at = text.find(needle, at + 1)
    return False


class Agreement:
    """How many of a Korean block's Latin-script terms an English block has, less how many it
    lacks, for blocks of two documents named by their index. Scores are remembered by the two
    texts, so block alignment asking for the same pairs again as it moves along, and a Korean
    chapter checked again after an edit elsewhere in it, score each pair of texts once."""

    def __init__(self, english: Sequence[Block], korean: Sequence[Block]) -> None:
        """Blocks are named by their index in ``english`` and ``korean``."""
        self._english = english
        self._korean = korean
        self._english_texts: dict[int, str] = {}

    def terms(self, j: int) -> int:
        """How many Latin-script terms Korean block ``j`` has."""
        return len(korean_terms(self._korean[j].text))

    def as_written(self, i: int, j: int) -> bool:
        """Whether Korean block ``j`` is English block ``i`` as it shows (code or HTML left
        untranslated): the English then has every term of it, and their agreement is the
        Korean block's term count, known without looking a word up."""
        english = self._english[i]
        return self._korean[j].text == (english.shown or english.text)

    def room(self, i: int, j: int) -> int:
        """The most Korean block ``j``'s terms can add for it in swapping English block ``i``
        for another (see align.blocks._uncross): its agreement with the other block up to its
        term count, its agreement with ``i`` down to minus that; nothing when it is ``i`` as
        written (its agreement with ``i`` is already the most any block reaches)."""
        # as_written and terms, read here without their two calls: asked of every two
        # neighbouring pairs as _uncross moves along (~12,000 times on vue-docs)
        korean, english = self._korean[j].text, self._english[i]
        return 0 if korean == (english.shown or english.text) else 2 * len(korean_terms(korean))

    def __call__(self, i: int, j: int) -> int:
        """The agreement of English block ``i`` and Korean block ``j``."""
        if self.as_written(i, j):
            return self.terms(j)
        english = self._english_texts.get(i)
        if english is None:
            english = self._english_texts[i] = everything(self._english[i])
        return _agreement(english, self._korean[j].text)
