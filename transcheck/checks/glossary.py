"""Glossary rules (TC3xx): a term lost in translation, a forbidden rendering, one term rendered
several ways across the chapters checked together, and the first-mention gloss.

Every run has a glossary: the shipped general ``ko`` (unless ``glossary.shipped: false``), the
glossaries the project names, and (for glossary-inconsistent) the terms learned from the tree.
glossary-missing needs a glossary the project names. Terms are counted over aligned units
(glossary.aligned), computed once per pair and shared by the rules.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from transcheck.align.blocks import SectionBlocks
from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, SetContext, rule, set_rule
from transcheck.findings import Location, Severity
from transcheck.glossary import Entry, Glossary, Matcher, Occurrence, active_matcher
from transcheck.glossary.active import curated, named_files
from transcheck.glossary.aligned import NOT_PROSE, Unit, find, joined, piece, placed
from transcheck.glossary.decide import Use, decide, findings
from transcheck.glossary.learn import learn
from transcheck.glossary.matcher import (
    ENGLISH,
    FORBIDDEN,
    KOREAN,
    english_key,
    korean_key,
    plurals,
)
from transcheck.glossary.shipped import shipped_resolved
from transcheck.glossary.translit import transliterates
from transcheck.lazy import compiled
from transcheck.model import Block
from transcheck.records import record

# A document's mentions (glossary.scan) are read only by glossary-forbidden, with a glossary that
# forbids a rendering, and glossary-first-mention, off by default: imported where they are.
if TYPE_CHECKING:
    from transcheck.glossary.scan import DocumentTerms

_HANGUL_WORD = compiled(r"[\uac00-\ud7a3]+")
_API_HEADING = compiled(r"[a-z][A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*\(\)")  # ## key, ## effectScope()
_LATIN_WORD = compiled(r"[A-Za-z][A-Za-z-]*")
_LETTERS = frozenset(string.ascii_letters)
_WORD_AFTER = compiled(r"\s+([A-Za-z]+)")
# Text in quotes ("x", “x”, ‘x’, 「x」, 'x' apart from an apostrophe), and a kept English name:
# at most four Latin-script words.
_QUOTED = compiled(
    r"[\"“‘「『]([^\"“”‘’「」『』]+)[\"”’」』]|(?<![A-Za-z])'([A-Za-z][^']*)'(?![A-Za-z])"
)
_QUOTE_MARK = compiled(r"[\"'“‘「『]")  # a quick look for any quote before _QUOTED's
_KEPT_NAME = compiled(r"[A-Za-z][\w.+-]*(?: [A-Za-z0-9][\w.+-]*){0,3}", re.ASCII)


@record
class PairTerms:
    """The glossary mentions of both documents of one pair."""

    glossary: Glossary
    source: DocumentTerms
    target: DocumentTerms


def _side(korean: bool) -> str:
    return "ko" if korean else "en"


def _lines_of(ctx: PairContext, english: bool) -> Sequence[str] | None:
    """Source lines of one side, when the pair was read from files and a prose block spans
    lines (only then are they needed to place an occurrence on its line): the file's lines as
    the run read them (read again only when the run no longer holds the text)."""

    def read() -> Sequence[str] | None:
        index = ctx.source_index if english else ctx.target_index
        document = ctx.source if english else ctx.target
        spans = any(b.end_line > b.line and b.text for s in document.sections for b in s.blocks)
        if index.root is None or not spans:
            return None
        text = ctx.source_text if english else ctx.target_text
        if text is not None:
            return text.lines
        from transcheck.glossary.scan import source_lines

        rel = ctx.source_rel if english else ctx.target_rel
        limit = int(ctx.config.option("limits", "file_bytes"))
        return source_lines(Path(index.root), rel, limit)

    lines: Sequence[str] | None = ctx.cached(f"glossary.lines.{_side(not english)}", read)
    return lines


def _search(ctx: PairContext, matcher: Matcher, korean: bool) -> Callable[[str], list[Occurrence]]:
    """The matcher's search of one side's prose, remembered per text for the pair: the
    document's scan and the aligned units read the same blocks."""
    memo: dict[str, list[Occurrence]] = ctx.cached(f"glossary.found.{_side(korean)}", dict)
    scan = matcher.korean if korean else matcher.english

    def search(text: str) -> list[Occurrence]:
        found = memo.get(text)
        if found is None:
            found = memo[text] = scan(text)
        return found

    return search


