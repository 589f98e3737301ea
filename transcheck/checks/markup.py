"""Markup rule (TC604): Liquid tags, Distill elements and HTML tags survive translation.

Tags are compared per aligned section by name and by their non-text attributes (class, id, key,
style, markdown, …). Text attributes (caption, alt, title, the summary of ``{% details %}``) may
be translated. URLs (href, src, a figure's path) belong to the link and image rules, which apply
the link rewrites, so they are not compared here. ``{% details %}`` blocks must be closed. The
other dialects' tags are compared the same way: Hugo shortcodes (``text=`` may be translated), MDX
components and their props, kramdown attribute lists, footnote labels and alert types.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from transcheck.align.blocks import BlockPair
from transcheck.checks.blockmatch import (
    ItemMatch,
    Placed,
    SectionBlocks,
    insertion_line,
    match_items,
    section_blocks,
)
from transcheck.checks.blocks import (
    ADMONITION_MARKS,
    counterpart_place,
    dropped_elements,
    lone_ids,
)
from transcheck.checks.grouped import said_once
from transcheck.checks.linkmatch import counterpart_links
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.checks.templatelinks import stand_ins
from transcheck.config import RULE_OPTIONS
from transcheck.counted import listed
from transcheck.findings import Location, Severity
from transcheck.hangul import HANGUL
from transcheck.lazy import compiled
from transcheck.model import Block, BlockKind, Document, Link, Markup
from transcheck.records import record

TEXT_ATTRIBUTES = frozenset(
    {
        *("alt", "title", "caption", "aria-label", "placeholder", "summary", "text", "label"),
        *("date", "titletext", "description", "subtitle", "tooltip", "heading"),
    }
)
# Inline formatting written as HTML is the same as its Markdown form (`**x**`, `*x*`,
# `` `x` ``), which is not markup here: a translator writes <strong> where ** would not work
# next to a Korean particle, or ** where the English wrote <b>.
FORMATTING = frozenset({"strong", "b", "em", "i", "code", "u", "mark", "s", "del", "kbd"})
# The elements inside MathML's <math>: they spell the formula, as TeX does inside `$$`, and a
# formula rewritten (<mstyle mathvariant="monospace"><mi>Math.LN2</mi> as <mi>𝙼𝚊𝚝𝚑.𝙻𝙽𝟸</mi>)
# would be one finding per tag; <math> itself is compared, and its numbers by number-mismatch.
MATHML = frozenset(
    {
        *("mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot"),
        *("mstyle", "merror", "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup"),
        *("msubsup", "munder", "mover", "munderover", "mmultiscripts", "mprescripts"),
        *("mtable", "mtr", "mtd", "mlabeledtr", "maction", "semantics", "annotation"),
        "annotation-xml",
    }
)
# Tags a Korean text may add: a gloss in <sup>/<sub>, a line break.
KOREAN_ADDITIONS = frozenset({"sup", "sub", "br", "wbr"})

RULE_OPTIONS["markup"] = {"text_attributes": []}  # more attributes that hold prose or dates
LINK_ATTRIBUTES = frozenset({"href", "src", "srcset", "path"})
_TEXT_ARGUMENT = frozenset({"details"})  # Liquid tags whose bare argument is prose
# English words Korean has no counterpart for: an element wrapping only these has nothing to
# wrap in Korean (VitePress <span class="options-api">The</span> before a shared sentence).
_ARTICLES = compiled(r"\b(?:a|an|the)\b", re.IGNORECASE)
_CLOSERS = {"enddetails": "details"}
_NUMBER = compiled(r"-?\d+(?:\.\d+)?")


def _heading_id(value: str, document: Document) -> bool:
    """Whether a template argument names a heading of its own page (an example's id), written
    as the site writes ids: ``Basic_example`` or ``basic-example`` for '## Basic example'."""
    wanted = value.strip().lstrip("#").lower().replace("_", "-")
    return bool(wanted) and any(anchor.replace("_", "-") == wanted for anchor in document.anchors)


def _identity(tag: Markup) -> tuple[str, str, str]:
    """What makes two tags one tag changed rather than two different tags: kind and name, and
    for a template call its first argument (``jsxref("Array")`` is not ``jsxref("Map")``)."""
    if tag.kind != "template":
        return tag.kind, tag.name, ""
    return tag.kind, tag.name.casefold(), tag.attrs[0][1].casefold() if tag.attrs else ""


def _same(en: Markup, ko: Markup, prose: frozenset[str], ctx: PairContext) -> bool:
    """The same tag on both sides. A template call whose first argument names a heading of its
    page follows that heading's translation: en ``EmbedLiveSample("Basic_example")`` ↔ ko
    ``EmbedLiveSample("기본_예제")`` under '## 기본 예제'."""
    if en.kind != "template" or ko.kind != "template":
        return same_markup(en, ko, prose)
    if signature(en, prose) == signature(ko, prose):
        return True
    if not en.attrs or not ko.attrs:
        return False
    rest_en, rest_ko = signature(en, prose)[2][1:], signature(ko, prose)[2][1:]
    return (
        en.name.casefold() == ko.name.casefold()
        and rest_en == rest_ko
        and _heading_id(en.attrs[0][1], ctx.source)
        and _heading_id(ko.attrs[0][1], ctx.target)
    )


def signature(
    tag: Markup, prose: frozenset[str] = TEXT_ATTRIBUTES
) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """What must be equal: kind, name and the attributes that are neither text (``prose``,
    compared in lower case) nor URLs. A template call is compared without case
    (``{{DOMxRef("Request")}}`` is ``{{domxref("request")}}``)."""
    kept = tuple(
        (key, " ".join(value.split()))
        for key, value in tag.attrs
        if key.lower() not in prose
        and key not in LINK_ATTRIBUTES
        and not (key == "" and tag.name in _TEXT_ARGUMENT)
    )
    if tag.kind == "template":  # template engines resolve names and page ids in any case
        return tag.kind, tag.name.casefold(), tuple((k, v.casefold()) for k, v in kept)
    return tag.kind, tag.name, kept


def _translated(english: str, korean: str) -> bool:
    """A value that reads as words in English and as Korean in the translation: prose a
    translator rendered (``prepend="A cluster consists of"`` -> ``"클러스터는"``), whatever its
    key, where a class or id list (``"note wide"``) stays as it is."""
    return (
        " " in english.strip()
        and any(c.isalpha() for c in english)
        and HANGUL.search(english) is None
        and HANGUL.search(korean) is not None
    )


def same_markup(english: Markup, korean: Markup, prose: frozenset[str] = TEXT_ATTRIBUTES) -> bool:
    """Whether a Korean tag stands for an English one: the same signature, up to arguments
    whose English words the Korean translates."""
    en_kind, en_name, en_attrs = signature(english, prose)
    ko_kind, ko_name, ko_attrs = signature(korean, prose)
    if (en_kind, en_name, len(en_attrs)) != (ko_kind, ko_name, len(ko_attrs)):
        return False
    return all(
        en_key == ko_key and (en_value == ko_value or _translated(en_value, ko_value))
        for (en_key, en_value), (ko_key, ko_value) in zip(en_attrs, ko_attrs, strict=True)
    )


def show(tag: Markup) -> str:
    """A tag as a reviewer would write it, with its compared attributes."""
    _, name, attrs = signature(tag)
    text = " ".join(value if not key else f'{key}="{value}"' for key, value in attrs)
    body = f"{name} {text}".strip()
    if tag.kind == "liquid":
        return f"{{% {body} %}}"
    if tag.kind == "template":
        shown = ", ".join(v if _NUMBER().fullmatch(v) else f'"{v}"' for _, v in tag.attrs)
        return f"{{{{{tag.name}({shown})}}}}" if tag.attrs else f"{{{{{tag.name}}}}}"
    if tag.kind == "shortcode":
        return f"{tag.braces[0]} {body} {tag.braces[1]}"
    if tag.kind == "kramdown":
        return f"{{: {text}}}" if name == "ial" else f"{{: {body}}}"
    if tag.kind == "footnote":
        return f"[^{tag.attr('label')}]" + (":" if name == "definition" else "")
    if tag.kind == "admonition":
        kind = tag.attr("type") or ""
        if name == "alert":
            return f"> [!{kind.upper()}]"
        return f"{ADMONITION_MARKS.get(name, ':::')}{kind}"
    return f"<{body}>"


def _linked(tag: Markup) -> bool:
    """A tag whose identity is a URL: its absence is reported by the link or image rules."""
    return any(key in LINK_ATTRIBUTES for key, _ in tag.attrs)


def _wraps_an_article(tag: Markup) -> bool:
    """An HTML element whose whole text is an English article, which Korean drops with it."""
    return (
        tag.kind == "html"
        and bool(tag.text)
        and not re.search(r"\w", _ARTICLES().sub("", tag.text))
    )


# What a localization pipeline writes around each translated sentence (Microsoft's localized
# docs: ``<span data-ttu-id="…">소개</span><span class="sxs-lookup"><span data-stu-id="…">
# Introduction</span></span>``): the tool's bookkeeping, not the page's markup.
_PIPELINE_ATTRIBUTES = frozenset({"data-ttu-id", "data-stu-id"})
_PIPELINE_CLASSES = frozenset({"sxs-lookup"})


def _pipeline(tag: Markup) -> bool:
    """Whether an HTML tag is a localization pipeline's (see ``_PIPELINE_ATTRIBUTES``)."""
    return tag.name == "span" and any(
        key in _PIPELINE_ATTRIBUTES or (key == "class" and value in _PIPELINE_CLASSES)
        for key, value in tag.attrs
    )


def _kept_anchor(tag: Markup) -> bool:
    """An empty anchor a Korean page adds (``## 소개 <a name="introduction"></a>``): it keeps
    an id, most often the English heading's, so that links into the page still land."""
    return (
        tag.kind == "html"
        and tag.name == "a"
        and bool(tag.attrs)
        and all(key in ("name", "id") for key, _ in tag.attrs)
    )


def _compared(tags: tuple[Markup, ...]) -> list[Markup]:
    """The tags compared between sections: closing Liquid tags are left to the balance check,
    HTML inline formatting is Markdown formatting, the elements inside <math> are its formula,
    and a localization pipeline's spans are its own (closing shortcodes are compared, and
    follow their opening tag in ``_whole_elements``)."""
    return [
        tag
        for tag in tags
        if not (tag.kind == "liquid" and tag.name in _CLOSERS)
        and not (
            tag.kind == "html" and (tag.name in FORMATTING or tag.name in MATHML or _pipeline(tag))
        )
    ]


@rule(
    "TC604",
    "markup-mismatch",
    Severity.ERROR,
    example=Example(
        en="""\
            ZeRO shards the optimizer state.<d-cite key="rajbhandari2020zero"></d-cite>
            """,
        ko="""\
            ZeRO는 optimizer state를 샤딩합니다.<d-cite key="zero2020"></d-cite>
            """,
    ),
)
def markup_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """Liquid, Distill or HTML markup of the English section differs in the Korean section.

    Bad:  en `<d-cite key="rajbhandari2020zero"></d-cite>` ↔ ko `<d-cite key="zero2020"></d-cite>`.
    Good: the same tags and attributes; captions, alt, title, label, date and other prose
    attributes may be translated (`markup.text_attributes` adds more). `<strong>`, `<b>`,
    `<em>`, `<i>` and `<code>` are the same as `**x**`, `*x*` and `` `x` ``, and a Korean
    `<sup>`/`<sub>` gloss or `<br>` is no defect, nor a missing element that wraps only an
    English article (`<span class="options-api">The</span>`): Korean has no article to wrap.
    An empty anchor the Korean adds to keep an id (`<a name="introduction"></a>`) and the
    spans a localization pipeline writes around each sentence (`data-ttu-id`) are not markup
    to compare.
    Hugo shortcodes, MDX components, kramdown attribute lists, footnote labels and alert types
    are markup too: en `{{< note >}}` ↔ ko `{{< caution >}}` is reported. A tag renamed,
    missing or added the same way through a page is one finding naming its other lines, and a
    missing table row one finding at that row.
    """
    yield from _counted(_mismatches(ctx))
    yield from _unbalanced(ctx, ctx.target)


def _counted(hits: Iterator[Hit]) -> Iterator[Hit]:
    """Hits said the same at the same lines as one, with a count: a line that keeps two
    ``{.internal-link target=_blank}`` the English dropped is one finding."""
    seen: dict[tuple[str, Location, Location], list[Hit]] = {}
    for hit in hits:
        seen.setdefault((hit.message, hit.source, hit.target), []).append(hit)
    for (message, source, target), same in seen.items():
        times = f" ({len(same)}× on this line)" if len(same) > 1 else ""
        identity = same[0].identity or (message if times else "")
        yield Hit(message + times, source, target, identity=identity)


def _mismatches(ctx: PairContext) -> Iterator[Hit]:
    """markup-mismatch's findings in the sections, one per tag (or per page, grouped.said_once)."""
    dropped = dropped_elements(ctx)  # whole elements: block-missing reports them
    # renamed, changed, missing or added, by message and side: said once per page
    said: dict[tuple[str, bool], list[Hit]] = {}
    for left in _left_over(ctx):
        section, match, whole = left.section, left.match, left.whole
        missing, missing_ends, added_ends = left.missing, left.missing_ends, left.added_ends
        extra, changed = left.extra, left.changed
        absent: list[_Absent] = []
        target = describe(section.target)
        for index, placed in enumerate(missing):
            en = placed.item
            other = changed.get(index)
            if index in left.reboxed:
                ko = left.reboxed[index]
                message = (
                    f"box written another way: English {show(en)}, Korean {show(ko)}; write it "
                    "as the English does"
                )
                said.setdefault((message, False), []).append(
                    Hit(message, ctx.at_source(en.line), ctx.at_target(ko.line))
                )
                continue
            if (
                other is not None
                and _identity(en) == _identity(other)
                and _same(en, other, _prose(ctx), ctx)
            ):
                continue  # the same tag, in blocks the alignment did not pair: no change
            if other is not None:
                what = "renamed" if _identity(en)[:2] != _identity(other)[:2] else "changed"
                message = f"markup {what}: English {show(en)}, Korean {show(other)}"
                said.setdefault((message, False), []).append(
                    Hit(message, ctx.at_source(en.line), ctx.at_target(other.line))
                )
            elif not _linked(en) and id(placed.block.source) not in dropped:
                at = insertion_line(section.blocks, placed, section.target, en.line)
                shown = _stretch(en, left.rows) or _element(en, missing_ends)
                bare = placed.block.source is not None and placed.block.source.kind in _OWN_LINE
                absent.append(_Absent(en.line, at, shown, bare))
        _say(ctx, said, absent, "missing from the Korean", target, korean=False)
        where = describe(section.source)
        for html, tags in whole:
            yield Hit(
                f"the HTML block {show(tags[0])} (lines {html.line}-{html.end_line}, "
                f"{len(tags)} tags) is not in the English section {where!r}",
                ctx.at_source(counterpart_place(section, html, korean=True)),
                ctx.at_target(tags[0].line),
            )
        pair_of = {id(p.item): p.block for p in match.extra}  # the pair of its Korean block
        added = [
            _Absent(ko.line, _english_at(section, pair), _element(ko, added_ends), _bare(pair))
            for ko in extra
            if not (_linked(ko) or _kept_anchor(ko))
            for pair in [pair_of.get(id(ko))]
        ]
        _say(ctx, said, added, "not in the English", where, korean=True)
    yield from said_once(said)


def _box(tag: Markup) -> str | None:
    """The type of box a tag opens, whatever its syntax: a GitHub alert or admonition's type
    (``> [!TIP]``, ``:::tip``, ``!!! tip``), or a component or shortcode named for one
    (``<Tip>``, ``{{< note >}}``); None for any other tag (a closing one too)."""
    if tag.kind == "admonition":
        return (tag.attr("type") or "").casefold() or None
    if tag.kind in ("jsx", "shortcode"):
        name = tag.name.casefold()
        return name if name in _BOX_TYPES else None
    return None


_BOX_NAMES = "note tip info warning caution danger important callout aside admonition hint"
_BOX_TYPES = frozenset(_BOX_NAMES.split())


def _reboxed(missing: list[Placed[Markup]], extra: list[Markup]) -> dict[int, Markup]:
    """English boxes a section lacks that the Korean writes in another syntax, by the index of
    the English tag: the Korean box of the same type (``<Tip>`` for ``> [!TIP]``, a site that
    moved from components to GitHub alerts), in order; one change, not a box missing and
    another added."""
    found: dict[int, Markup] = {}
    korean = [(tag, box) for tag in extra if (box := _box(tag)) is not None]
    used: set[int] = set()
    for index, placed in enumerate(missing):
        english = _box(placed.item)
        if english is None:
            continue
        other = next((tag for tag, box in korean if box == english and id(tag) not in used), None)
        if other is not None and other.kind != placed.item.kind:
            found[index] = other
            used.add(id(other))
    return found


def _say(
    ctx: PairContext,
    said: dict[tuple[str, bool], list[Hit]],
    tags: list[_Absent],
    absent: str,
    section: str,
    korean: bool,
) -> None:
    """One hit per run of tags one side lacks (``korean``: tags the Korean adds), ``absent``
    saying which (``missing from the Korean``) and ``section`` where, kept in ``said`` by its
    words without the section for said_once."""
    for run in _adjacent(tags):
        named, verb = listed([tag.shown for tag in run]), "are" if len(run) > 1 else "is"
        first = run[0]
        english, korean_line = (first.at, first.line) if korean else (first.line, first.at)
        key = f"{named} {verb} {absent}"
        said.setdefault((key, korean), []).append(
            Hit(f"{key} section {section!r}", ctx.at_source(english), ctx.at_target(korean_line))
        )


def _bare(pair: BlockPair | None) -> bool:
    """Whether a Korean tag stands on a line of its own (its block a line of tags)."""
    return pair is not None and pair.target is not None and pair.target.kind in _OWN_LINE


class _Absent(NamedTuple):
    """A tag one side's section lacks (the Korean, or for an added tag the English), as
    markup-mismatch words it."""

    line: int  # on the tag's own side
    at: int  # where it goes (stands) on the other side
    shown: str
    bare: bool  # on a line of its own (a shortcode, component or HTML block)


# Blocks that are a line of tags (a list item of one template call is an item of its list).
_OWN_LINE = frozenset({BlockKind.SHORTCODE, BlockKind.COMPONENT, BlockKind.HTML})


def _adjacent(absent: list[_Absent]) -> list[list[_Absent]]:
    """Missing (or added) tags in runs on one line, or on consecutive lines of their own
    (shortcode, component and HTML blocks), that go in at one place of the other side (``{{%
    sign-section %}}`` over ``{{< youtube … >}}``; ``<section>``, ``<h3>`` and ``<label>`` of
    one line of HTML; ``{{< tabpane >}} {{% tab Make %}}``): one thing the Korean lacks (adds).
    Items of a list are items, and a tag on several lines is left to ``grouped.said_once``."""
    runs: list[list[_Absent]] = []
    for tag in absent:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and tag.at == last.at
            and (tag.line == last.line or (tag.bare and last.bare and tag.line - last.line == 1))
            and all(tag.shown != other.shown for other in runs[-1])  # twice: said_once's
        ):
            runs[-1].append(tag)
        else:
            runs.append([tag])
    return runs


