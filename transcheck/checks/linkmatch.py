"""What the link rules share: the pairing of English and Korean links, and the links that reach
nothing, computed once per file pair.

Links are compared within aligned sections. A Korean URL stands for an English one when it is the
same link up to locale tokens and trivial spellings (``urlforms``), when it is the English URL
after the config's rewrite rules (which say what Korean *may* write, never what it must), when
both reach a file pair, or when both in-page anchors reach aligned headings. Links are paired in
two passes, exact ones first, so ``[A](/p#a) [B](/p#b)`` reordered in Korean pairs by fragment.

Precedence, one finding per cause (each Korean link gets at most one of these):

1. the English link is broken: source-link-broken (TC207, info) only; the Korean side gets a
   finding only when it changed the link to another broken one (link-changed);
2. the Korean link reaches nothing: anchor-broken (TC204) or link-target-missing (TC205), with
   the fix its English counterpart gives;
3. the Korean link works but goes elsewhere: link-changed (TC203);
4. a link on one side only: link-missing (TC201), link-extra (TC202).

A link written where the other side has a template call making it (``templatelinks``) is that
call's counterpart and is compared with no link.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterator
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from transcheck.align.blocks import translator_note
from transcheck.checks.blockmatch import NEARBY, SectionBlocks, section_blocks
from transcheck.checks.blocks import counterpart_place
from transcheck.checks.inorder import match_in_order
from transcheck.checks.registry import PairContext
from transcheck.checks.templatelinks import stand_ins
from transcheck.hangul import has_syllable
from transcheck.lazy import compiled
from transcheck.links import LinkIndex, Status, normalize_fragment
from transcheck.model import Block, Document, Link, LinkKind, Section
from transcheck.records import record
from transcheck.urlforms import link_key, same_link

FUZZY_ANCHOR = 80  # rapidfuzz score for guessing the heading a broken English anchor meant


@record
class LinkMatch:
    """The outcome of comparing one section pair's links: equal pairs, changed pairs (same
    place, another URL), and links found on one side only."""

    source_section: Section
    target_section: Section
    pairs: tuple[tuple[Link, Link], ...]
    changed: tuple[tuple[Link, Link], ...]
    missing: tuple[Link, ...]
    extra: tuple[Link, ...]


def anchor_section(document: Document, fragment: str, fuzzy: bool) -> int | None:
    """The section an in-page fragment reaches; with ``fuzzy``, the closest id when none does."""
    wanted = normalize_fragment(fragment)
    if wanted in document.anchors:
        return document.anchors[wanted]
    if fuzzy and document.anchors:
        best = process.extractOne(wanted, list(document.anchors), scorer=fuzz.ratio)
        if best is not None and best[1] >= FUZZY_ANCHOR:
            return document.anchors[best[0]]
    return None


def url_class(url: str) -> str:
    """``fragment`` (same page), ``external`` (another site) or ``relative`` (this site)."""
    if url.startswith("#"):
        return "fragment"
    return "external" if "://" in url or url.startswith("mailto:") else "relative"


def korean_file_of(ctx: PairContext, english_rel: str) -> str | None:
    """The Korean file that translates an English file: its pair in this run, else the file at
    the same relative path when the Korean tree has it (files outside the run, e.g. when one
    pair of files is checked)."""
    paired = ctx.counterparts.get(english_rel)
    if paired is not None:
        return paired
    if english_rel in ctx.sources:
        return None  # that name belongs to another English file's translation
    return english_rel if ctx.target_index.has(english_rel) else None


def english_file_of(ctx: PairContext, korean_rel: str) -> str | None:
    """The English file a Korean file translates (the inverse of korean_file_of)."""
    paired = ctx.sources.get(korean_rel)
    if paired is not None:
        return paired
    if korean_rel in ctx.counterparts:
        return None
    return korean_rel if ctx.source_index.has(korean_rel) else None


def _in_page(index: LinkIndex, rel: str, url: str) -> str:
    """``/this/page#id`` written in the page itself, as the in-page ``#id`` it means."""
    if url.startswith("#") or "#" not in url:
        return url
    path, fragment = url.split("#", 1)
    return f"#{fragment}" if index.resolve(rel, path).target == rel else url


def same_url(ctx: PairContext, en: str, ko: str) -> bool:
    """Whether Korean ``ko`` writes English ``en`` as is, or as the rewrite rules turn it, up
    to locale tokens and trivial spellings."""
    site = ctx.config.site_url
    rewritten = ctx.config.rewrite_link(en)
    return same_link(en, ko, site) or (rewritten != en and same_link(rewritten, ko, site))