def side_terms(ctx: PairContext, korean: bool) -> DocumentTerms | None:
    """The mentions of one document of the pair under the run's glossary (None without a
    glossary), cached."""

    def compute() -> DocumentTerms | None:
        from transcheck.glossary.scan import scan_document

        matcher: Matcher | None = active_matcher(ctx.config)
        if matcher is None:
            return None
        document = ctx.target if korean else ctx.source
        lines = _lines_of(ctx, not korean)
        return scan_document(document, matcher, korean, lines, _search(ctx, matcher, korean))

    found: DocumentTerms | None = ctx.cached(f"glossary.terms.{_side(korean)}", compute)
    return found


def pair_terms(ctx: PairContext) -> PairTerms | None:
    """The mentions of both documents of one pair under the run's glossary (None without one)."""
    matcher = active_matcher(ctx.config)
    source, target = side_terms(ctx, False), side_terms(ctx, True)
    if matcher is None or source is None or target is None:
        return None
    return PairTerms(matcher.glossary, source, target)


def pair_units(ctx: PairContext) -> tuple[Unit, ...]:
    """The aligned units of one pair: each English block with its Korean block; a block the
    translator split or merged (a joined pair) joins the unit before it. Cached per pair."""

    def compute() -> tuple[Unit, ...]:
        en_lines, ko_lines = _lines_of(ctx, True), _lines_of(ctx, False)
        units: list[Unit] = []
        english: list[Block] = []
        korean: list[Block] = []
        page = _api_titles(s.title for s in ctx.source.sections)

        def flush(names: frozenset[str]) -> None:
            en = tuple(piece(b, en_lines) for b in english if b.kind not in NOT_PROSE and b.text)
            ko = tuple(piece(b, ko_lines) for b in korean if b.kind not in NOT_PROSE and b.text)
            if en and ko:
                units.append(Unit(en, ko, names, _kept_names(korean, english)))
            english.clear()
            korean.clear()

        for section in section_blocks(ctx):
            own = api_names(section)
            names = page | own if own else page  # a section without API names shares the page's
            for pair in section.blocks:
                if pair.source is None or pair.target is None:
                    continue
                if not pair.joined:
                    flush(names)
                for side, block in ((english, pair.source), (korean, pair.target)):
                    if block not in side:  # a block compares by identity (a record, eq=False)
                        side.append(block)
            flush(names)
        return tuple(units)

    found: tuple[Unit, ...] = ctx.cached("glossary.units", compute)
    return found


def present(glossary: Glossary, entry: Entry, korean: str) -> bool:
    """Whether Korean text renders ``entry`` in a form the matcher does not count: a rendering
    inside a compound or derived word (저지연, 활용 for 활용률), a rendering of a term sharing
    its stem (샤딩하는지 for "shard"), the English kept in any case or spelling (AllReduce,
    ``tensor`` of tensor 병렬성), or a transliteration (파이프라이닝)."""
    squeezed = korean_key(korean)
    renderings, keys, term = _signs(glossary, entry)
    if any(key in squeezed or (len(key) >= 3 and key[:-1] in squeezed) for key in renderings):
        return True
    latin = english_key(korean, False)
    if any(key in latin for key in keys):
        return True
    return any(transliterates(word, term) for word in _HANGUL_WORD().findall(korean))


