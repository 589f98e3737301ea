"""Untranslated rule (TC701): Korean text that is still the English text, and each file's
translated share.

A unit (heading, paragraph, list item, HTML text, table cell, front-matter title/description) is
untranslated when its Korean side has no Hangul and is near-identical to its English side. Only
English text with words to translate counts: formulas, identifiers, numbers and acronyms do not,
and a paragraph needs a few words (a heading one) before it is prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from transcheck.align import terms
from transcheck.checks.blockmatch import section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.config import RULE_OPTIONS
from transcheck.counted import clipped
from transcheck.findings import Severity
from transcheck.hangul import HANGUL
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Document, Link
from transcheck.records import cached_property, mutable, record
from transcheck.suppress import Suppressions

RULE_OPTIONS["untranslated"] = {
    "allow_headings": False,
    "min_words": 3,
    "similarity": 90.0,
    "page_share": 0.5,  # below this translated share, a page gets one finding, not one per unit
}

_PART = r"(?=[A-Za-z])[a-z]*[A-Z]?[a-z]*"  # a word part with at most one capital
_WORD = re.compile(rf"{_PART}(?:[-'’]{_PART})*")
_EDGE = "()[]{}<>,.:;!?\"'“”‘’*_`"
PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HTML})
FRONT_MATTER_KEYS = ("title", "description")
# Words that join names without being prose: `v-if` vs. `v-show`, provide / inject.
_CONNECTORS = frozenset({"vs", "vs.", "and", "or", "&", "/", "+", "-", "|", ":", "·", "—", "–"})
# Words that join the names of a product's title: Eclipse IDE with …, Vue + Vite on StackBlitz.
_JOINING = _CONNECTORS | {"with", "for", "of", "on", "in", "the", "a", "an", "via", "by"}
_PAGE_UNITS = 3  # fewer units still in English are reported one by one, whatever the share
# Marks of an identifier rather than a word: a call, -, _, <tag>, a dot, $, digits, camelCase,
# an acronym.
_IDENTIFIER = compiled(r"\(\)|[-_<>.$@#:/\d]|[a-z][A-Z]|^[A-Z]{2,}s?$")
# Capitalized inside a sentence; the capital comes first, the lookbehind after it, so the regex
# engine skips to capitals instead of trying the lookbehind at every character of a page.
_INNER_CAPITAL = compiled(r"[A-Z](?<=[a-z,;] [A-Z])[a-z]+\b")
_ABBREVIATED = compiled(r"\s*\([A-Z][A-Z0-9-]*s?\)$")  # ``Name (ABBR)``: the abbreviation
_ARTICLES = frozenset({"a", "an", "the"})
_TERM_WORDS = 3  # a term kept in English has at most this many words
_TERM_KINDS = frozenset({BlockKind.LIST_ITEM.value, "table cell"})  # where term lists are
_URL = compiled(r"^[a-z][a-z0-9+.-]*://|^www\.")
_FILE_NAME = compiled(r"\.[a-z][a-z0-9]{0,4}$")  # vite.config.js, main.py
_CODE_PART = compiled(r"[^a-z0-9]+")
_LATIN = compiled(r"[A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9+]|[A-Za-z]")


def _word(token: str) -> bool:
    """A Latin-script word, not an acronym (GPU, GPUs) or a CamelCase name (AllGather)."""
    return len(token) >= 2 and _WORD.fullmatch(token) is not None


@lru_cache(maxsize=1 << 15)
def _word_token(token: str) -> bool:
    """Whether a token of a text (between white space) is a word once its edge punctuation is
    stripped; remembered by token, as prose repeats its words (on vue-docs 46,000 tokens are
    asked, 5,700 distinct ones)."""
    return _word(token.strip(_EDGE))


def prose_words(text: str) -> list[str]:
    """English words a translator would translate: no acronyms, identifiers (d_model), or
    tokens with digits and brackets (Out[B, D])."""
    return [token.strip(_EDGE) for token in text.split() if _word(token.strip(_EDGE))]


def is_prose(text: str, min_words: int) -> bool:
    """At least ``min_words`` words, and words make at least half of the tokens (a formula
    with an English aside is not prose)."""
    tokens = text.split()
    needed = max(min_words, (len(tokens) + 1) // 2)
    if needed <= 0:
        return True
    if len(tokens) < needed:
        return False
    # counted at C speed (map over the token cache), not token by token in a Python loop, and
    # only until the needed word is found: prose finds it about halfway through its tokens
    words = filter(None, map(_word_token, tokens))
    return next(islice(words, needed - 1, None), False)


def _normal(text: str) -> str:
    """Text as compared: case-folded, single spaces."""
    return " ".join(text.casefold().split())


def is_untranslated(english: str, korean: str, min_words: int, similarity: float) -> bool:
    """Korean text with no Hangul, near-identical to English text that has prose to translate."""
    if HANGUL.search(korean) or not is_prose(english, min_words):
        return False
    return fuzz.ratio(_normal(english), _normal(korean)) >= similarity


@record(slots=True)
class Unit:
    """One translatable unit of an aligned block pair, with what a message shows."""

    kind: str
    english: str
    korean: str
    source_line: int
    target_line: int
    min_words: int
    target_end: int
    block: Block | None = None  # the Korean block (None for a table cell)


def _cell_units(en: Block, ko: Block, min_words: int) -> list[Unit]:
    """The cells of an aligned table row, paired by column (rows of other widths are skipped)."""
    if len(en.cells) != len(ko.cells):
        return []
    return [
        Unit("table cell", english, korean, en.line, ko.line, min_words, ko.end_line)
        for english, korean in zip(en.cells, ko.cells, strict=True)
    ]


def units(ctx: PairContext) -> list[Unit]:
    """Every translatable unit of the pair's aligned sections (cached per pair)."""

    def compute() -> list[Unit]:
        """Collect the units of every block pair."""
        min_words = int(ctx.config.option("untranslated", "min_words"))
        found: list[Unit] = []
        for section in section_blocks(ctx):
            for pair in section.blocks:
                en, ko = pair.source, pair.target
                if en is None or ko is None:
                    continue
                if en.kind is BlockKind.TABLE_ROW and ko.kind is BlockKind.TABLE_ROW:
                    found += _cell_units(en, ko, min_words)
                elif en.kind is BlockKind.HEADING or en.kind in PROSE_KINDS:
                    need = 1 if en.kind is BlockKind.HEADING else min_words
                    found.append(
                        Unit(
                            en.kind.value, en.text, ko.text, en.line, ko.line, need, ko.end_line, ko
                        )
                    )
        return found

    return ctx.cached("untranslated", compute)  # type: ignore[no-any-return]