def _anchors_agree(ctx: PairContext, en: str, ko: str) -> bool:
    """Two in-page anchors reaching aligned headings (or the English one kept as is)."""
    if en == ko:
        return True
    source = anchor_section(ctx.source, en[1:], fuzzy=True)
    target = anchor_section(ctx.target, ko[1:], fuzzy=False)
    return source is not None and ctx.alignment.target_of.get(source) == target


def links_equal(ctx: PairContext, en: str, ko: str, exact: bool = True) -> bool:
    """Whether Korean URL ``ko`` stands for English URL ``en``.

    Equal when ``ko`` is ``en`` (see ``same_url``); when both are in-page anchors reaching
    aligned headings (or the English anchor was kept as is: anchor-broken judges that). Without
    ``exact``, also when both lead to documents that are a file pair, whatever their fragments,
    or when they differ only in a fragment that names a translated heading of the same page.
    """
    if en == ko and (en.startswith("#") or "#" not in en):
        return True  # written alike, with no page part that could name this page (most links)
    return _links_equal(ctx, en, ko, exact)


def _links_equal(ctx: PairContext, en: str, ko: str, exact: bool) -> bool:
    """``links_equal`` worked out in full."""
    en = _in_page(ctx.source_index, ctx.source_rel, en)
    ko = _in_page(ctx.target_index, ctx.target_rel, ko)
    if same_url(ctx, en, ko):
        return True
    if en.startswith("#") and ko.startswith("#"):
        return _anchors_agree(ctx, en, ko)
    if exact or en.startswith("#") or ko.startswith("#"):
        return False
    en_path, ko_path = en.split("#", 1)[0], ko.split("#", 1)[0]
    english = ctx.source_index.resolve(ctx.source_rel, en_path)
    korean = ctx.target_index.resolve(ctx.target_rel, ko_path)
    if english.target is not None and korean.target is not None:
        return korean_file_of(ctx, english.target) == korean.target
    return "#" in en and "#" in ko and same_url(ctx, en_path, ko_path)


def _split_changed(
    ctx: PairContext, missing: list[Link], extra: list[Link]
) -> tuple[list[tuple[Link, Link]], list[Link], list[Link]]:
    """Leftovers of the same kind (in-page, external, relative) in order are one changed link,
    when they stand in the same or nearby block pairs (a link of a table the English keeps
    elsewhere is not the changed form of a link in the paragraph above it); so is a Korean URL
    that is the English one inside stray brackets or quotes, a slip in the link syntax such as
    ``[text]((#id))`` (its URL is ``(#id)``, another kind). The places of the links are worked
    out only when a leftover of each side is compared (most file pairs have none)."""

    if not missing or not extra:
        return [], list(missing), list(extra)
    alike, missing, extra = match_in_order(missing, extra, _spelled_alike)
    english, korean = link_places(ctx, False), link_places(ctx, True)

    def same_place(en: Link, ko: Link) -> bool:
        here, there = english.get(en), korean.get(ko)
        near = here is None or there is None or abs(here.pair - there.pair) <= NEARBY
        if ko.url.strip(_STRAY) == en.url or scheme_added(en.url, ko.url):
            return near
        paired = here is not None and there is not None and here.other is there.block
        return (
            near
            and url_class(en.url) == url_class(ko.url)
            and (paired or not _named_apart(en, ko))
            and not _glossed_apart(en, ko)
        )

    changed, lost, added = match_in_order(missing, extra, same_place)
    return sorted(alike + changed, key=lambda pair: pair[0].line), lost, added


_STRAY = "()[]<>'\" \t"  # what a slip in link syntax leaves around a URL


def scheme_added(english: str, korean: str) -> bool:
    """Whether the Korean URL is an English one written without its scheme, a relative path
    to nowhere (``[forum.adguard.com](forum.adguard.com)``), mended: ``https://forum.adguard.com``."""
    for scheme in ("https://", "http://"):
        if korean.startswith(scheme):
            bare = korean[len(scheme) :]
            return "." in english.partition("/")[0] and bare.rstrip("/") == english.rstrip("/")
    return False


_WORDS = compiled(r"[^\W_]{2,}")
_SEPARATORS = compiled(r"[-_\s]+")
_GLOSS = compiled(r"\(([A-Za-z][A-Za-z .'-]*)\)")  # 불변성(immutability): the English term kept
_STEM = 4  # leading letters two words share to name one thing (reactive, reactivity)