@lru_cache(maxsize=1024)
def _signs(glossary: Glossary, entry: Entry) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """What shows ``entry`` present in Korean text (see present), worked out once per term
    rather than for each sentence missing it: the renderings of it and of the terms sharing its
    stem without spaces, the English keys of four letters or more, and the term without spaces."""
    related = [
        e
        for e in glossary.entries
        if e.term.startswith(entry.term) or entry.term.startswith(e.term)
    ]
    renderings = tuple(korean_key(r) for e in (entry, *related) for r in e.ko)
    keys = {english_key(v, False) for form in entry.english_forms for v in plurals(form)}
    keys |= {w for form in entry.english_forms for w in form.casefold().split() if len(w) >= 4}
    return renderings, tuple(key for key in keys if len(key) >= 4), entry.term.replace(" ", "")


def _accepted_text(glossary: Glossary, entry: Entry) -> str:
    options = list(entry.ko)
    if glossary.keeps_english(entry):
        options.append(f"{entry.term!r} kept in English")
    return ", ".join(options)


def _is_forbidden(glossary: Glossary, occurrence: Occurrence) -> bool:
    if occurrence.kind is FORBIDDEN:
        return True
    return occurrence.kind is ENGLISH and not glossary.keeps_english(occurrence.entry)


@rule(
    "TC301",
    "glossary-missing",
    Severity.WARNING,
    example=Example(
        en="""\
            # Serving

            Inference is memory-bound.
            """,
        ko="""\
            # 서빙

            이 단계는 메모리 대역폭에 묶입니다.
            """,
        glossary="""\
            terms:
              - term: inference
                ko: [추론]
            """,
    ),
)
def glossary_missing(ctx: PairContext) -> Iterator[Hit]:
    """A sentence uses a term of the project's glossary; its aligned Korean block has no rendering.

    Bad:  en `Inference is memory-bound.` ↔ ko `이 단계는 메모리 대역폭에 묶입니다.`
    Good: ko `추론은 메모리 대역폭에 묶입니다.` (or `inference는…` where English may be kept)
    Runs for the terms of the glossaries the project names (config `glossary:` or `--glossary`),
    such as `ko-ml` or its own; not for the general `ko`, whose words have too many senses.
    Reported at the English line and its aligned Korean block; a rendering inside a compound
    (저지연), a derived form (병렬성), the English word with a Korean noun (tensor 병렬성) or a
    transliteration (파이프라이닝) counts as present.
    """
    matcher = active_matcher(ctx.config)
    if matcher is None or not curated(ctx.config):
        return
    # general vocabulary has too many senses ("in response to") for a missing one to mean much
    named = {str(path) for path in named_files(ctx.config)} - {str(shipped_resolved())}
    for unit in pair_units(ctx):
        if not unit.translated:
            continue
        in_korean = find(unit.korean, _search(ctx, matcher, True))
        korean = {found.occurrence.entry for found in in_korean}
        text = joined(unit.korean)
        reported: set[Entry] = set()
        for found in find(unit.english, _search(ctx, matcher, False)):
            entry = found.occurrence.entry
            if entry.origin.rpartition(":")[0] not in named:
                continue
            if entry in korean or entry in reported or present(matcher.glossary, entry, text):
                continue
            reported.add(entry)
            yield Hit(
                f"{entry.term!r} has no rendering in the aligned Korean text "
                f"(accepted: {_accepted_text(matcher.glossary, entry)})",
                ctx.at_source(found.line),
                ctx.at_target(unit.korean[0].line),
            )