def originals_kept(ctx: PairContext) -> dict[int, Block]:
    """Korean prose blocks that are their English copied (still in English) standing next to a
    Korean block that pairs with nothing and translates them: the source text left beside its
    translation (a translator working from a copy of the English page). Id of the copy -> the
    translation, which block-extra then leaves to this rule: one finding, remove the copy."""

    def compute() -> dict[int, Block]:
        similarity = float(ctx.config.option("untranslated", "similarity"))
        min_words = int(ctx.config.option("untranslated", "min_words"))
        found: dict[int, Block] = {}
        for section in section_blocks(ctx):
            pairs = section.blocks
            copies = {
                at
                for at, pair in enumerate(pairs)
                if pair.source is not None
                and pair.target is not None
                and pair.target.kind in PROSE_KINDS
                and is_untranslated(pair.source.text, pair.target.text, min_words, similarity)
            }
            for at in copies - {at + 1 for at in copies} - {at - 1 for at in copies}:
                # a copy alone: a run of them is English left untranslated, said as a run
                source = pairs[at].source
                assert source is not None
                for near in (at - 1, at + 1):
                    beside = pairs[near].target if 0 <= near < len(pairs) else None
                    if (
                        beside is not None
                        and pairs[near].source is None
                        and _translated(beside)
                        and _renders(source, beside)
                    ):
                        found[id(pairs[at].target)] = beside
                        break
        return found

    return ctx.cached("originals-kept", compute)  # type: ignore[no-any-return]


def _renders(english: Block, korean: Block) -> bool:
    """Whether a Korean paragraph shows that it translates an English one: they share a code
    span or a number, or most Latin-script terms the Korean keeps are in the English (a
    translator's note beside the copy shows none of these)."""
    codes = {span.text.strip() for span in english.code_spans}
    if codes & {span.text.strip() for span in korean.code_spans}:
        return True
    if {n.value for n in english.numbers} & {n.value for n in korean.numbers}:
        return True
    kept = terms.korean_terms(korean.text)
    written = terms.lowered(english.text)
    found = sum(terms.starts_word(word, written) for word in kept)
    return found > 0 and 2 * found > len(kept)


