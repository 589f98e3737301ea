"""Terms learned from the tree itself, for glossary-inconsistent with no glossary configured.

A term is learned where the Korean text shows a decision both ways: the English word (or two-word
phrase) is kept in English in some aligned units and rendered in others. Its Korean rendering is
the stem that goes with it where it is not kept: a transliteration of it (샤딩 ↔ sharding), or
failing that the stem most associated with it by Dice over the units (추론 ↔ inference; 칩 ↔ chip,
a one-syllable noun the text also writes alone, counted in 칩당 and 칩의 too). Terms a
glossary already has are left to the glossary; a word mostly seen inside a learned phrase gives
way to the phrase (batch size, not size).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import field
from functools import cache
from itertools import chain

from transcheck.glossary.aligned import Unit, joined
from transcheck.glossary.english import singular
from transcheck.glossary.matcher import LATIN, english_key, plurals
from transcheck.glossary.model import Entry, Glossary
from transcheck.glossary.phrases import (
    EVERY_SYLLABLE,
    KoreanStems,
    TwoWordPhrases,
    lone_syllables,
    phrase_keys,
)
from transcheck.glossary.translit import transliterates
from transcheck.records import mutable

MIN_KEPT = 5  # units where the term is kept in English
MIN_RENDERED = 5  # … and units where it is not
MIN_FILES = 3  # files the term's English occurs in
MIN_DICE = 0.5  # association a stem needs, unless it transliterates the term
MIN_TRANSLITERATED = 0.15  # … and a transliteration (pure ≠ 비율 by chance)
MIN_SHARED = 3  # units a stem must share with the term
COVERED = 0.7  # a word this often inside a learned phrase is left to the phrase
MAX_TERMS = 40  # learned terms kept, the most evenly split first
# A stem ending so is a particle or a verb form, not a noun rendering (값을, 있습, 곱하, 겹칠).
_NOT_NOUN_END = tuple("을를은는이가의에로와과도하습니칠할된한있")


@mutable
class _Counts:
    # Unit numbers, ascending and each once (kept within units): arrays, not sets, as a large
    # tree counts many words in thousands of units each (a set costs ~50 bytes a number).
    units: array[int] = field(default_factory=lambda: array("I"))
    kept: array[int] = field(default_factory=lambda: array("I"))
    files: set[str] = field(default_factory=set)
    count: int = 0
    lowercase: int = 0

    def rendered(self) -> set[int]:
        """The units where the term is not kept in English."""
        return set(self.units) - set(self.kept)


def _known_keys(glossary: Glossary) -> set[str]:
    """Lookup keys of every English form a glossary already matches."""
    keys: set[str] = set()
    for entry in glossary.entries:
        for form in entry.english_forms:
            keys.update(english_key(variant, False) for variant in plurals(form))
    return keys


def _learnable(key: str, known: set[str]) -> bool:
    """Whether a key may be learned whatever its counts: three letters or more (keys are
    WORD's letters), and no form of a term the glossary has (``known``: _known_keys)."""
    return len(key) >= 3 and english_key(key, False) not in known


def _count(
    units: Sequence[tuple[str, Unit]], korean: Sequence[str], known: set[str]
) -> dict[str, _Counts]:
    """Counts of the English words and two-word phrases that the Korean text keeps in enough
    units to be learned (and that are _learnable), over the units (``korean``: their Korean
    text, in the same order)."""
    kept_in: dict[int, set[str]] = {}  # by unit number, the units that keep any (few do)
    # A text recurs (a note, a list item, a table cell): its words are read once.
    keys_in = cache(phrase_keys)
    for number, text in enumerate(korean):
        if LATIN.search(text) is None:  # half the units keep no English word at all
            continue
        kept = keys_in(text)
        if kept:
            kept_in[number] = kept
    kept_units = Counter(chain.from_iterable(kept_in.values()))
    often = [key for key, units_kept in kept_units.items() if units_kept >= MIN_KEPT]
    ever_kept = {key for key in often if _learnable(key, known)}
    first_words = _first_words(often, ever_kept)
    counts: dict[str, _Counts] = defaultdict(_Counts)
    starting = TwoWordPhrases(first_words)
    phrases_in = cache(lambda text: tuple(starting(text)))
    for number, (path, unit) in enumerate(units):
        english = joined(unit.english)
        for key, surface in phrases_in(english):
            if key not in ever_kept:
                continue
            found = counts[key]
            found.count += 1
            found.lowercase += surface == surface.lower()
            found.files.add(path)
            if found.units and found.units[-1] == number:
                continue
            found.units.append(number)
            if key in kept_in.get(number, ()):
                found.kept.append(number)
    return counts


def _first_words(often: Iterable[str], counted: set[str]) -> set[str]:
    """The words of English text phrases are read from (``first`` of phrases), of the first
    words of the keys kept ``often``: those a ``counted`` key can start at, the first word of a
    counted phrase or a word whose singular (the key phrases gives a word) is counted. Fewer
    words than all of them: fewer segments of the tree's English are read."""
    starting = {key.split(" ", 1)[0] for key in counted if " " in key}
    firsts = {key.split(" ", 1)[0] for key in often}
    return {word for word in firsts if word in starting or singular(word) in counted}


def _candidates(counts: dict[str, _Counts]) -> dict[str, _Counts]:
    kept = {
        key: found
        for key, found in counts.items()
        if len(found.kept) >= MIN_KEPT
        and len(found.units) - len(found.kept) >= MIN_RENDERED
        and len(found.files) >= MIN_FILES
        and found.lowercase >= 0.6 * found.count
    }
    covered: Counter[str] = Counter()
    for key, found in kept.items():
        for word in key.split() if " " in key else ():
            covered[word] += found.count
    return {k: f for k, f in kept.items() if covered[k] < COVERED * f.count}


def _options(
    key: str, rendered: set[int], stems: dict[int, tuple[str, ...]], least: Counter[str]
) -> list[tuple[str, int, bool]]:
    """(stem, units shared, transliterates) of the stems that may render ``key`` (see the module
    docstring) in its ``rendered`` units (``stems``: by unit number), in the order first seen:
    those whose Dice reaches its threshold with ``least``, a lower bound of their spread, for
    Dice only falls as the spread counted over every unit grows."""
    together = Counter(chain.from_iterable(map(stems.__getitem__, rendered)))
    options = []
    for stem, shared in together.items():
        if shared < MIN_SHARED or (" " in stem) != (" " in key):
            continue
        dice = 2 * shared / (len(rendered) + least[stem])
        written = dice >= MIN_TRANSLITERATED and transliterates(
            stem.replace(" ", ""), key.replace(" ", "")
        )
        if dice >= MIN_DICE or written:
            options.append((stem, shared, written))
    return options


def _rendering(
    rendered: set[int], options: list[tuple[str, int, bool]], spread: Counter[str]
) -> str | None:
    """The stem of ``options`` (_options) that renders a term in its ``rendered`` units: the
    best by Dice over the units (``spread``), a transliteration first."""
    best: tuple[float, int, str] | None = None  # on a tie the longer stem (중간, not 중)
    for stem, shared, written in options:
        dice = 2 * shared / (len(rendered) + spread[stem])
        if dice >= MIN_TRANSLITERATED and written:
            dice += 1.0
        if dice >= MIN_DICE and (best is None or (dice, len(stem)) > best[:2]):
            best = (dice, len(stem), stem)
    return best[2] if best else None


def learn(units: Iterable[tuple[str, Unit]], known: Glossary) -> tuple[Entry, ...]:
    """Entries for the terms the tree renders both kept in English and in Korean; ``units`` are
    (file, unit) pairs of translated units."""
    listed = list(units)
    korean = [joined(unit.korean) for _, unit in listed]
    candidates = _candidates(_count(listed, korean, _known_keys(known)))
    if not candidates:
        return ()
    # A one-syllable stem counts only where the tree writes it alone (lone_syllables): that is
    # asked of the options' one-syllable stems, not counted for every syllable of the tree. Each
    # stem's counts and options are its own, so the others are the same either way.
    words = KoreanStems(EVERY_SYLLABLE)
    # Stems are read in the rendered units only. One set per distinct text (the cache holds it),
    # so a recurring text's units share it: a set of new strings for every unit grew with the
    # tree (tens of MB on a large one).
    stemmer = cache(words)
    rendered = {key: found.rendered() for key, found in candidates.items()}
    stems = {number: stemmer(korean[number]) for number in set().union(*rendered.values())}
    spread = Counter(chain.from_iterable(stems.values()))  # over those units: a lower bound
    # A stem in fewer of them than a term needs to share, or no noun, is no option: each unit's
    # others are left out once, not counted for every term (in the order seen: ties keep it).
    viable = {
        stem
        for stem, count in spread.items()
        if count >= MIN_SHARED and not stem.endswith(_NOT_NOUN_END)
    }
    shown = {number: tuple(filter(viable.__contains__, found)) for number, found in stems.items()}
    options = {key: _options(key, rendered[key], shown, spread) for key in candidates}
    single = {stem for stem, _, _ in chain.from_iterable(options.values()) if len(stem) == 1}
    if single:
        alone = lone_syllables(korean, single)
        options = {
            key: [option for option in found if len(option[0]) > 1 or option[0] in alone]
            for key, found in options.items()
        }
    # The other units count only for the stems that may render a term, and only where one is
    # written (KoreanStems.holds): one search for them all passes over the rest.
    wanted = {stem for stem, _, _ in chain.from_iterable(options.values())}
    if wanted:
        holding = re.compile("|".join(map(re.escape, wanted))).search
        for number, text in enumerate(korean):
            if number not in stems and holding(text):
                spread.update(stem for stem in wanted if stem in text and words.holds(text, stem))
    entries = []
    for key in sorted(candidates, key=lambda k: (-_split(candidates[k]), k)):
        rendering = _rendering(rendered[key], options[key], spread)
        if rendering is not None:
            entries.append(Entry(term=key, ko=(rendering,), keep_english=True, advisory=True))
    return tuple(entries[:MAX_TERMS])


def _split(found: _Counts) -> int:
    """How evenly a term is split: units on the smaller side (kept or rendered)."""
    return min(len(found.kept), len(found.units) - len(found.kept))