@rule(
    "TC302",
    "glossary-forbidden",
    Severity.ERROR,
    example=Example(
        en="""\
            # Sharding

            A sharded array is split across chips.
            """,
        ko="""\
            # 샤딩

            쉐어딩된 배열은 여러 칩에 나뉩니다.
            """,
        glossary="""\
            terms:
              - term: sharding
                forms: [sharded]
                ko: [샤딩]
                forbidden: [쉐어딩]
            """,
    ),
)
def glossary_forbidden(ctx: PairContext) -> Iterator[Hit]:
    """A rendering the glossary forbids is used (or English is kept where the glossary says not to).

    Bad:  ko `쉐어딩된 배열` where the glossary forbids 쉐어딩.
    Good: ko `샤딩된 배열`.
    """
    matcher = active_matcher(ctx.config)
    if matcher is None or not matcher.forbids:
        return
    terms = side_terms(ctx, True)
    assert terms is not None
    glossary = matcher.glossary
    for mention in terms.mentions:
        if not _is_forbidden(glossary, mention.occurrence):
            continue
        occurrence = mention.occurrence
        entry = occurrence.entry
        what = (
            f"{occurrence.surface!r} keeps {entry.term!r} in English, which the glossary does not"
            " accept"
            if occurrence.kind is ENGLISH
            else f"{occurrence.surface!r} uses the forbidden rendering {occurrence.rendering!r}"
        )
        note = f" ({entry.note})" if entry.note else ""
        yield Hit(
            f"{what}; write {glossary.preferred_of(entry)} for {entry.term!r}{note}",
            target=ctx.at_target(mention.line),
        )


@record
class PairUnits:
    """What glossary-inconsistent takes from each pair: both display paths and the aligned units."""

    source: str
    target: str
    units: tuple[Unit, ...]


def collect_units(ctx: PairContext) -> PairUnits | None:
    """The translated aligned units of one pair (None when the run has no glossary to apply)."""
    if active_matcher(ctx.config) is None and not ctx.config.option("glossary", "learn"):
        return None
    units = tuple(unit for unit in pair_units(ctx) if unit.translated)
    return PairUnits(ctx.source.path, ctx.target.path, units)


def api_names(section: SectionBlocks) -> frozenset[str]:
    """The names the units of an aligned section may keep in English as API: inline code of
    one identifier (`key`, `computed()`, `#fallback`) in the section on either side and its
    headings that are one (``## key``); with the English page's headings that are one (a
    reference page's ``## effectScope()``, see pair_units), that is all: code elsewhere on the
    page names nothing here. As the code writes them (`Object` is no generic object), without
    call parentheses or a leading sigil."""
    sides = (section.source, section.target)
    return _api_titles(side.title for side in sides) | _names(
        span.text for side in sides for span in side.code_spans
    )


def _api_titles(titles: Iterable[str]) -> frozenset[str]:
    """The names of the headings that are one identifier (``## key``, ``## effectScope()``)."""
    return _names(title for title in titles if _API_HEADING().fullmatch(title.strip()))


def _names(texts: Iterable[str]) -> frozenset[str]:
    """Code or titles of one token as names: no call parentheses or leading sigil."""
    stripped = (text.strip() for text in texts)
    return frozenset(
        text.lstrip("#@.:$").removesuffix("()") for text in stripped if text and " " not in text
    )


def _api_name(unit: Unit, occurrence: Occurrence) -> bool:
    """Whether a term kept in English is an API name of its unit or section, alone or with the
    word before or after it (``computed`` of `computed()`, ``effect scope`` of
    ``effectScope()``): a name, not a rendering decision. Letter case counts: `Object` names
    no generic object."""
    if not unit.names:
        return False
    start = occurrence.start
    text = next(_texts_at(unit, occurrence), "")
    word = _LATIN_WORD().match(occurrence.surface)
    if not text or word is None:
        return False
    term = word.group()
    before = _word_before(text, start)
    after = _WORD_AFTER().match(text, start + len(term))
    candidates = [term]
    if before:
        candidates += [before + term, before + term[:1].upper() + term[1:]]
    if after is not None:
        following = after.group(1)
        candidates += [term + following, term + following[:1].upper() + following[1:]]
    return any(candidate in unit.names for candidate in candidates)