def _english_at(section: SectionBlocks, pair: BlockPair | None) -> int:
    """Where a Korean tag stands in English: the English block its block translates, else
    before the next English block (see ``counterpart_place``), else the section's heading."""
    if pair is None or pair.target is None:
        return section.source.line
    if pair.source is not None:
        return pair.source.line
    return counterpart_place(section, pair.target, korean=True)


def _renamed(
    placed: Placed[Markup], match: ItemMatch[Markup, Markup], extra: list[Markup]
) -> Markup | None:
    """The extra Korean tag of the same kind in the block translating a missing English tag's
    block: the tag renamed there (``<Tabs>`` -> ``<TabGroup>``), not one dropped and one added."""
    if _linked(placed.item):
        return None
    block = [k.item for k in match.extra_in(placed.block)]
    return next(
        (k for k in block if k in extra and k.kind == placed.item.kind and not _linked(k)), None
    )


@record(eq=True)
class _LeftOver:
    """The tags of one section pair that found no counterpart: Korean HTML blocks added whole,
    English tags missing (with the closing tags of whole elements), Korean tags extra, and a
    missing tag's Korean counterpart (of the same identity, or renamed; or its box written in
    another syntax) by its index."""

    section: SectionBlocks
    match: ItemMatch[Markup, Markup]
    whole: list[tuple[Block, list[Markup]]]
    missing: list[Placed[Markup]]
    missing_ends: dict[int, Markup]
    extra: list[Markup]
    added_ends: dict[int, Markup]
    changed: dict[int, Markup]
    rows: _Rows
    reboxed: dict[int, Markup]  # a missing box's Korean box of another syntax (see _reboxed)