def _named_apart(en: Link, ko: Link) -> bool:
    """Two links whose texts, the Korean one left untranslated, share no word: the Korean
    names another thing (`taintUniqueValue` where the English names `<ViewTransition>`), so
    where they stand in different blocks it is an added link beside a missing one, not the
    English link pointed elsewhere (in one translated block it is a replaced name to sync)."""
    if has_syllable(ko.text):
        return False
    english = {word.lower() for word in _WORDS().findall(en.text)}
    korean = {word.lower() for word in _WORDS().findall(ko.text)}
    return bool(english) and bool(korean) and english.isdisjoint(korean)


def _spelled_alike(en: Link, ko: Link) -> bool:
    """Two URLs alike but for case and word separators (``/bare_metal_machine/`` for
    ``/bare-metal-machine/``, an older page name): one link written otherwise, whatever the
    links between them."""
    return _SEPARATORS().sub("-", en.url.lower()) == _SEPARATORS().sub("-", ko.url.lower())


def _glossed_apart(en: Link, ko: Link) -> bool:
    """A Korean link text that glosses its English term in parentheses (``불변성
    (immutability)``) naming no word of the English link text: another link, not this one
    pointed elsewhere, even in the same paragraph."""
    gloss = [word for found in _GLOSS().findall(ko.text) for word in _WORDS().findall(found)]
    english = _WORDS().findall(en.text)
    return bool(gloss) and bool(english) and not _named_alike(gloss, english)


def _named_alike(some: list[str], other: list[str]) -> bool:
    """Whether two lists of words name one thing: a word each that share their first letters
    (``Pod`` and ``Pods``, ``reactive`` and ``reactivity``), or an acronym of one side that is
    the initials of the other (``CRI``, ``Container Runtime Interface``)."""
    lowered = [word.lower() for word in other]
    for word in some:
        lower = word.lower()
        for them in lowered:
            stem = min(len(lower), len(them), _STEM)
            if lower[:stem] == them[:stem]:
                return True
    for acronyms, words in ((some, other), (other, some)):
        initials = "".join(word[0] for word in words).lower()
        if any(word.isupper() and len(word) > 1 and word.lower() in initials for word in acronyms):
            return True
    return False


class LinkPlace(NamedTuple):
    """Where a link stands: its block, its place among the block's links, the other
    language's block paired with it (None when the block has no counterpart), and the place
    of that block pair within its aligned section pair."""

    block: Block
    position: int
    other: Block | None
    pair: int


def link_places(ctx: PairContext, korean: bool) -> dict[Link, LinkPlace]:
    """Each link of one side's aligned blocks, at the first block pair holding it (reading
    order); both sides in one walk over the block pairs, once per file pair."""

    def compute() -> tuple[dict[Link, LinkPlace], dict[Link, LinkPlace]]:
        sides: tuple[dict[Link, LinkPlace], dict[Link, LinkPlace]] = ({}, {})
        for section in section_blocks(ctx):
            if not any(_LINKED(section.source)) and not any(_LINKED(section.target)):
                continue  # no block of the section pair holds a link (most): no pair read
            for number, pair in enumerate(section.blocks):
                for side, places in enumerate(sides):
                    here, there = pair.sides(side == 1)
                    if here is not None:
                        for index, link in enumerate(here.links):
                            places.setdefault(link, LinkPlace(here, index, there, number))
        return sides

    return ctx.cached("link-places", compute)[korean]  # type: ignore[no-any-return]


# a section's links and its images (every link of its blocks, split once by Section)
_LINKED = attrgetter("links", "images")


def _repeats(paired: list[tuple[Link, Link]], extra: list[Link]) -> set[Link]:
    """Korean leftovers that repeat a URL already paired in the section, however spelled
    (``https://expressjs.com/`` then ``https://expressjs.com``): a Korean sentence that names
    the noun twice links it twice."""
    if not extra:
        return set()  # nothing left over (most sections): no key worked out
    seen = {link_key(ko.url) for _, ko in paired}
    return {link for link in extra if link_key(link.url) in seen}


def _kept_as_text(link: Link, korean: Section) -> bool:
    """An English bare URL or address (linkified) that the Korean section writes as is, where a
    particle glued to it (``hello@vuejs.org로``) keeps the renderer from linking it."""
    if link.kind is not LinkKind.AUTOLINK or not link.text:
        return False
    return any(link.text in block.text for block in korean.blocks)


def _section_matches(ctx: PairContext) -> list[LinkMatch]:
    """Links of every aligned section pair (a Korean section with the added Korean sections
    block alignment compares with it, see ``align.blocks``)."""
    return [compare_links(ctx, pair, *compared_links(ctx, pair)) for pair in section_blocks(ctx)]


