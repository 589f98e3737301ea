"""Finding glossary terms in prose: English forms, Korean renderings with their particles and
endings, English words kept in Korean text, forbidden renderings, and ``추론(inference)`` glosses.

All terms of one kind are compiled into one trie-shaped regex, so a text is scanned once per kind
whatever the glossary's size. Callers pass prose (Block.text): code, math, URLs and tags are
already left out by the parse layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from enum import StrEnum
from itertools import chain
from typing import TypeVar

from transcheck.glossary.korean import HANGUL, NOUN_TAIL, VERB_TAIL, tail_ok
from transcheck.glossary.model import Entry, Glossary
from transcheck.glossary.trie import trie_regex
from transcheck.hangul import FIRST_SYLLABLE, LAST_SYLLABLE, after_syllable
from transcheck.lazy import compiled
from transcheck.records import record

LATIN = re.compile(r"[A-Za-z]")  # a Latin letter: English kept in Korean text holds one
_SEPARATORS = re.compile(r"[\s\-]+")
_GLOSS_OPEN = compiled(r"\s?\(\s*")
_GLOSS_CLOSE = compiled(r"\s*\)")
_WORD_BEFORE = r"(?<![A-Za-z0-9_])"
_WORD_AFTER = r"(?![A-Za-z0-9_])"
_WORD_CHAR = re.compile(r"[A-Za-z0-9_]")
# A Korean match must start a word too; that is checked on the character before it
# (after_syllable), which measured three times faster than a lookbehind on Korean text (for English
# the lookbehind wins).
# English in parentheses right after Korean is a gloss of it: 계산된 속성(computed property).
# The syllable before it is tested after the match (after_syllable): no match can start inside
# one that holds no parenthesis but its own, so this finds what a lookbehind class would,
# without compiling one.
_GLOSS = compiled(r"\s?\(([^()]*)\)")


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Where the glosses of ``text`` stand: the insides of its parentheses right after Korean."""
    return [m.span(1) for m in _GLOSS().finditer(text) if after_syllable(text, m.start())]


# Joined to a neighbour as an identifier or a name pair: plugin-vue, @rollup/plugin, provide/inject,
# Provide / Inject, app.component, Node.js, use_cache.
_JOINED_BEFORE = compiled(r"(?:[A-Za-z0-9]\s*[/+&]\s*|[./_@-])$")
_JOINED_AFTER = compiled(r"\s*[/+&]\s*[A-Za-z]|[._/-][A-Za-z0-9]|\(\)")
# Where a sentence starts: nothing before in the text, or a sentence end, then markup.
# Compiled on first use: only a capitalized English term asks where its sentence starts.
_SENTENCE_START = compiled(r"(?:^|[.!?]\s)[\s*_\"'“‘\[#>-]*$")
_ENGLISH_ATOMS = {" ": r"[\s\-]?", "-": r"[\s\-]?"}
# Characters IGNORECASE folds to an ASCII letter that str.lower() does not give (dotless i, long
# s) or gives as two characters (dotted capital I).
_FOLDED = "\u0130\u0131\u017f"
_FOLDED_OTHERWISE = re.compile(f"[{_FOLDED}]")
# What an English form's Latin letter can match: itself in any case, or one of the four other
# characters IGNORECASE folds to one (those above and the Kelvin sign).
_LATIN_MATCHED = re.compile(f"[A-Za-z{_FOLDED}\u212a]")
_REMEMBERED = 50_000  # matched surfaces a matcher keeps the targets of (then starts afresh)
_KOREAN_ATOMS = {" ": r"\s?"}


class Kind(StrEnum):
    """What an occurrence is: an English form, a Korean rendering, or a forbidden rendering."""

    ENGLISH = "english"
    KOREAN = "korean"
    FORBIDDEN = "forbidden"