@record
class _Rows:
    """The missing English tags, re-chosen by the links they hold (see ``_by_links``), and for
    a tag whose whole stretch is missing, its last line and the missing tags inside it."""

    missing: list[Placed[Markup]]
    ends: dict[int, int]  # id of a re-chosen tag -> the last line of its stretch
    inner: dict[int, list[Markup]]  # id of an outer tag -> the re-chosen tags inside it


def _by_links(ctx: PairContext, missing: list[Placed[Markup]]) -> _Rows:
    """Missing English HTML tags re-chosen among their alike tags by the links they hold.
    In-order matching of alike tags (a table's <tr>, <th> and <td>) leaves the last ones
    missing, whichever row the Korean lacks. When as many of a block's alike tags open a
    stretch (up to the next alike tag) whose links all lack a Korean counterpart (the row
    link-missing reports), those tags are the missing ones; a chosen tag inside another's
    stretch (the <td> of a missing <tr>) is part of that one finding."""
    groups: dict[tuple[int, tuple[str, str, str]], list[int]] = {}
    for index, placed in enumerate(missing):
        if placed.item.kind == "html" and placed.block.source is not None:
            groups.setdefault((id(placed.block), _identity(placed.item)), []).append(index)
    rows = _Rows(list(missing), {}, {})
    if not groups:
        return rows
    kept: frozenset[Link] = ctx.cached(
        "english-links-kept", lambda: frozenset(counterpart_links(ctx).values())
    )
    chosen: dict[int, list[Markup]] = {}  # id of a block pair -> its re-chosen tags
    for (pair, identity), indexes in groups.items():
        block = missing[indexes[0]].block.source
        assert block is not None  # grouped only with an English block
        alike = [tag for tag in _block_tags(block) if _identity(tag) == identity]
        stops = [tag.line - 1 for tag in alike[1:]] + [block.end_line]
        hollow = [
            (tag, stop)
            for tag, stop in zip(alike, stops, strict=True)
            if _hollow(block, tag.line, stop, kept)
        ]
        if len(hollow) != len(indexes):
            continue
        for index, (tag, stop) in zip(indexes, hollow, strict=True):
            placed = missing[index]
            rows.missing[index] = Placed(tag, placed.block, placed.position)
            rows.ends[id(tag)] = stop
            chosen.setdefault(pair, []).append(tag)
    for tags in chosen.values():
        for tag in tags:
            around = [o for o in tags if o.line < tag.line <= rows.ends[id(o)]]
            if around:
                rows.inner.setdefault(id(min(around, key=lambda o: o.line)), []).append(tag)
    return rows