def compared_links(ctx: PairContext, pair: SectionBlocks) -> tuple[list[Link], list[Link]]:
    """The English and Korean links of a section pair that are compared: not those standing
    for a template call of the other side, nor Korean ones in a translator's note or notice,
    which link what the translator adds."""
    written = stand_ins(ctx).links  # links standing for a template call of the other side
    if written:
        english = [link for link in pair.source.links if id(link) not in written]
        korean = [link for link in pair.target.links if id(link) not in written]
    else:  # no template call stands for a link (most pairs): every link is compared
        english, korean = list(pair.source.links), list(pair.target.links)
    noted = {id(k) for b in pair.target.blocks if b.links and translator_note(b) for k in b.links}
    if noted:
        korean = [link for link in korean if id(link) not in noted]
    return english, korean


def compare_links(
    ctx: PairContext, pair: SectionBlocks, english: list[Link], korean: list[Link]
) -> LinkMatch:
    """The comparison of one section pair's links (those not standing for a template call)."""
    if not english and not korean:  # most sections: nothing to pair
        return LinkMatch(pair.source, pair.target, (), (), (), ())
    paired, missing, extra = match_in_order(
        english, korean, lambda en, ko: links_equal(ctx, en.url, ko.url)
    )
    loose, missing, extra = match_in_order(
        missing, extra, lambda en, ko: links_equal(ctx, en.url, ko.url, exact=False)
    )
    paired += loose
    repeated = _repeats(paired, extra)
    extra = [link for link in extra if link not in repeated]
    missing = [link for link in missing if not _kept_as_text(link, pair.target)]
    changed, lost, added = _split_changed(ctx, missing, extra)
    return LinkMatch(
        pair.source, pair.target, tuple(paired), tuple(changed), tuple(lost), tuple(added)
    )


def link_matches(ctx: PairContext) -> list[LinkMatch]:
    """Link comparison of every aligned section pair, computed once per file pair."""
    return ctx.cached("links", lambda: _section_matches(ctx))  # type: ignore[no-any-return]


def front_matter_links(document: Document) -> tuple[Link, ...]:
    """The ``*_url`` values of a document's front matter (none without front matter)."""
    return document.front_matter.links if document.front_matter is not None else ()


def front_matter_pairs(ctx: PairContext) -> Iterator[tuple[Link | None, Link | None]]:
    """English and Korean front-matter ``*_url`` values, paired by key."""
    en = {link.text: link for link in front_matter_links(ctx.source)}
    ko = {link.text: link for link in front_matter_links(ctx.target)}
    for key in sorted(set(en) | set(ko)):
        yield en.get(key), ko.get(key)


def counterpart_links(ctx: PairContext) -> dict[Link, Link]:
    """Korean link -> the English link it stands for (equal or changed), front matter included."""

    def compute() -> dict[Link, Link]:
        found = {ko: en for match in link_matches(ctx) for en, ko in (*match.pairs, *match.changed)}
        found.update({ko: en for en, ko in front_matter_pairs(ctx) if en and ko})
        return found

    return ctx.cached("counterpart-links", compute)  # type: ignore[no-any-return]