_GLOSSED_KINDS = {Kind.KOREAN, Kind.ENGLISH}  # a gloss pairs one of each
# For the loops asking once per occurrence (here and in the glossary rules): Python 3.11 looks a
# member up on its enum class through EnumType's ``__getattr__`` hook, four times as long as a
# plain module name.
ENGLISH, KOREAN, FORBIDDEN = Kind.ENGLISH, Kind.KOREAN, Kind.FORBIDDEN


@record(slots=True)
class Occurrence:
    """One match in a text: the entry, what was matched, where (offsets), and whether a Korean
    rendering carries the ``(English)`` gloss right after it."""

    entry: Entry
    kind: Kind
    rendering: str  # the accepted or forbidden rendering as listed; the term for English
    surface: str  # as written (a Korean one with its particles and endings)
    start: int
    end: int
    glossed: bool = False


_Target = tuple[Entry, Kind, str]


def plurals(form: str) -> tuple[str, ...]:
    """A form and its regular plural (kernel/kernels, batch/batches, topology/topologies)."""
    head, _, last = form.rpartition(" ")
    lower = last.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return (form, f"{head} {plural}" if head else plural)


def english_key(text: str, case_sensitive: bool) -> str:
    """The lookup key of an English surface: separators (space, hyphen) dropped, case folded."""
    key = _SEPARATORS.sub("", text)
    return key if case_sensitive else key.casefold()


def korean_key(text: str) -> str:
    """The lookup key of a Korean rendering: spaces dropped (지연 시간 = 지연시간)."""
    return "".join(text.split())


def _first_char(words: Iterable[str]) -> str:
    """A lookahead for the characters ``words`` start with: one test of the character, where
    the word-start lookbehind and the trie would try each branch at every position (over Korean
    text three times slower). Empty when a word starts with a separator (optional in a match)."""
    first = {word[0] for word in words}
    if first & set(_ENGLISH_ATOMS):
        return ""
    return f"(?=[{''.join(map(re.escape, sorted(first)))}])"


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, case-insensitive, a space matching any spacing."""
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(f"{_WORD_BEFORE}(?:{body}){_WORD_AFTER}", re.IGNORECASE)


def _without_overlaps(found: Iterable[Occurrence]) -> list[Occurrence]:
    """Occurrences in text order; of overlapping ones the earliest, then the longest, wins."""
    kept: list[Occurrence] = []
    for occurrence in sorted(found, key=lambda o: (o.start, o.start - o.end)):
        if kept and occurrence.start < kept[-1].end and occurrence.start != kept[-1].start:
            continue
        if kept and occurrence.start == kept[-1].start and occurrence.end < kept[-1].end:
            continue
        kept.append(occurrence)
    return kept


@record(slots=True)
class _EnglishRegex:
    """The forms of one case sensitivity as one regex. ``pattern`` compiles it over text as
    written on first use: with ``folded`` (the same regex without IGNORECASE, for lower-cased
    text, when every form is ASCII) only a text that a character folds otherwise in needs it.
    ``folded`` compiles on first use too: a run builds its glossary's matcher twice (the
    configured one, then with the learned terms), and by default only the second one matches.
    ``folded`` leaves out the word start (_WORD_BEFORE and the look at the first character),
    which _at_word_starts asks of each match: so the regex starts with the trie's first
    characters, and the engine skips to one of them (over Korean text, past every syllable)
    instead of trying the lookarounds at every position."""

    sensitive: bool
    pattern: Callable[[], re.Pattern[str]]
    folded: Callable[[], re.Pattern[str]] | None
    # ``folded`` for English prose, where most characters are inside words: one non-word
    # character, then the trie, over the lower-cased text after a space. The engine skips to a
    # non-word character, where ``folded`` is tried at each start of the trie's first letters
    # and a start inside a word is searched again (``_at_word_starts``).
    # Only when every word ends in a word character: a match then never ends where the next
    # one could start, so no character is consumed twice. None otherwise.
    spaced: Callable[[], re.Pattern[str]] | None


def _english_regex(words: set[str], sensitive: bool) -> _EnglishRegex:
    trie = trie_regex(words, _ENGLISH_ATOMS)
    source = f"{_first_char(words)}{_WORD_BEFORE}(?:{trie}){_WORD_AFTER}"
    plain = not sensitive and all(word.isascii() for word in words)
    pattern = compiled(source, 0 if sensitive else re.IGNORECASE)
    if not plain:
        return _EnglishRegex(sensitive, pattern, None, None)
    ends = all(_WORD_CHAR.match(word[-1]) for word in words)
    spaced = compiled(f"[^A-Za-z0-9_](?:{trie}){_WORD_AFTER}") if ends else None
    return _EnglishRegex(sensitive, pattern, compiled(f"(?:{trie}){_WORD_AFTER}"), spaced)


def _at_word_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` that start a word (after no word character, as
    _WORD_BEFORE), as ``finditer`` of the pattern with that lookbehind gives them: one found
    inside a word is dropped and the search goes on from the character after its start, for
    a match starting a word may begin inside it (``microbatch size``: ``size``)."""
    search = pattern.search
    match = search(text)
    while match is not None:
        start = match.start()
        if start and _WORD_CHAR.match(text, start - 1):
            match = search(text, start + 1)
            continue
        yield match
        match = search(text, match.end())


