"""``glossary mine``: propose glossary entries from the chapters themselves, with no glossary.

1. English candidates: words and two- or three-word phrases that recur in English prose
   (function words and capitalized names left out; a word mostly seen inside a candidate phrase
   gives way to the phrase).
2. Korean evidence from aligned units: paragraph pairs where an aligned section pair has as many
   prose blocks on both sides, else the section pair. A candidate is *kept* where its Korean unit
   holds the English word; elsewhere the Korean stems (words without particles and endings, and
   two-word stems) that go with it are scored by Dice, 2·both / (with term + with stem).
3. Entries: the term, renderings scoring high enough, ``keep_english`` when it was kept, ranked
   with terms used more than one way first, then by frequency; counts become comments.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from transcheck.glossary.english import STOPWORDS
from transcheck.glossary.matcher import Kind, Matcher
from transcheck.glossary.model import Entry, Glossary
from transcheck.glossary.phrases import KoreanStems, lone_syllables, phrases
from transcheck.glossary.scan import scan_document
from transcheck.model import BlockKind, Section
from transcheck.records import record

if TYPE_CHECKING:  # only the mine command reads chapters
    from transcheck.glossary.chapters import Chapter

MIN_COUNT = 4  # English occurrences a candidate needs
MIN_UNITS = 3  # … spread over at least this many aligned units
MIN_DICE = 0.3  # association a Korean stem needs to be proposed as a rendering
MIN_SHARED = 2  # … and units it must share with the term
MAX_RENDERINGS = 3
SHARED_STEM = 0.6  # a stem also goes to a term scoring this share of the stem's best term
SECOND_BEST = 0.5  # a further rendering needs this share of the term's best score
COVERED = 0.7  # a word this often inside a candidate phrase is left to the phrase


@dataclass
class _Candidate:
    """Counts gathered for one English candidate (key: lower case, last word singular)."""

    count: int = 0
    lowercase: int = 0
    units: set[int] = field(default_factory=set)
    kept_units: set[int] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)


def _prose(section: Section) -> list[str]:
    return [
        b.text for b in section.blocks if b.kind not in (BlockKind.CODE, BlockKind.MATH) and b.text
    ]


def _units(chapters: Sequence[Chapter]) -> list[tuple[str, str]]:
    """(English text, Korean text) of every aligned unit (see the module docstring)."""
    units: list[tuple[str, str]] = []
    for chapter in chapters:
        for pair in chapter.alignment.matched:
            assert pair.source is not None and pair.target is not None
            english, korean = _prose(pair.source), _prose(pair.target)
            if len(english) == len(korean):
                units.extend(zip(english, korean, strict=True))
            else:
                units.append((" ".join(english), " ".join(korean)))
    return units


def _candidates(units: list[tuple[str, str]]) -> dict[str, _Candidate]:
    found: dict[str, _Candidate] = defaultdict(_Candidate)
    for number, (english, _) in enumerate(units):
        for key, surface in phrases(english):
            candidate = found[key]
            candidate.count += 1
            candidate.lowercase += surface == surface.lower()
            candidate.units.add(number)
            candidate.surfaces[surface.lower()] += 1
    kept = {
        key: candidate
        for key, candidate in found.items()
        if candidate.count >= MIN_COUNT
        and len(candidate.units) >= MIN_UNITS
        and candidate.lowercase >= 0.6 * candidate.count
        and (" " in key or (len(key) >= 3 and key not in STOPWORDS))
        and not any(char.isdigit() for char in key)
    }
    covered: Counter[str] = Counter()
    for key, candidate in kept.items():
        words = key.split()
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                covered[" ".join(words[start : start + size])] += candidate.count
    for key in [k for k in kept if covered[k] >= COVERED * kept[k].count]:
        del kept[key]
    for number, (_, korean) in enumerate(units):
        for key, _surface in phrases(korean):
            if key in kept and number in kept[key].units:
                kept[key].kept_units.add(number)
    return kept


def _associations(
    key: str, candidate: _Candidate, stems: list[set[str]], spread: Counter[str]
) -> Iterator[tuple[float, str, str]]:
    """(Dice, term key, stem) for the stems that go with a candidate where it was not kept;
    a one-word term only pairs with one-word stems."""
    rendered = candidate.units - candidate.kept_units
    together: Counter[str] = Counter()
    for number in rendered:
        together.update(stems[number])
    for stem, shared in together.items():
        if " " in stem and " " not in key:
            continue
        dice = 2 * shared / (len(rendered) + spread[stem])
        if shared >= MIN_SHARED and dice >= MIN_DICE:
            yield dice, key, stem


def _link(candidates: dict[str, _Candidate], stems: list[set[str]]) -> dict[str, list[str]]:
    """Renderings per candidate, by competitive linking: a Korean stem goes to the term it
    scores best with, and to others only when they score nearly as well (샤딩 to sharded and
    sharding, 대역폭 to bandwidth but not to chip); a term keeps its renderings scoring at
    least half its best."""
    spread: Counter[str] = Counter(stem for unit in stems for stem in unit)
    scored = [a for key, c in candidates.items() for a in _associations(key, c, stems, spread)]
    best_of_stem: dict[str, float] = {}
    best_of_term: dict[str, float] = {}
    for dice, key, stem in scored:
        best_of_stem[stem] = max(dice, best_of_stem.get(stem, 0.0))
        best_of_term[key] = max(dice, best_of_term.get(key, 0.0))
    linked: dict[str, list[str]] = defaultdict(list)
    for dice, key, stem in sorted(scored, reverse=True):
        if (
            dice >= SHARED_STEM * best_of_stem[stem]
            and dice >= SECOND_BEST * best_of_term[key]
            and len(linked[key]) < MAX_RENDERINGS
        ):
            linked[key].append(stem)
    return linked


@record(eq=True)
class Proposal:
    """One mined entry with what was counted for it."""

    entry: Entry
    english: int
    chapters: int
    counts: dict[tuple[str, Kind], Counter[str]]

    @property
    def mixed(self) -> bool:
        """Whether the Korean text uses the term more than one way."""
        return sum(1 for counts in self.counts.values() if counts.total()) > 1


def mine(chapters: Sequence[Chapter]) -> list[Proposal]:
    """Proposed entries, ranked: terms used several ways first, then by English frequency."""
    units = _units(chapters)
    stemmer = KoreanStems(lone_syllables(korean for _, korean in units))
    stems = [stemmer(korean) for _, korean in units]
    candidates = _candidates(units)
    linked = _link(candidates, stems)
    entries = []
    for key, candidate in candidates.items():
        ko = linked.get(key, [])
        kept = len(candidate.kept_units) >= 2
        if not ko and not kept:
            continue
        term = key if candidate.surfaces[key] else candidate.surfaces.most_common(1)[0][0]
        entries.append(Entry(term=term, ko=tuple(ko), keep_english=kept))
    matcher = Matcher(Glossary(entries=tuple(entries)))
    counts: dict[Entry, dict[tuple[str, Kind], Counter[str]]] = {e: {} for e in entries}
    english: Counter[Entry] = Counter()
    spread_chapters: dict[Entry, set[str]] = defaultdict(set)
    for chapter in chapters:
        for mention in scan_document(chapter.source, matcher, korean=False).mentions:
            english[mention.occurrence.entry] += 1
            spread_chapters[mention.occurrence.entry].add(chapter.name)
        for mention in scan_document(chapter.target, matcher, korean=True).mentions:
            occurrence = mention.occurrence
            slot = counts[occurrence.entry].setdefault(
                (occurrence.rendering, occurrence.kind), Counter()
            )
            slot[chapter.name] += 1
    proposals = [
        Proposal(entry, english[entry], len(spread_chapters[entry]), counts[entry])
        for entry in entries
        if english[entry] >= MIN_COUNT
    ]
    return sorted(proposals, key=lambda p: (not p.mixed, -p.english, p.entry.term))


def _where(counts: Counter[str], limit: int = 4) -> str:
    top = ", ".join(f"{name} {n}" for name, n in counts.most_common(limit))
    return top + (", …" if len(counts) > limit else "")


def _comment(rank: int, proposal: Proposal) -> str:
    parts = []
    for (rendering, kind), counts in sorted(proposal.counts.items(), key=lambda i: -i[1].total()):
        name = "kept in English" if kind is Kind.ENGLISH else rendering
        parts.append(f"{name} {counts.total()}× ({_where(counts)})")
    korean = "; ".join(parts) if parts else "no Korean use found"
    return (
        f"{rank}. {proposal.entry.term}: English {proposal.english}× in {proposal.chapters} "
        f"file(s)\n   Korean: {korean}"
    )


def mined_yaml(proposals: Sequence[Proposal], chapters: int) -> str:
    """The proposals as a glossary file with counts as comments, ready to review and paste."""
    header = (
        f"Glossary candidates mined by `transcheck glossary mine` from {chapters} chapter "
        f"pair(s).\nRanked: terms used more than one way in the Korean text first, then by "
        f"frequency.\nRenderings are guesses from aligned paragraphs: review before use."
    )
    from transcheck.glossary.dump import glossary_yaml

    entries = [(p.entry, _comment(rank, p)) for rank, p in enumerate(proposals, 1)]
    return glossary_yaml(entries, header)