def _file_of(root: Path | None, rel: str, url: str) -> str | None:
    """The file a relative path written in the page at ``rel`` of the tree at ``root``
    names (query and fragment dropped); None for an absolute, site-rooted or templated one."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if root is None or not path or ":" in path or path.startswith(("/", "{")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.abspath(root), posixpath.dirname(rel), path))


def same_file(ctx: PairContext, english: str, korean: str) -> bool:
    """Whether two paths (an image's, a module's) name one file: written alike, or relative
    paths reaching the same file from each page's folder (a site keeping Korean pages in
    ``docs/ko/`` writes ``../assets/a.png`` for the English ``./assets/a.png``)."""
    if english == korean:
        return True
    en = _file_of(ctx.source_index.root, ctx.source_rel, english)
    return en is not None and en == _file_of(ctx.target_index.root, ctx.target_rel, korean)


def unquoted_code(link: Link, spans: Collection[str]) -> bool:
    """Whether a bare URL the renderer made a link (``http://localhost:8000/``) is the text of
    one of ``spans``, the other language's inline code: the span lost its backticks, which
    inline-code-missing says, and no link was added or dropped. The link may have taken in
    the closing quote and particle that follow it ('https://x.com/a?id=1'로: the backticks
    written as quotes)."""
    if link.kind is not LinkKind.AUTOLINK:
        return False
    url = link.url
    if url in spans or url.removeprefix("http://") in spans:
        return True
    tail = _SWALLOWED().search(url)
    return tail is not None and tail.start() > 0 and url[: tail.start()] in spans


# What a bare URL's link takes in after the address a Korean sentence quotes: a closing quote
# or bracket, then a particle.
_SWALLOWED = compiled(r"[’'\"”)\]]+[가-힣]*\Z|[가-힣]+\Z")


def show(link: Link) -> str:
    """A link as the reader sees it in the file: ``[text](url)``, or the URL alone."""
    return f"[{link.text}]({link.url})" if link.text and link.text != link.url else repr(link.url)


def describe_link(link: Link) -> str:
    """How a message names the link: the front-matter key, or the link as written."""
    if link.kind is LinkKind.FRONT_MATTER:
        return f"front-matter {link.text} {link.url!r}"
    return f"the {'in-page ' if not link.path_part else ''}link {show(link)}"


@record
class Broken:
    """A link that reaches nothing: its page is missing, or the page has no such heading id."""

    link: Link
    page_missing: bool
    problem: str  # what is wrong, in a reader's words


def _all_links(document: Document) -> Iterator[Link]:
    """Every link of a document's sections (gathered at C speed), then of its front matter."""
    return chain(chain.from_iterable(map(_LINKS, document.sections)), front_matter_links(document))


_LINKS = attrgetter("links")


def _broken(document: Document, rel: str, index: LinkIndex) -> Iterator[Broken]:
    """Links of one document (body and front matter) that reach nothing. A page whose ids its
    components generate (no id of its own) has no fragment that can be judged."""
    for link in _all_links(document):
        path, _, fragment = link.url.partition("#")  # link.path_part and link.fragment
        if not path:
            if fragment and normalize_fragment(fragment) not in document.anchors:
                yield Broken(
                    link, False, f"{describe_link(link)} matches no heading id in this file"
                )
            continue
        resolution = index.resolve(rel, path)
        if resolution.status is Status.MISSING:
            yield Broken(link, True, f"{describe_link(link)} reaches no page of the tree")
        elif resolution.status is Status.FOUND and fragment and resolution.target is not None:
            other = index.document(resolution.target)
            if (
                other is not None
                and not other.ids_generated
                and normalize_fragment(fragment) not in other.anchors
            ):
                yield Broken(
                    link,
                    False,
                    f"{describe_link(link)}: {other.path} has no heading id '#{fragment}'",
                )


def english_broken(ctx: PairContext) -> dict[Link, Broken]:
    """The English document's links that reach nothing in the English tree."""
    return ctx.cached(  # type: ignore[no-any-return]
        "english-broken",
        lambda: {b.link: b for b in _broken(ctx.source, ctx.source_rel, ctx.source_index)},
    )


def korean_broken(ctx: PairContext) -> dict[Link, Broken]:
    """The Korean document's links that reach nothing in the Korean tree."""
    return ctx.cached(  # type: ignore[no-any-return]
        "korean-broken",
        lambda: {b.link: b for b in _broken(ctx.target, ctx.target_rel, ctx.target_index)},
    )


def korean_place(ctx: PairContext, english: Section, korean: Section, english_line: int) -> int:
    """Where the Korean counterpart of an English line is, or would be inserted: the Korean
    block aligned with the English block holding the line, else the next Korean block after
    it, else the end of the aligned Korean section (its heading when it is empty)."""
    for section in section_blocks(ctx):
        if section.source is not english:
            continue
        pairs = section.blocks
        at = next(
            (
                i
                for i, p in enumerate(pairs)
                if p.source is not None and p.source.line <= english_line <= p.source.end_line
            ),
            None,
        )
        if at is None:
            break
        for pair in pairs[at:]:
            if pair.target is not None:
                return pair.target.line
        return max((b.end_line for b in section.target.blocks), default=korean.line)
    return korean.line


def english_place(ctx: PairContext, english: Section, korean_line: int) -> int:
    """The English counterpart of a Korean line: the English block aligned with the Korean
    block holding it; for a Korean block with none, where it stands in English (before the
    next English block, see ``counterpart_place``); else the English section's heading."""
    for section in section_blocks(ctx):
        if section.source is not english:
            continue
        for pair in section.blocks:
            ko = pair.target
            if ko is not None and ko.line <= korean_line <= ko.end_line:
                if pair.source is not None:
                    return pair.source.line
                return counterpart_place(section, ko, korean=True)
    return english.line