@mutable
class Names:
    """What a page pair keeps in English on purpose: the Korean page's inline code, and the
    words it keeps in English (inside its Korean sentences, or proper nouns of the English),
    read from its ``pages`` (English, Korean) when first asked: only a title of one or two
    words asks, so most pages that have a unit in English never read all their text for them."""

    code: frozenset[str] = frozenset()
    pages: tuple[Document, Document] | None = None

    @cached_property
    def kept(self) -> frozenset[str]:
        """The words the page pair keeps in English (none without pages)."""
        return kept_words(*self.pages) if self.pages is not None else frozenset()


_NO_NAMES = Names()


def is_name(text: str, names: Names = _NO_NAMES) -> bool:
    """A title that names rather than says. Its tokens, connectors such as ``vs.``, ``&`` or
    ``/`` aside, are each an identifier (``createApp()``, ``v-if``, ``<script setup>``,
    ``beforeMount``, ``CSS``) or inline code of the page (``provide / inject``); or, for one
    or two tokens, a name the page keeps in English (``Vite``, ``Solid Signals``). Tokens with
    no letter or digit (an emoji: ``📦 create-docusaurus``) are decoration."""
    tokens = [
        token
        for token in text.split()
        if token.casefold() not in _CONNECTORS and any(char.isalnum() for char in token)
    ]
    identifier = _IDENTIFIER().search
    code = [_bare(token) in names.code or identifier(token.strip(",.:;!?*")) for token in tokens]
    if all(code):
        return True
    return len(tokens) <= 2 and all(
        c or _bare(t) in names.kept for c, t in zip(code, tokens, strict=True)
    )


def _bare(token: str) -> str:
    """A token as looked up among names: no call parentheses or edge punctuation, folded."""
    return token.strip(_EDGE).casefold()


def page_names(english: Document, korean: Document) -> Names:
    """Names of a page pair: the Korean inline code and the one-word values of its tags'
    arguments (``{{< glossary_definition term_id="kubelet" >}}`` under ``### kubelet``), and
    the words it keeps (see ``kept_words``)."""
    code: set[str] = set()
    for section in korean.sections:
        code.update(_bare(span.text.strip()) for span in section.code_spans)
        code.update(
            _bare(value)
            for tag in section.markup
            for _, value in tag.attrs
            if value.strip() and not value.strip().count(" ")
        )
    return Names(frozenset(code), (english, korean))


def kept_words(english: Document, korean: Document) -> frozenset[str]:
    """The words a page pair keeps in English: the Latin words of its Korean sentences, and
    the proper nouns of the English prose (capitalized inside a sentence, never in lower case:
    ``Vite``, ``Pinia``)."""
    kept: set[str] = set()
    for section in korean.sections:
        for block in section.blocks:
            if block.kind in PROSE_KINDS and HANGUL.search(block.text):
                kept.update(word.casefold() for word in _LATIN().findall(block.text))
    prose = [
        block.text
        for section in english.sections
        for block in section.blocks
        if block.kind in PROSE_KINDS
    ]
    kept.update(proper_nouns(prose))
    return frozenset(kept)


def proper_nouns(texts: Sequence[str]) -> set[str]:
    """The words ``texts`` capitalize inside a sentence and never write in lower case as a
    word of their own (between characters that are no word characters), case-folded. Only
    those few words are looked for in lower case, not every word of the page listed."""
    joined = "\n".join(texts)  # a line break joins no two words
    capitalized = {word.casefold() for word in _INNER_CAPITAL().findall(joined)}
    return {word for word in capitalized if not _written_alone(word, joined)}


def _written_alone(word: str, text: str) -> bool:
    """Whether ``text`` holds ``word`` with no word character (a regex's ``\\w``) on either
    side."""
    return stands_apart(word, text, _word_char)


def stands_apart(needle: str, text: str, joins: Callable[[str], bool]) -> bool:
    """Whether ``text`` holds ``needle`` with no character that ``joins`` words right before
    or after it: a ``str.find`` loop, where a regex starting with a lookbehind would be tried
    at every character of the text."""
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not (at and joins(text[at - 1])) and not (end < len(text) and joins(text[end])):
            return True
        at = text.find(needle, at + 1)
    return False