def _hollow(block: Block, first: int, last: int, kept: frozenset[Link]) -> bool:
    """Whether lines ``first``-``last`` of an English block hold links and none of them has a
    Korean counterpart."""
    links = [link for link in block.links if first <= link.line <= last]
    return bool(links) and not any(link in kept for link in links)


def _left_over(ctx: PairContext) -> list[_LeftOver]:
    """What markup-mismatch reports, section by section (those with a tag left over), computed
    once per file pair."""

    def compute() -> list[_LeftOver]:
        untranslated = lone_ids(ctx, korean=False)
        added_blocks = lone_ids(ctx, korean=True) | dropped_elements(ctx, korean=True)
        linked = stand_ins(ctx).templates  # template calls the other side writes as a link
        found = []
        for section, match in _matches(ctx):
            if not match.missing and not match.extra:
                continue  # every tag matched (most sections): nothing left over to report
            whole = _whole_blocks(
                [p for p in match.extra if id(p.block.target) not in added_blocks]
            )
            grouped = {id(tag) for _, tags in whole for tag in tags}
            rows = _by_links(ctx, match.missing)
            inside = {id(tag) for tags in rows.inner.values() for tag in tags}  # in a row's finding
            missing, missing_ends = _whole_elements(
                [
                    p
                    for p in rows.missing
                    if id(p.block.source) not in untranslated
                    and id(p.item) not in inside
                    and id(p.item) not in linked
                    and not _wraps_an_article(p.item)
                ],
                korean=False,
            )
            added, added_ends = _whole_elements(
                [
                    placed
                    for placed in match.extra
                    if not (placed.item.kind == "html" and placed.item.name in KOREAN_ADDITIONS)
                    and id(placed.block.target) not in added_blocks
                    and id(placed.item) not in grouped | linked
                ],
                korean=True,
            )
            extra = [placed.item for placed in added]
            reboxed = _reboxed(missing, extra)
            extra = [tag for tag in extra if all(tag is not box for box in reboxed.values())]
            changed: dict[int, Markup] = {}  # a missing tag's Korean counterpart
            for index, placed in enumerate(missing):
                same = next((k for k in extra if _identity(k) == _identity(placed.item)), None)
                if same is not None and index not in reboxed:
                    extra.remove(same)
                    changed[index] = same
            for index, placed in enumerate(missing):
                skip = index in changed or index in reboxed
                renamed = None if skip else _renamed(placed, match, extra)
                if renamed is not None:
                    extra.remove(renamed)
                    changed[index] = renamed
            found.append(
                _LeftOver(
                    section,
                    match,
                    whole,
                    missing,
                    missing_ends,
                    extra,
                    added_ends,
                    changed,
                    rows,
                    reboxed,
                )
            )
        return found

    return ctx.cached("markup-left-over", compute)  # type: ignore[no-any-return]