def _word_before(text: str, end: int) -> str:
    r"""The Latin-letter word that ``text[:end]`` ends with before its trailing whitespace (at
    least one character of it), else "": what ``([A-Za-z]+)\s+$`` finds in it, read back from
    ``end``, where that search tried the letters at every place before it (most of a kept
    term's sentence)."""
    stop = end
    while stop and text[stop - 1].isspace():  # str.isspace is \s of a str pattern
        stop -= 1
    start = stop
    while start and text[start - 1] in _LETTERS:
        start -= 1
    return text[start:stop] if stop < end else ""


_NO_NAMES: frozenset[str] = frozenset()  # shared: every unit holds kept names, most of them none


def _kept_names(korean: Sequence[Block], english: Sequence[Block]) -> frozenset[str]:
    """The English words that a unit's Korean blocks emphasize or quote alone (a run of at most
    four Latin-script words) as its English blocks do: the term the translator keeps because
    the text defines or names it (``**pending callbacks**``, ``*dependencies*``, ``"strong
    scaling"``), lower-cased."""
    kept = _marked(korean)
    return (kept & _marked(english) or _NO_NAMES) if kept else kept


def _marked(blocks: Sequence[Block]) -> frozenset[str]:
    """The Latin-script names the blocks emphasize or quote alone, lower-cased (_kept_names).
    Asked of every unit's Korean, most of which emphasize and quote nothing: the runs are
    gathered in one loop, and without any no set is built."""
    runs: list[str] = []
    for block in blocks:
        runs += block.emphasis
        if _QUOTE_MARK().search(block.text):
            runs += [m[1] or m[2] for m in _QUOTED().finditer(block.text)]
    if not runs:
        return _NO_NAMES
    names = frozenset(
        name.lower() for run in runs if _KEPT_NAME().fullmatch(name := " ".join(run.split()))
    )
    return names or _NO_NAMES


def _kept_name(unit: Unit, occurrence: Occurrence) -> bool:
    """Whether a term kept in English lies inside one of its unit's kept names (_kept_names)."""
    if not unit.kept:
        return False
    start, end = occurrence.start, occurrence.end
    for text in map(str.lower, _texts_at(unit, occurrence)):
        for name in unit.kept:
            at = text.find(name)
            while 0 <= at <= start:
                if end <= at + len(name):
                    return True
                at = text.find(name, at + 1)
    return False


def _texts_at(unit: Unit, occurrence: Occurrence) -> Iterator[str]:
    """The texts of the unit's Korean pieces that hold ``occurrence`` where it was found."""
    start, end = occurrence.start, occurrence.end
    return (p.text for p in unit.korean if p.text[start:end] == occurrence.surface)


def run_glossary(ctx: SetContext) -> Glossary:
    """The run's glossary with the terms learned from every pair's units added; without a
    glossary the project names, the shipped default one is advisory (see glossary.decide)."""
    matcher = active_matcher(ctx.config)
    glossary = matcher.glossary if matcher is not None else Glossary()
    if not curated(ctx.config):
        advised = tuple(dataclasses.replace(entry, advisory=True) for entry in glossary.entries)
        glossary = dataclasses.replace(glossary, entries=advised)
    if not ctx.config.option("glossary", "learn"):
        return glossary
    units = ((pair.target, unit) for pair in ctx.collected if pair for unit in pair.units)
    learned = learn(units, glossary)
    return dataclasses.replace(glossary, entries=(*glossary.entries, *learned))