def _word_char(char: str) -> bool:
    """A regex's ``\\w``: a letter or digit of any script, or ``_``."""
    return char.isalnum() or char == "_"


def _link_only(block: Block) -> bool:
    """A unit made only of link texts: names of outside resources or products (``Vue + Vite
    on StackBlitz``, ``[Deutsch / German] [[source]]``), kept as the resources call themselves."""
    rest = block.shown or block.text  # link texts hold their inline code, as shown does
    for link in block.links:
        if not link.text.strip() or link.text not in rest:
            return False
        rest = rest.replace(link.text, " ", 1)
    return bool(block.links) and not prose_words(rest)


def _shown_in_code(text: str, code: str, folded: str) -> bool:
    """Text that a code block of the same Korean page also holds: a demo's output mirroring
    the example's strings, kept as the example keeps them; or a title of three words or more
    that the page's code cites in any case (a citation: ``title = {How to Scale Your Model}``);
    ``folded`` is ``code`` case-folded."""
    text = text.strip()
    if len(text) > 3 and text in code:
        return True
    return len(prose_words(text)) >= 3 and text.casefold() in folded


def _names_and_code(ctx: PairContext) -> tuple[Names, str, str]:
    """The page pair's names, the text of the Korean code blocks and that text case-folded
    (once per pair)."""

    def compute() -> tuple[Names, str, str]:
        blocks = (block for section in ctx.target.sections for block in section.code_blocks)
        code = "\n".join(block.text for block in blocks)
        return page_names(ctx.source, ctx.target), code, code.casefold()

    return ctx.cached("untranslated-names", compute)  # type: ignore[no-any-return]


def _named(ctx: PairContext, unit: Unit) -> bool:
    """Whether a unit in English is a name kept on purpose (asked only of units in English)."""
    names, code, folded = _names_and_code(ctx)
    return (
        is_name(unit.korean, names)
        or (
            unit.kind == BlockKind.HEADING.value
            and (_kept_phrase(ctx, unit.korean) or _code_names(ctx, unit) or _linked(ctx, unit))
        )
        or (_label(unit) and _kept_phrase(ctx, unit.korean))
        or (unit.kind == BlockKind.PARAGRAPH.value and _quoted(ctx, unit.korean))
        or (unit.block is not None and _link_only(unit.block))
        or _shown_in_code(unit.korean, code, folded)
        or (unit.kind == BlockKind.LIST_ITEM.value and _proper_only(unit.korean))
        or (unit.kind in _TERM_KINDS and _bare_term(unit))
    )


def _bare_term(unit: Unit) -> bool:
    """A term of a few words the translator wrote without its English articles (``the
    environment variable`` as ``environment variable``): Korean has none, so the words kept are
    a term kept in English on purpose, not text left as it was (asked of list items and table
    cells, where term lists are: a heading ``A Simple Example`` left as ``Simple Example`` is
    text left in English)."""
    words = unit.english.split()
    bare = [word for word in words if word.casefold() not in _ARTICLES]
    return (
        len(bare) < len(words)
        and len(bare) <= _TERM_WORDS
        and _normal(" ".join(bare)) == _normal(unit.korean)
    )


def _kept_phrase(ctx: PairContext, title: str) -> bool:
    """A title the Korean page writes as it is inside its own Korean sentences or headings
    (``React Developer Tools를 사용하여``): a name the translator keeps on purpose, whatever its
    length. A label's colon and an abbreviation after the name (``Fully-Sharded Data
    Parallelism (FSDP):``) may stay out of the sentences."""
    sentences = ctx.cached(
        "untranslated-korean-sentences",
        lambda: "\n".join(
            block.text.casefold()
            for section in ctx.target.sections
            for block in section.blocks
            if (block.kind in PROSE_KINDS or block.kind is BlockKind.HEADING)
            and HANGUL.search(block.text) is not None
        ),
    )
    phrase = " ".join(title.split()).removesuffix(":")
    return any(
        len(name) > 1 and _found_apart(name, sentences)
        for name in {phrase.casefold(), _ABBREVIATED().sub("", phrase).casefold()}
    )


def _quoted(ctx: PairContext, text: str) -> bool:
    """A paragraph the Korean page quotes in its own sentences, with or without its leading
    ``Warning:`` label: a message the program prints (a console block), kept in English on
    purpose (``### "The current testing environment is not configured…" 오류가 발생하는 경우``)."""
    unlabelled = _MESSAGE_LABEL().sub("", text, count=1)
    return _kept_phrase(ctx, text) or (unlabelled != text and _kept_phrase(ctx, unlabelled))