def whole_element_lines(ctx: PairContext, korean: bool) -> list[tuple[int, int]]:
    """First and last lines of the elements markup-mismatch reports as added (``korean``) or
    dropped whole, wrappers of translated content aside: the code blocks inside them are part
    of that one finding (worked out once per pair and side)."""

    def compute() -> list[tuple[int, int]]:
        spans = []
        for left in _left_over(ctx):
            if korean:
                tags, ends = left.extra, left.added_ends
            else:
                dropped = dropped_elements(ctx)
                tags = [
                    p.item
                    for i, p in enumerate(left.missing)
                    if i not in left.changed and id(p.block.source) not in dropped
                ]
                ends = left.missing_ends
            found = [(tag.line, ends[id(tag)].line) for tag in tags if id(tag) in ends]
            spans += [span for span in found if not _wraps(left.section, span, korean)]
        return spans

    return ctx.cached(f"whole-element-lines-{korean}", compute)  # type: ignore[no-any-return]


def _wraps(section: SectionBlocks, span: tuple[int, int], korean: bool) -> bool:
    """Whether most blocks inside an element translate blocks of the other side: a wrapper
    (``<Steps>`` around translated steps) rather than added or dropped content."""
    inside = [
        pair
        for pair in section.blocks
        if (block := pair.sides(korean)[0]) is not None and span[0] < block.line < span[1]
    ]
    paired = sum(pair.sides(korean)[1] is not None for pair in inside)
    return 2 * paired > len(inside)


