"""Heading ids (TC208): a Korean heading that lost the English id its file keeps elsewhere.

Many Korean teams (VitePress, Docusaurus, Hugo, MkDocs, react.dev) write each translated
heading with the English id, ``## 기본 예제 {#basic-example}``, so deep links, the language
switcher and links from other pages keep working. A heading written without it gets an id made
of its Korean words, and every link to the English id breaks. The convention is read from the
file itself: only a file whose other translated headings keep their English ids, at least two
and two in three, is held to it, so a translator who adds ids here and there is not; and a
generated English id is asked for only where the Korean writes other generated ids out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from transcheck.align import Alignment
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.findings import Severity
from transcheck.fixes import Fix, Replacement, Safety
from transcheck.lazy import compiled
from transcheck.links import normalize_fragment
from transcheck.model import Section
from transcheck.parse.document import in_page_fragments
from transcheck.parse.headings import split_explicit_id

KEPT_MIN = 2  # headings keeping the English id before a file is held to the convention
_ASCII_ID = compiled(r"[A-Za-z0-9_.:-]+\Z")


def lost_ids(alignment: Alignment) -> Mapping[int, str]:
    """Korean headings (section index) that lack the English id (the value) while the file's
    other translated headings keep theirs. A heading whose English id is generated is held to
    it only where the Korean writes other generated ids out (pins them); a team that copies the
    ids the English writes, and no others, is not asked for more."""
    kept = {True: 0, False: 0}  # Korean headings keeping the English id, by: English writes it
    lacking: dict[bool, dict[int, str]] = {True: {}, False: {}}
    for pair in alignment.matched:
        en, ko = pair.source, pair.target
        assert en is not None and ko is not None
        if en.is_preamble or not en.anchor:
            continue
        if ko.anchor == en.anchor:
            kept[en.explicit_id] += ko.explicit_id
        elif not ko.explicit_id and en.anchor not in alignment.target.anchors:
            lacking[en.explicit_id][ko.index] = en.anchor
    found: dict[int, str] = {}
    for written, evidence in ((True, kept[True] + kept[False]), (False, kept[False])):
        if evidence >= KEPT_MIN and evidence >= 2 * len(lacking[written]):
            found.update(lacking[written])
    return found


def changed_ids(alignment: Alignment) -> Mapping[int, str]:
    """Korean headings (section index) whose explicit id, an ASCII one (a Korean id is the
    team's own choice), is not the English heading's id (the value): heading-drift's. The
    English id is GitHub's, or VitePress' where the pair's own ids and links write those."""
    others = alignment.source.other_ids if _writes_vitepress_ids(alignment) else {}
    return {
        pair.target.index: pair.source.anchor
        for pair in alignment.matched
        if pair.source is not None
        and pair.target is not None
        and not (pair.source.is_preamble or pair.target.is_preamble)
        and pair.target.explicit_id
        and pair.target.anchor != pair.source.anchor
        and pair.target.anchor != others.get(pair.source.index)
        and _ASCII_ID().match(pair.target.anchor) is not None
    }


def _writes_vitepress_ids(alignment: Alignment) -> bool:
    """Whether a pair writes the VitePress ids of the English headings (``preview-host`` for
    '``preview.host``') more often than their GitHub ids: in the Korean headings' explicit ids
    and in both pages' in-page links. Nothing else in a page says which its site renders; only
    pages with no mark of their generator have such ids to weigh (see parse.slugs)."""
    english, others = alignment.source, alignment.source.other_ids
    if not others:
        return False
    github = {english.sections[index].anchor for index in others}
    votes = 0
    for pair in alignment.matched:
        if pair.source is None or pair.target is None or not pair.target.explicit_id:
            continue
        other = others.get(pair.source.index)
        if other is not None:  # a heading whose two ids differ
            votes += (pair.target.anchor == other) - (pair.target.anchor == pair.source.anchor)
    written = {*others.values()}
    for document in (english, alignment.target):
        for fragment in in_page_fragments(document.sections):
            votes += (fragment in written) - (fragment in github)
    return votes > 0


def asked_ids(ctx: PairContext, alignment: Alignment) -> frozenset[str]:
    """The English ids a heading rule asks a Korean heading of ``alignment`` to write (lost:
    heading-id-missing; written otherwise: heading-drift), once per Korean file: a Korean link
    to one is said there, with the heading, not by anchor-broken."""
    return ctx.cached(  # type: ignore[no-any-return]
        f"asked-ids:{alignment.target.path}",
        lambda: frozenset([*held_ids(ctx, alignment).values(), *changed_ids(alignment).values()]),
    )


def held_ids(ctx: PairContext, alignment: Alignment) -> Mapping[int, str]:
    """``lost_ids`` of an alignment (this pair's, or a linked chapter's), once per Korean file
    for all of a pair's rules."""
    return ctx.cached(  # type: ignore[no-any-return]
        f"lost-ids:{alignment.target.path}", lambda: lost_ids(alignment)
    )


def _id_fix(ctx: PairContext, heading: Section, anchor: str) -> Fix | None:
    """The fix appending the id to an ATX heading's line, in the form the file's other
    headings write it (``{#id}``, ``{ #id }``, ``{/*id*/}``)."""
    text = ctx.target_text
    if text is None:
        return None
    line = text.lines[heading.line - 1].rstrip()
    if not line.lstrip().startswith("#") or line.endswith("#"):
        return None  # a setext or HTML heading, or closing #s: the id has no one place to go
    for section in ctx.target.sections:
        suffix = id_written(ctx, section, anchor)
        if suffix is not None:
            return ctx.fix(
                f"write {suffix.strip()}",
                Safety.SAFE,
                Replacement(heading.line, line, line + suffix, False),
            )
    return None


def id_written(ctx: PairContext, heading: Section, anchor: str) -> str | None:
    """``anchor`` written as a Korean heading with an explicit id writes its own (`` {#id}``,
    `` [[id]]``, `` {/*id*/}``, with the space before it), or None when that heading's line
    writes none or the Korean file's text is not at hand."""
    text = ctx.target_text
    if text is None or not heading.explicit_id or heading.line > len(text.lines):
        return None
    line = text.lines[heading.line - 1].rstrip()
    before, found = split_explicit_id(line)
    return line[len(before) :].replace(found, anchor) if found == heading.anchor else None


def broken_here(ctx: PairContext, anchor: str) -> str:
    """', as the link on line N does' for the Korean file's in-page links to an English id no
    Korean heading has (lost, or written otherwise)."""
    lines = sorted(
        {
            link.line
            for section in ctx.target.sections
            for link in section.links
            if not link.path_part and normalize_fragment(link.fragment or "") == anchor
        }
    )
    if len(lines) > 1:
        return f", as the links on lines {', '.join(map(str, lines))} do"
    return f", as the link on line {lines[0]} does" if lines else ""


def _describe(section: Section) -> str:
    """'## Title' for a message."""
    return f"'{'#' * section.level} {section.title}'"


@rule(
    "TC208",
    "heading-id-missing",
    Severity.WARNING,
    example=Example(
        en="""\
            # Computed Properties

            ## Basic Example

            A computed property caches its value.

            ## Writable Computed

            It can have a setter.

            ## Getting the Previous Value

            The getter receives the previous value.
            """,
        ko="""\
            # 계산된 속성 {#computed-properties}

            ## 기본 예제 {#basic-example}

            계산된 속성은 값을 캐시합니다.

            ## 쓰기 가능한 계산된 속성 {#writable-computed}

            setter를 가질 수 있습니다.

            ## 이전 값 가져오기

            getter는 이전 값을 받습니다.
            """,
    ),
)
def heading_id_missing(ctx: PairContext) -> Iterator[Hit]:
    """A Korean heading lacks the English ``{#id}`` the file's other headings keep: links break.

    Bad:  ko "## 이전 값 가져오기" in a file whose other headings read
          "## 기본 예제 {#basic-example}": its id is '#이전-값-가져오기', so links to
          '#getting-the-previous-value' (from this site, other pages or the web) reach nothing.
    Good: ko "## 이전 값 가져오기 {#getting-the-previous-value}".
    Held only where the file's other translated headings keep their English ids (at least two,
    and two in three). A Korean link to the lost id is not reported again by anchor-broken.
    `--fix` appends the id in the form the file's other headings use: safe.
    """
    lost = held_ids(ctx, ctx.alignment)
    for pair in ctx.alignment.matched:
        en, ko = pair.source, pair.target
        assert en is not None and ko is not None
        anchor = lost.get(ko.index)
        if anchor is None:
            continue
        yield Hit(
            f"the Korean heading {_describe(ko)} has no id, while this file's other headings "
            f"keep their English ids: its id is '#{ko.anchor}', so links to '#{anchor}' (the id "
            f"of the English {_describe(en)}) break{broken_here(ctx, anchor)}; "
            f"write {{#{anchor}}}",
            ctx.at_source(en.line),
            ctx.at_target(ko.line),
            fix=_id_fix(ctx, ko, anchor),
        )