def _lowered(text: str) -> str | None:
    """``text`` lower-cased where that matches ASCII forms and word boundaries just as
    IGNORECASE does (no character folding otherwise, offsets kept), else None. An ASCII text
    (most English prose; Python knows it without a scan) folds only as lower() does."""
    if text.isascii():
        return text.lower()
    if _FOLDED_OTHERWISE.search(text):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


Key = TypeVar("Key")


def _remembered(
    memo: dict[Key, list[_Target]], key: Key, compute: Callable[[], list[_Target]]
) -> list[_Target]:
    """``compute()``, remembered in ``memo`` under ``key``; a memo past _REMEMBERED entries
    starts afresh, so a long run's memory stays bounded."""
    found = memo.get(key)
    if found is None:
        if len(memo) > _REMEMBERED:
            memo.clear()
        found = memo[key] = compute()
    return found


class Matcher:
    """Compiled matching for one glossary: ``english`` for English text, ``korean`` for Korean."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._english: dict[tuple[bool, str], list[_Target]] = {}
        self._forms: dict[bool, set[str]] = {False: set(), True: set()}
        self._korean: dict[str, list[_Target]] = {}
        self._korean_words: set[str] = set()  # as listed, so a space may be written or not
        self._patterns: list[tuple[re.Pattern[str], Entry]] = []
        self._unless: dict[Entry, re.Pattern[str]] = {}
        self._context: dict[Entry, re.Pattern[str]] = {}
        self._surfaces: dict[tuple[bool, str], list[_Target]] = {}
        self._tails: dict[tuple[str, ...], list[_Target]] = {}  # (rendering, tail)
        for entry in glossary.entries:
            self._add(entry)
            for phrases, table in ((entry.unless, self._unless), (entry.context, self._context)):
                if phrases:
                    table[entry] = _phrase_regex(phrases)
        self._english_res = [
            _english_regex(words, sensitive) for sensitive, words in self._forms.items() if words
        ]
        self._folds = any(english.folded for english in self._english_res)  # reads lower case
        # One regex finds matches in text order and never overlapping, so that its matches
        # (or the Korean regex's alone) need no ordering or overlap removal.
        self._ordered = len(self._english_res) <= 1 and not self._patterns
        # The terms with an ``unless`` or ``context``: most occurrences are of none of them.
        self._sensed = {entry.term for entry in (*self._unless, *self._context)}
        # Whether English terms need a Latin letter in the text: every form holds one (and no
        # entry has a pattern of its own), so Korean text without one holds no English term.
        self._need_latin = not self._patterns and all(
            map(LATIN.search, chain.from_iterable(self._forms.values()))
        )
        body = trie_regex(self._korean_words, _KOREAN_ATOMS)
        tail = f"(?:{VERB_TAIL}|{NOUN_TAIL})"
        # Compiled on first use, as the English ones are (see _EnglishRegex).
        self._korean_re = (
            compiled(f"(?P<r>{body})(?P<t>{tail})(?![{HANGUL}])") if self._korean else None
        )

    def _add(self, entry: Entry) -> None:
        if entry.pattern:
            flags = 0 if entry.case_sensitive else re.IGNORECASE
            wrapped = f"{_WORD_BEFORE}(?:{entry.pattern}){_WORD_AFTER}"
            self._patterns.append((re.compile(wrapped, flags), entry))
        else:
            for form in entry.english_forms:
                for variant in plurals(form):
                    self._add_english(variant, (entry, Kind.ENGLISH, entry.term))
        for rendering in entry.ko:
            self._add_korean(rendering, (entry, Kind.KOREAN, rendering))
        for rendering in entry.forbidden:
            target = (entry, Kind.FORBIDDEN, rendering)
            if LATIN.search(rendering):
                self._add_english(rendering, target)
            else:
                self._add_korean(rendering, target)

    def _add_korean(self, rendering: str, target: _Target) -> None:
        self._korean.setdefault(korean_key(rendering), []).append(target)
        self._korean_words.add(" ".join(rendering.split()))

    def _add_english(self, form: str, target: _Target) -> None:
        sensitive = target[0].case_sensitive
        targets = self._english.setdefault((sensitive, english_key(form, sensitive)), [])
        if target not in targets:  # memory-bound and memory bound share one key
            targets.append(target)
        self._forms[sensitive].add(form if sensitive else form.casefold())

    def _english_targets(self, sensitive: bool, surface: str) -> list[_Target]:
        """The targets of a matched English surface (remembered: surfaces recur)."""
        return _remembered(
            self._surfaces,
            (sensitive, surface),
            lambda: self._english.get((sensitive, english_key(surface, sensitive)), []),
        )

    def _english_matches(self, text: str, prose: bool = False) -> Iterator[Occurrence]:
        """The matches of the English forms in ``text``; ``prose``: English prose (see
        _EnglishRegex.spaced)."""
        lowered = _lowered(text) if self._folds else None
        remembered = self._surfaces
        for english in self._english_res:
            sensitive = english.sensitive
            shift = 0  # what a match's end lies past its end in ``text``
            if english.folded is None or lowered is None:
                matches = english.pattern().finditer(text)
            elif prose and english.spaced is not None:
                # a match spans its non-word character, which is the character before its
                # start in ``text``; the space put before the text shifts it by one
                matches = english.spaced().finditer(" " + lowered)
                shift = 1
            else:
                matches = _at_word_starts(english.folded(), lowered)
            for match in matches:
                start, end = match.span()
                end -= shift
                surface = text[start:end]
                targets = remembered.get((sensitive, surface))
                if targets is None:
                    targets = self._english_targets(sensitive, surface)
                for entry, kind, rendering in targets:
                    yield Occurrence(entry, kind, rendering, surface, start, end)
        for pattern, entry in self._patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    yield Occurrence(
                        entry, Kind.ENGLISH, entry.term, match.group(0), match.start(), match.end()
                    )

    def _korean_matches(self, text: str) -> Iterator[Occurrence]:
        if self._korean_re is None:
            return
        remembered = self._tails
        for match in self._korean_re().finditer(text):
            start, end = match.span()
            # the match starts inside a word (after_syllable, without two calls a match)
            if start and FIRST_SYLLABLE <= text[start - 1] <= LAST_SYLLABLE:
                continue
            parts = match.groups()  # the rendering and its tail: the regex's only groups
            targets = remembered.get(parts)
            if targets is None:
                targets = self._korean_targets(parts)
            for entry, kind, rendering in targets:
                yield Occurrence(entry, kind, rendering, text[start:end], start, end)

    def _korean_targets(self, parts: tuple[str, ...]) -> list[_Target]:
        """The targets of a rendering with its tail, none when the tail may not follow it
        (remembered: renderings and tails recur)."""

        def targets() -> list[_Target]:
            rendering, tail = parts
            key = korean_key(rendering)
            return self._korean.get(key, []) if tail_ok(tail, len(key)) else []

        return _remembered(self._tails, parts, targets)

    @property
    def forbids(self) -> bool:
        """Whether any rendering is forbidden (a forbidden one, or English where not kept)."""
        glossary = self.glossary
        return any(e.forbidden or not glossary.keeps_english(e) for e in glossary.entries)

    def in_sense(self, text: str, occurrence: Occurrence) -> bool:
        """Whether an English word of ``text`` is meant in the entry's sense: not inside one of
        its ``unless`` phrases (pay attention), with one of its ``context`` words in the text."""
        entry = occurrence.entry
        if entry.term not in self._sensed:
            return True
        unless = self._unless.get(entry)
        if unless is not None and any(
            m.start() <= occurrence.start and occurrence.end <= m.end()
            for m in unless.finditer(text)
        ):
            return False
        context = self._context.get(entry)
        return context is None or context.search(text) is not None

    def english(self, text: str) -> list[Occurrence]:
        """English forms of glossary terms in English prose, in text order, in their sense."""
        found = [o for o in self._english_matches(text, True) if o.kind is ENGLISH]
        if not found:
            return found
        if not self._ordered:
            found = _without_overlaps(found)
        return [o for o in found if self.in_sense(text, o)] if self._sensed else found

    def korean(self, text: str) -> list[Occurrence]:
        """Renderings, English words kept, and forbidden renderings in Korean prose, in text
        order. ``추론(inference)`` is one glossed Korean occurrence, ``inference(추론)`` one
        plain Korean occurrence: the English in a gloss is not counted as kept."""
        english = (
            list(self._english_matches(text))
            if not self._need_latin or _LATIN_MATCHED.search(text)
            else []
        )
        korean = list(self._korean_matches(text))
        if self._ordered and not (english and korean):
            found = english or korean
        else:
            found = _without_overlaps((*english, *korean))
        if not found:
            return found
        # A gloss opens a parenthesis (_GLOSS_OPEN): without one, no two occurrences are a gloss.
        parenthesized = "(" in text
        glosses = gloss_spans(text) if parenthesized else []
        result: list[Occurrence] = []
        for occurrence in found:
            previous = result[-1] if result else None
            if parenthesized and previous is not None and _is_gloss(text, previous, occurrence):
                if occurrence.kind is ENGLISH:
                    result[-1] = replace(previous, glossed=True)
                else:
                    result[-1] = occurrence
                continue
            if occurrence.kind is ENGLISH and (
                not self.in_sense(text, occurrence) or _not_kept(text, occurrence, glosses)
            ):
                continue
            result.append(occurrence)
        return result


def _not_kept(text: str, occurrence: Occurrence, glosses: list[tuple[int, int]]) -> bool:
    """Whether an English word in Korean text is not a rendering decision: inside a gloss
    (계산된 속성(computed property)), joined to an identifier or a name pair (plugin-vue,
    provide/inject, Node.js), or capitalized inside a sentence, which makes it a name (Vue
    Single-File Component, Object, Proxy); a capital opening a sentence is a kept word."""
    start, end = occurrence.start, occurrence.end
    if any(a <= start and end <= b for a, b in glosses):
        return True
    if _JOINED_BEFORE().search(text, max(0, start - 6), start) or _JOINED_AFTER().match(text, end):
        return True
    surface = occurrence.surface
    if surface[:1].isupper() and not occurrence.entry.case_sensitive:
        return _SENTENCE_START().search(text, max(0, start - 8), start) is None
    return False


def _is_gloss(text: str, first: Occurrence, second: Occurrence) -> bool:
    """Whether ``second`` glosses ``first`` in parentheses (one Korean, one English, one term)."""
    if {first.kind, second.kind} != _GLOSSED_KINDS:
        return False
    if first.entry is not second.entry and first.entry != second.entry:
        return False
    return (
        _GLOSS_OPEN().fullmatch(text, first.end, second.start) is not None
        and _GLOSS_CLOSE().match(text, second.end) is not None
    )