def _whole_elements(
    tags: list[Placed[Markup]], korean: bool
) -> tuple[list[Placed[Markup]], dict[int, Markup]]:
    """Left-over tags without the closing tags whose opening tag is left over too, and those
    closing tags by the id of their opening tag: an element one side drops or adds whole
    (``<Note>`` … ``</Note>``, ``{{< note >}}`` … ``{{< /note >}}``) is one finding, at its
    start, and a renamed one is one renamed tag. The tags inside it whose blocks have no
    counterpart either (the ``<Fragment>`` tabs of an added ``<PackageManagerTabs>``) are part of
    that finding; those in blocks that translate the other side (a ``<ReadMore>`` inside an added
    ``<Steps>`` wrapper) are not."""
    ends: dict[int, Markup] = {}
    closers: set[int] = set()
    for index, placed in enumerate(tags):
        tag = placed.item
        if not tag.name.startswith("/") or tag.name == "/*":
            continue
        opener = next(
            (
                tags[i].item
                for i in range(index - 1, -1, -1)
                if id(tags[i].item) not in ends
                and i not in closers
                and tags[i].item.kind == tag.kind
                and tags[i].item.name == tag.name[1:]
            ),
            None,
        )
        if opener is not None:
            ends[id(opener)] = tag
            closers.add(index)
    kept = [placed for index, placed in enumerate(tags) if index not in closers]
    spans = [
        (placed.item.line, ends[id(placed.item)].line) for placed in kept if id(placed.item) in ends
    ]

    def inside(placed: Placed[Markup]) -> bool:
        other = placed.block.sides(korean)[1]
        return other is None and any(a < placed.item.line <= b for a, b in spans)

    return [placed for placed in kept if not inside(placed)], ends