_MESSAGE_LABEL = compiled(r"^[A-Z][A-Za-z]*:\s+")


def _found_apart(name: str, text: str) -> bool:
    """Whether ``text`` holds ``name`` with no ASCII lowercase letter on either side (what
    ``(?<![a-z])name(?![a-z])`` finds)."""
    return stands_apart(name, text, _lowercase)


def _lowercase(char: str) -> bool:
    """An ASCII lowercase letter."""
    return "a" <= char <= "z"


def _label(unit: Unit) -> bool:
    """A paragraph that labels what follows, as a heading would: a few words and a colon
    (``**Fully-Sharded Data Parallelism (FSDP):**``)."""
    text = unit.korean.strip()
    return unit.kind == BlockKind.PARAGRAPH.value and text.endswith(":") and len(text.split()) <= 6


def _code_names(ctx: PairContext, unit: Unit) -> bool:
    """A one-word title that the inline code of its own Korean section names: a tool or library
    whose package, module or file the section shows (``### Vite`` over ``@vitejs/plugin-vue``),
    with the ``js`` of a package name dropped. Only a span that names one thing counts: the
    whole span, or a part of a package, path or file name (``@``, ``/``, an extension); never
    a word of a command or a URL (``npm install``, ``https://example.com``)."""
    words = unit.korean.split()
    if len(words) != 1:
        return False
    word = _bare(words[0])
    spans = ctx.target.section_at(unit.target_line).code_spans
    parts = {part for span in spans for part in _named_parts(span.text.strip().casefold())}
    return word in parts or word + "js" in parts


def _linked(ctx: PairContext, unit: Unit) -> bool:
    """A heading whose words its own Korean section's links name: a tool or product whose site,
    repository owner or kept link text the section gives (``### Gitpod`` over
    https://www.gitpod.io, ``### Chrome DevTools 55+, Microsoft Edge`` over
    github.com/ChromeDevTools/… and www.microsoftedgeinsider.com). Words that are identifiers,
    numbers or joining words (``with``, ``and``) need no link; any other word does, so ``TPU
    Networking`` over cloud.google.com/tpu/…, or ``Gitpod setup``, is text to translate."""
    words = [
        folded
        for word in unit.korean.split()
        if (bare := word.strip(_EDGE))
        and not _IDENTIFIER().search(bare)
        and (folded := bare.casefold()) not in _JOINING
    ]
    if not words or any(len(word) < 3 for word in words):
        return False
    links = ctx.target.section_at(unit.target_line).links
    texts: set[str] = set()
    labels: list[str] = []
    for link in links:
        text, sites = _link_parts(link)
        texts.update(text)
        labels += sites
    return all(word in texts or any(word in label for label in labels) for word in words)


def _link_parts(link: Link) -> tuple[list[str], list[str]]:
    """What a link names, case-folded: the Latin words of its text when that is no URL, and the
    labels of its site (``gitpod`` of www.gitpod.io) with the owner of a repository-like path
    (``chromedevtools`` of github.com/ChromeDevTools/x), which may join several words."""
    text = _LATIN().findall(link.text.casefold()) if not _URL().search(link.text) else []
    if not _URL().search(link.url):
        return text, []
    split = urlsplit(link.url)
    labels = (split.hostname or "").removeprefix("www.").split(".")[:-1]
    path = [segment for segment in split.path.split("/") if segment]
    if len(path) >= 2:
        labels.append(path[0].casefold())
    return text, labels


def _named_parts(span: str) -> set[str]:
    """What a case-folded inline code span names: itself, and the parts of a package, path or
    file name; nothing for a command (words with spaces) or a URL."""
    if not span or len(span.split()) > 1 or _URL().search(span):
        return set()
    if "@" in span or "/" in span or _FILE_NAME().search(span):
        return {_bare(span), *_CODE_PART().split(span)}
    return {_bare(span)}


def _proper_only(text: str) -> bool:
    """A list item of names, places and dates (``VueConf Toronto, Nov 18-20, 2025``): every
    word capitalized, so nothing in it is a sentence to translate."""
    words = prose_words(text)
    return bool(words) and all(word[0].isupper() for word in words)