def tree_uses(ctx: SetContext, matcher: Matcher) -> dict[Entry, list[Use]]:
    """Every accepted use of every term in the Korean files, where the aligned English uses it.

    Where a unit's Korean mentions a term more often than its English, a mention in a
    rendering of another term of the English (속성 where the English also says "attribute")
    renders that term; if several Korean renderings are still left and two of them stand as a
    pair (``configurations or settings``: 구성이나 설정, 설정 for "settings"), the unit does not
    say which one translates the term, and none of them counts (the English kept beside a
    rendering still does). Renderings apart (구성은 … 이 설정은 … for "The configuration … It
    …") each translate the term: the translator wrote the noun for a pronoun."""
    # Keyed by the entry's id while counting: every occurrence holds one of the matcher's own
    # entries, and an entry's hash is a Python call (tens of thousands of them on a docs site).
    uses: dict[int, tuple[Entry, list[Use]]] = {}
    # A text recurs (a note, a list item, a table cell): it is matched once.
    in_english, in_korean = cache(matcher.english), cache(matcher.korean)
    for pair in ctx.collected:
        for unit in pair.units if pair else ():
            english: dict[int, tuple[Entry, list[int]]] = {}
            for occurrence, line in placed(unit.english, in_english):
                entry = occurrence.entry
                english.setdefault(id(entry), (entry, []))[1].append(line)
            if not english:
                continue
            korean: dict[int, tuple[Entry, list[Use]]] = {}
            for occurrence, line in placed(unit.korean, in_korean):
                entry = occurrence.entry
                known = english.get(id(entry))
                if known is None:
                    continue
                # A Korean rendering is never forbidden (only FORBIDDEN and ENGLISH kinds are).
                kind = occurrence.kind
                if kind is not KOREAN and _is_forbidden(matcher.glossary, occurrence):
                    continue
                if kind is ENGLISH and (
                    _api_name(unit, occurrence) or _kept_name(unit, occurrence)
                ):
                    continue
                rendering = entry.term if kind is ENGLISH else occurrence.rendering
                use = Use(entry.term, rendering, kind, pair.target, line,
                          pair.source, known[1][0])  # fmt: skip
                korean.setdefault(id(entry), (entry, []))[1].append(use)
            for key, (entry, found_uses) in korean.items():
                translating = _translating(entry, found_uses, english, unit)
                uses.setdefault(key, (entry, []))[1].extend(translating)
    return dict(uses.values())


def _translating(
    entry: Entry, found: list[Use], english: dict[int, tuple[Entry, list[int]]], unit: Unit
) -> list[Use]:
    """The Korean mentions of ``entry`` in one unit that translate it (see tree_uses); ``english``
    holds each term of the unit's English with its lines, keyed by the entry's id."""
    mentions = len(english[id(entry)][1])
    if len(found) <= mentions:
        return found
    others = {
        rendering for other, _ in english.values() if other is not entry for rendering in other.ko
    }
    found = [use for use in found if use.rendering not in others]
    renderings = sorted({use.rendering for use in found if use.kind is not ENGLISH})
    if len(renderings) < 2 or len(found) <= mentions:
        return found
    text = joined(unit.korean)
    return [] if _coordinated(renderings, text) else found


_JOIN = r"(?:(?:이나|나|와|과|이랑|랑|이든|든)\s*|\s*(?:[,/·]|및|또는|혹은)\s*)"


def _coordinated(renderings: list[str], text: str) -> bool:
    """Whether two of the renderings stand side by side as a pair (구성이나 설정, 구성 및 설정):
    a pair that renders two English words side by side (``configurations or settings``), one
    of which the glossary does not hold."""
    return any(
        re.search(f"{re.escape(a)}{_JOIN}{re.escape(b)}", text) is not None
        for a in renderings
        for b in renderings
        if a != b
    )


# The last tree_terms result, with what it was computed from (held, so identity stays valid).
_LAST_TREE_TERMS: list[tuple[tuple[object, ...], tuple[Glossary, dict[Entry, list[Use]]]]] = []


def tree_terms(ctx: SetContext) -> tuple[Glossary, dict[Entry, list[Use]]]:
    """The run's glossary (see run_glossary) and every accepted use of its terms (tree_uses),
    computed once for the same collected units and config: the rule asks, then a language
    server showing the tree's renderings on hover asks again over the very same objects."""
    key = (ctx.config, *ctx.collected)
    for known, found in _LAST_TREE_TERMS:
        if len(known) == len(key) and all(a is b for a, b in zip(known, key, strict=True)):
            return found
    glossary = run_glossary(ctx)
    uses = tree_uses(ctx, Matcher(glossary)) if glossary.entries else {}
    _LAST_TREE_TERMS[:] = [(key, (glossary, uses))]
    return glossary, uses