def _stretch(tag: Markup, rows: _Rows) -> str:
    """A re-chosen missing tag with the tags inside it and its lines (``<tr> with <th>, <td>
    (lines 57-64)``), or '' for a tag with nothing inside it."""
    inner = [t for t in rows.inner.get(id(tag), ()) if not _linked(t)]  # links: link-missing's
    if not inner:
        return ""
    return (
        f"{show(tag)} with {', '.join(show(t) for t in inner)} "
        f"(lines {tag.line}-{rows.ends[id(tag)]})"
    )


def _element(tag: Markup, ends: dict[int, Markup]) -> str:
    """A tag as a message shows it; with its closing tag, the whole element and its lines."""
    closing = ends.get(id(tag))
    if closing is None:
        return show(tag)
    return f"{show(tag)}…{show(closing)} (lines {tag.line}-{closing.line}), the whole element,"


def _block_tags(block: Block) -> Sequence[Markup]:
    """The tags of a block that are compared (most blocks hold none: nothing is filtered)."""
    return _compared(block.markup) if block.markup else ()


def _prose(ctx: PairContext) -> frozenset[str]:
    """The attributes whose values are prose: the built-in ones and ``markup.text_attributes``."""
    option = ctx.config.option("markup", "text_attributes")
    return TEXT_ATTRIBUTES | {str(name).lower() for name in option}