@rule(
    "TC701",
    "untranslated",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Sharding

            Sharding splits an array across many devices.
            """,
        ko="""\
            ## 샤딩

            Sharding splits an array across many devices.
            """,
    ),
)
def untranslated(ctx: PairContext) -> Iterator[Hit]:
    """Korean text is still the English text: no Hangul and near-identical to its source.

    Bad:  en `Sharding splits an array across many devices.` ↔ ko the same English sentence.
    Good: ko `샤딩은 배열을 여러 장치에 나눕니다.`
    Headings kept in English on purpose are silenced with `untranslated.allow_headings: true`
    (titles too); a translated page that leaves three or more headings in English and translates
    none (webpack.kr's way, or all forgotten) gets one finding for them.
    Names are not untranslated: a title that is one identifier or API name (`createApp()`,
    `v-if`), one or two capitalized names (`Vite`, `Scoped CSS`), a title the Korean page
    writes as it is in its own sentences (`React Developer Tools를 설치하면`), one word its
    section's code names (`### Vite` over `@vitejs/plugin-vue`), a term of a few words written
    without its English article (`environment variable`), a message the Korean page quotes in
    its own sentences or headings (console output), the text of a lone link (a
    product or resource), text a code block of the page also shows (a demo's output, a title
    its citation names), a front-matter title whose subtitle is translated. A page whose
    translated share of paragraphs is below `untranslated.page_share` (0.5), with at
    least three units in English, gets one finding with that share and the English line ranges;
    list items left in English one after another are one finding. A paragraph that is its
    English copied, next to a Korean paragraph that translates it, is one finding: remove the
    English (block-extra leaves the translation alone).
    """
    similarity = float(ctx.config.option("untranslated", "similarity"))
    every = units(ctx)
    left = [
        is_untranslated(unit.english, unit.korean, unit.min_words, similarity)
        and not _named(ctx, unit)
        for unit in every
    ]
    share = translated_share(ctx)
    page_share = float(ctx.config.option("untranslated", "page_share"))
    allow_headings = bool(ctx.config.option("untranslated", "allow_headings"))
    translated = share is not None and share >= page_share  # else its headings are part of it
    headings = _headings_kept(every, left) if translated and not allow_headings else []
    if allow_headings or headings:
        left = [
            english and unit.kind != _HEADING for unit, english in zip(every, left, strict=True)
        ]
    kept = [unit for unit, english in zip(every, left, strict=True) if english]
    if len(kept) >= _PAGE_UNITS and share is not None and share < page_share:
        yield _page(ctx, every, left, share)
        return
    if headings:
        yield _all_headings(ctx, headings)
    if kept:  # most pages have no unit in English: no directive to read, no group to make
        yield from _grouped(ctx, every, left)
    yield from _stale(ctx, every, left)
    if not allow_headings:  # a team keeping its headings in English keeps its titles so too
        yield from _front_matter(ctx, similarity)


_HEADING = BlockKind.HEADING.value
_KEPT_HEADINGS = 3  # headings a page leaves all in English to show it may do so on purpose


def _headings_kept(every: Sequence[Unit], left: Sequence[bool]) -> list[Unit]:
    """The headings of a page that leaves at least _KEPT_HEADINGS of them in English (``left``)
    and translates none: a team's way (webpack.kr keeps headings and titles in English) or all
    its headings forgotten, one thing either way; else none."""
    kept = []
    for unit, english in zip(every, left, strict=True):
        if unit.kind == _HEADING:
            if HANGUL.search(unit.korean) is not None:
                return []
            if english:
                kept.append(unit)
    return kept if len(kept) >= _KEPT_HEADINGS else []


def _all_headings(ctx: PairContext, headings: list[Unit]) -> Hit:
    """One finding for a translated page that keeps every heading in English."""
    shown = _first_shown([repr(clipped(_shown(unit))) for unit in headings])
    lines = ", ".join(str(unit.target_line) for unit in headings)
    return Hit(
        f"all {len(headings)} headings of this translated page are still in English (lines "
        f"{lines}): {shown}; translate them, or, if the team keeps headings in English, "
        "set untranslated.allow_headings: true",
        ctx.at_source(headings[0].source_line),
        ctx.at_target(headings[0].target_line),
        identity=f"headings\0{len(headings)}",
    )


def _first_shown(texts: list[str]) -> str:
    """The first _SHOWN texts of a list, joined, and how many more there are."""
    more = f" and {len(texts) - _SHOWN} more" if len(texts) > _SHOWN else ""
    return " | ".join(texts[:_SHOWN]) + more


def _grouped(ctx: PairContext, every: list[Unit], left: list[bool]) -> Iterator[Hit]:
    """One finding per group of units still in English (see ``_together``)."""
    silenced = Suppressions.of_comments(ctx.target.comments, ctx.target.line_count)
    alone = [silenced.covers(unit.target_line, "TC701", "untranslated") for unit in every]
    beside = originals_kept(ctx)
    for group in _together(every, left, alone):
        first, texts = group[0], [repr(clipped(_shown(unit))) for unit in group]
        translation = beside.get(id(first.block)) if len(group) == 1 else None
        if translation is not None:
            yield Hit(
                f"{_named_kind(first.kind)} still in English beside its translation (line "
                f"{translation.line}): {texts[0]}; remove the English",
                ctx.at_source(first.source_line),
                ctx.at_target(first.target_line),
            )
            continue
        if first.kind == "table cell" or len(group) == 1:
            what = f"{len(group)} table cells" if len(group) > 1 else _named_kind(first.kind)
            said = f"{' | '.join(texts)}; translate {'them' if len(group) > 1 else 'it'}"
        else:
            kinds = {unit.kind for unit in group}
            noun = f"{_named_kind(first.kind)}s" if len(kinds) == 1 else "blocks"
            what = f"{len(group)} {noun} (lines {first.target_line}-{group[-1].target_end})"
            said = f"{_first_shown(texts)}; translate them"
        yield Hit(
            f"{what} still in English: {said}",
            ctx.at_source(first.source_line),
            ctx.at_target(first.target_line),
        )


_SHOWN = 3  # the texts of a list a finding shows
_STALE_WORDS = 8  # words of English prose a Korean paragraph needs to be reported as stale
_STALE_KINDS = frozenset({BlockKind.PARAGRAPH.value, BlockKind.LIST_ITEM.value})
_RUN_KINDS = _STALE_KINDS | {BlockKind.HEADING.value}  # units a run left in English joins


def _named_kind(kind: str) -> str:
    """A unit's kind as a message names it: ``list item``, not the model's ``list-item``."""
    return kind.replace("-", " ")


def _stale(ctx: PairContext, every: list[Unit], left: list[bool]) -> Iterator[Hit]:
    """Korean paragraphs written in English that are not the English they stand for: English
    text the translator kept from an older source, or never translated, beside an English
    since rewritten (content-drift cannot tell what such a paragraph "keeps": every word)."""
    for unit, same in zip(every, left, strict=True):
        if (
            not same
            and unit.kind in _STALE_KINDS
            and HANGUL.search(unit.korean) is None
            and is_prose(unit.korean, max(unit.min_words, _STALE_WORDS))
            and not _named(ctx, unit)
        ):
            yield Hit(
                f"{_named_kind(unit.kind)} still in English, and not its English: translate "
                f"{clipped(unit.english)!r} (the English changed since, or the Korean kept "
                "other English text)",
                ctx.at_source(unit.source_line),
                ctx.at_target(unit.target_line),
            )


def _together(every: list[Unit], left: list[bool], alone: list[bool]) -> Iterator[list[Unit]]:
    """The units still in English, grouped as one thing to translate: the cells of one table
    row, and paragraphs, headings and list items that follow one another with no translated
    unit between them (a list, or the rest of a page, left in English is one finding, not one
    per block). A unit a suppression directive covers (``alone``) stays a group of its own, so
    the directive silences it and not its neighbours."""
    group: list[Unit] = []
    for unit, english, apart in zip(every, left, alone, strict=True):
        if group and (apart or not _joins(group[-1], unit, english)):
            yield group
            group = []
        if english:
            group.append(unit)
            if apart:
                yield group
                group = []
    if group:
        yield group


def _joins(previous: Unit, unit: Unit, english: bool) -> bool:
    """Whether the group ending with ``previous`` goes on past ``unit``: a cell of the same
    row (translated or not), or a paragraph, heading or list item still in English after one."""
    if unit.kind == "table cell":
        return previous.kind == unit.kind and (previous.source_line, previous.target_line) == (
            unit.source_line,
            unit.target_line,
        )
    return english and previous.kind in _RUN_KINDS and unit.kind in _RUN_KINDS


def _page(ctx: PairContext, every: list[Unit], left: list[bool], share: float) -> Hit:
    """One finding for a page that is mostly untranslated: its share and the English runs."""
    runs: list[tuple[int, int]] = []
    previous = False
    for unit, english in zip(every, left, strict=True):
        if english and previous:
            runs[-1] = (runs[-1][0], unit.target_end)
        elif english:
            runs.append((unit.target_line, unit.target_end))
        previous = english
    ranges = ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in runs)
    first = next(unit for unit, english in zip(every, left, strict=True) if english)
    return Hit(
        f"the page is mostly untranslated: {share:.0%} of its paragraphs are translated; "
        f"English text at lines {ranges}; translate the page",
        ctx.at_source(first.source_line),
        ctx.at_target(first.target_line),
        identity="the page is mostly untranslated",
    )


def _front_matter(ctx: PairContext, similarity: float) -> Iterator[Hit]:
    """Front-matter title and description left in English (a name the page keeps in English,
    as its headings may, is no finding: ``title: Kubelet`` over ``Kubelet은 …``)."""
    en, ko = ctx.source.front_matter, ctx.target.front_matter
    if en is None or ko is None:
        return
    for key in FRONT_MATTER_KEYS:
        english, korean = en.data.get(key), ko.data.get(key)
        if (
            isinstance(english, str)
            and isinstance(korean, str)
            and is_untranslated(english, korean, 1, similarity)
            and not is_name(korean, _names_and_code(ctx)[0])
            and not (
                key == "title"
                and (_explained(ko.data.get("subtitle")) or _kept_phrase(ctx, korean))
            )
        ):
            yield Hit(
                f"front-matter {key} is still in English: {clipped(korean)!r}; translate it",
                ctx.at_source(en.key_lines.get(key, en.line)),
                ctx.at_target(ko.key_lines.get(key, ko.line)),
            )


def _explained(subtitle: object) -> bool:
    """Whether a front-matter subtitle is translated: the title above it, kept in English, is
    then the work's name, which the subtitle explains (Distill, Hugo: title "How To Scale Your
    Model", subtitle "TPU에서의 LLM 시스템 관점")."""
    return isinstance(subtitle, str) and HANGUL.search(subtitle) is not None


def _shown(unit: Unit) -> str:
    """A unit's Korean text as the reader sees it, inline code included."""
    return unit.block.shown if unit.block is not None and unit.block.shown else unit.korean


def _translated(block: Block) -> bool:
    """A prose block that has Hangul in it."""
    return block.kind in PROSE_KINDS and HANGUL.search(block.text) is not None


def translated_share(ctx: PairContext) -> float | None:
    """The share of English paragraphs (prose blocks with words to translate) that have a
    translated Korean counterpart; None when the English has none.

    An English paragraph the block alignment left unpaired counts as translated while its section
    has an unpaired Korean paragraph in Korean (the two traded places); paragraphs of English
    sections with no Korean section count as not translated.
    """
    return ctx.cached("translated-share", lambda: _share(ctx))  # type: ignore[no-any-return]


def _share(ctx: PairContext) -> float | None:
    """Compute translated_share."""
    similarity = float(ctx.config.option("untranslated", "similarity"))
    min_words = int(ctx.config.option("untranslated", "min_words"))
    total = done = 0
    for section in section_blocks(ctx):
        spare = sum(
            1 for p in section.blocks if p.source is None and p.target and _translated(p.target)
        )
        for pair in section.blocks:
            en, ko = pair.source, pair.target
            if en is None or en.kind not in PROSE_KINDS or not is_prose(en.text, min_words):
                continue
            total += 1
            if ko is not None:
                english = is_untranslated(en.text, ko.text, min_words, similarity)
                if english and spare and not _link_only(ko):
                    # an English copy kept beside a translation the section also has (a page
                    # writing each English paragraph before its Korean): translated
                    spare, done = spare - 1, done + 1
                else:
                    done += not english or _link_only(ko)
            elif spare:
                spare, done = spare - 1, done + 1
    total += sum(
        1
        for section in ctx.source.sections
        if section.index not in ctx.alignment.target_of
        for block in section.blocks
        if block.kind in PROSE_KINDS and is_prose(block.text, min_words)
    )
    return done / total if total else None