@set_rule(
    "TC303",
    "glossary-inconsistent",
    Severity.WARNING,
    collect=collect_units,
    example=Example(
        en=None,
        ko=None,
        files={
            "en/sharding.md": "# Sharding\n\nA sharded array lives on many chips.\n",
            "ko/sharding.md": "# 샤딩\n\n샤딩된 배열은 여러 칩에 있습니다.\n",
            "en/inference.md": "# Inference\n\nSharding the weights helps.\n",
            "ko/inference.md": "# 추론\n\nweight에 sharding을 적용하면 도움이 됩니다.\n",
        },
        glossary="""\
            terms:
              - term: sharding
                forms: [sharded]
                ko: [샤딩]
            """,
    ),
)
def glossary_inconsistent(ctx: SetContext) -> Iterator[Hit]:
    """A term is rendered several ways across the Korean files (default: `ko` and learned terms).

    Bad:  ko/sharding.md `샤딩된 배열` but ko/inference.md `sharding을 적용하면`.
    Good: one rendering everywhere (the glossary's preferred one, else the one most files use).
    On by default: terms of the shipped general glossary `ko`, of the glossaries the project
    names (`glossary: [ko-ml, docs/terms.yaml]`) and terms learned from the tree (`glossary.learn`).
    A use counts where the aligned English block has the term, not where the English kept is
    an API name its section's code or headings write, in that letter case (`key` under
    `## key`), nor a name emphasized or quoted alone on both sides (`**pending callbacks**`).
    One finding per file, term and rendering, at its first line, with the other lines and
    what the rest of the tree writes.
    """
    glossary, found = tree_terms(ctx)
    for entry, uses in found.items():
        decision = decide(glossary, entry, uses)
        if decision is None:
            continue
        for use, message, identity in findings(decision):
            yield Hit(
                message,
                Location(use.source_path, use.source_line),
                Location(use.path, use.line),
                identity=identity,
            )


@rule(
    "TC304",
    "glossary-first-mention",
    Severity.INFO,
    enabled=False,
    example=Example(
        en="""\
            # Serving

            Inference is memory-bound.

            Inference needs little compute.
            """,
        ko="""\
            # 서빙

            추론은 메모리에 묶입니다.

            추론(inference)은 연산이 적게 듭니다.
            """,
        glossary="""\
            terms:
              - term: inference
                ko: [추론]
            """,
    ),
)
def glossary_first_mention(ctx: PairContext) -> Iterator[Hit]:
    """A term's first use in a file must carry its gloss `한국어(English)`; later uses Korean only.

    Bad:  first use `추론은…`, later `추론(inference)은…` or `inference는…`.
    Good: first use `추론(inference)은…`, later `추론을…`.
    The rule the Kubernetes Korean localization guide writes down; off by default.
    """
    matcher = active_matcher(ctx.config)
    terms = side_terms(ctx, True)
    if matcher is None or terms is None:
        return
    glossary = matcher.glossary
    seen: set[Entry] = set()
    for mention in terms.mentions:
        occurrence = mention.occurrence
        entry = occurrence.entry
        if _is_forbidden(glossary, mention.occurrence) or not glossary.wants_first_mention(entry):
            continue
        preferred = glossary.preferred_of(entry)
        korean = preferred if preferred in entry.ko else entry.ko[0]
        where = ctx.at_target(mention.line)
        if entry not in seen:
            seen.add(entry)
            if not occurrence.glossed:
                yield Hit(
                    f"first use of {entry.term!r} in this file should read {korean}({entry.term})",
                    target=where,
                )
        elif occurrence.glossed:
            yield Hit(
                f"{entry.term!r} is glossed again; only its first use needs ({entry.term})",
                target=where,
            )
        elif occurrence.kind is ENGLISH:
            yield Hit(
                f"{occurrence.surface!r}: after the first use write {korean}, not English",
                target=where,
            )