def _matches(ctx: PairContext) -> list[tuple[SectionBlocks, ItemMatch[Markup, Markup]]]:
    """The tags of every aligned section pair, matched once per file pair."""

    def compute() -> list[tuple[SectionBlocks, ItemMatch[Markup, Markup]]]:
        """Match the tags of every section pair; a pair of sections holding none (most)
        matches nothing, told from the sections' gathered tags without a look per block."""
        prose = _prose(ctx)
        return [
            (
                section,
                match_items(
                    section,
                    _block_tags,
                    _block_tags,
                    lambda en, ko: _same(en, ko, prose, ctx),
                )
                if section.source.markup or section.target.markup
                else ItemMatch(),
            )
            for section in section_blocks(ctx)
        ]

    return ctx.cached("markup-matches", compute)  # type: ignore[no-any-return]


def unmatched_html(ctx: PairContext) -> list[Block]:
    """Korean HTML blocks none of whose tags has an English counterpart: markup-mismatch reports
    each as one finding, so the links inside them are not link-extra's too."""
    return [block for _, match in _matches(ctx) for block, _ in _whole_blocks(match.extra)]


def _whole_blocks(extra: list[Placed[Markup]]) -> list[tuple[Block, list[Markup]]]:
    """Korean HTML blocks none of whose tags has an English counterpart (a table the English
    does not have, or keeps in another section), with those tags: one finding each, not one
    per <tr> and <td>. One cause, one finding."""
    by_block: dict[int, tuple[Block, list[Markup]]] = {}
    for placed in extra:
        block = placed.block.target
        if block is not None and block.kind is BlockKind.HTML and not _linked(placed.item):
            by_block.setdefault(id(block), (block, []))[1].append(placed.item)
    return [
        (block, tags)
        for block, tags in by_block.values()
        if len(tags) > 1 and len(tags) == sum(not _linked(t) for t in _compared(block.markup))
    ]


def _unbalanced(ctx: PairContext, document: Document) -> Iterator[Hit]:
    """Korean ``{% details %}`` left open or ``{% enddetails %}`` with nothing to close."""
    open_tags: list[Markup] = []
    for section in document.sections:
        for tag in section.markup:
            if tag.kind != "liquid":
                continue
            if tag.name in _CLOSERS.values():
                open_tags.append(tag)
            elif tag.name in _CLOSERS:
                if open_tags and open_tags[-1].name == _CLOSERS[tag.name]:
                    open_tags.pop()
                else:
                    yield Hit(
                        f"{{% {tag.name} %}} closes nothing: no {{% {_CLOSERS[tag.name]} %}} "
                        "is open here",
                        target=ctx.at_target(tag.line),
                    )
    for tag in open_tags:
        yield Hit(
            f"{{% {tag.name} %}} is never closed: add {{% end{tag.name} %}} as in English",
            target=ctx.at_target(tag.line),
        )
