"""Link-target rules (TC204, TC205, TC207): anchors and page links that reach nothing or the
wrong heading.

The Korean side is checked against the Korean tree; the English side against the English tree,
and what is broken there is the source's defect (reported as such, never as a translation error).
Hints come from the alignment: the heading an English link points to, and its Korean translation,
give the id the Korean link should use, in this file or in the chapter it names.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from transcheck.align import Alignment, align_sections
from transcheck.checks.edits import rewrite_link
from transcheck.checks.headingids import asked_ids
from transcheck.checks.linkmatch import (
    Broken,
    anchor_section,
    counterpart_links,
    english_broken,
    english_file_of,
    korean_broken,
    korean_file_of,
    same_url,
)
from transcheck.checks.linkmatch import describe_link as _what
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Location, Severity
from transcheck.fixes import Fix, Safety
from transcheck.links import LinkIndex, normalize_fragment
from transcheck.model import Document, Link, LinkKind, Section
from transcheck.records import record

SUGGEST_MIN = 75  # rapidfuzz score for a "closest document" suggestion
# An English link's words name another heading than its target (a slip of the source) when
# they score this much against that heading, and this much more than against the target.
NAMED_MIN = 75
NAMED_MARGIN = 25


def _korean_defects(ctx: PairContext) -> list[Broken]:
    """Korean links that reach nothing and are the translation's fault: not those whose English
    link is broken too, nor a link to a page the English links to and misses as well (a Korean
    paragraph left twice, in English and in Korean, has two such links; source-link-broken
    reports the page once), nor a link kept as in English to a page the
    Korean tree has no translation of yet (translation-missing says so)."""
    counterpart = counterpart_links(ctx)
    missing_in_english = [b.link.url for b in english_broken(ctx).values() if b.page_missing]
    found = []
    for broken in korean_broken(ctx).values():
        english = counterpart.get(broken.link)
        if english is not None and english in english_broken(ctx):
            continue
        if broken.page_missing and any(
            same_url(ctx, url, broken.link.url) for url in missing_in_english
        ):
            continue  # the page English links to is missing too, whichever link stands for it
        if (
            english is not None
            and broken.page_missing
            and same_url(ctx, english.url, broken.link.url)
            and _untranslated_page(ctx, english)
        ):
            continue
        found.append(broken)
    return found


def _untranslated_page(ctx: PairContext, english: Link) -> bool:
    """Whether an English link reaches a page that has no Korean translation in the tree."""
    reached = ctx.source_index.resolve(ctx.source_rel, english.path_part).target
    return reached is not None and korean_file_of(ctx, reached) is None


@record
class Aim:
    """Where a Korean link should lead: the English heading meant and its Korean translation."""

    english: Section
    korean: Section | None
    korean_document: Document
    kept_id: str = ""  # the English id, when it is no heading's and the Korean page has it too


def _alignment_for(ctx: PairContext, korean_rel: str) -> tuple[Alignment, Document] | None:
    """The section alignment of another chapter pair, found through the Korean file."""
    english_rel = english_file_of(ctx, korean_rel)
    if english_rel is None:
        return None
    english = ctx.source_index.document(english_rel)
    korean = ctx.target_index.document(korean_rel)
    if english is None or korean is None:
        return None

    key = (english_rel, korean_rel)
    if key not in ctx.alignments:
        ctx.alignments[key] = align_sections(english, korean, ctx.config.rewrite_link)
    return ctx.alignments[key], korean


def _linked_alignment(ctx: PairContext, link: Link) -> tuple[Alignment, Document] | None:
    """The section alignment of the chapter pair a Korean link leads into (its own, for an
    in-page link), with that Korean document."""
    if not link.path_part:
        return ctx.alignment, ctx.target
    resolution = ctx.target_index.resolve(ctx.target_rel, link.path_part)
    return _alignment_for(ctx, resolution.target) if resolution.target else None


def _names_asked_id(ctx: PairContext, link: Link) -> bool:
    """Whether a Korean link's fragment is the English id a heading of the page it leads to
    lost or writes otherwise (heading-id-missing or heading-drift reports that heading, where
    the fix belongs)."""
    found = _linked_alignment(ctx, link) if link.fragment else None
    return found is not None and normalize_fragment(link.fragment or "") in (
        asked_ids(ctx, found[0])
    )


def aim(ctx: PairContext, link: Link, exact: bool = False) -> Aim | None:
    """The heading a Korean link with a fragment should reach, judged from its English link
    (or, without one, from its own fragment read as an English id kept untranslated).

    Without ``exact``, an English id that matches no heading is read as the closest one: good
    enough for a hint, not for blaming a Korean link that works.
    """
    english_link = counterpart_links(ctx).get(link)
    fragment = english_link.fragment if english_link and english_link.fragment else link.fragment
    if fragment is None:
        return None
    found = _linked_alignment(ctx, link)
    if found is None:
        return None
    alignment, korean_document = found
    english = anchor_section(alignment.source, fragment, fuzzy=not exact)
    if english is None:
        return None
    korean = alignment.target_of.get(english)
    wanted = normalize_fragment(fragment)
    own_id = wanted != alignment.source.sections[english].anchor
    return Aim(
        alignment.source.sections[english],
        korean_document.sections[korean] if korean is not None else None,
        korean_document,
        wanted if own_id and wanted in korean_document.anchors else "",
    )


def _fix(link: Link, target: Aim) -> str:
    """'it should reach X (the translation of Y): write Z' for a link and where it should lead."""
    assert target.korean is not None
    if target.kept_id:  # an id an element or component defines, kept in Korean
        url = f"{link.path_part}#{target.kept_id}"
        return f"the Korean page keeps the English id {target.kept_id!r}: write {url!r}"
    url = f"{link.path_part}#{target.korean.anchor}"
    return (
        f"it should reach {describe(target.korean)!r} (the translation of "
        f"{describe(target.english)!r}): write {url!r}"
    )


def _source_location(ctx: PairContext, link: Link) -> Location:
    """The English link a Korean link stands for, else the aligned English heading."""
    english = counterpart_links(ctx).get(link)
    if english is not None:
        return ctx.at_source(english.line)
    if link.kind is LinkKind.FRONT_MATTER:
        return ctx.at_source(None)
    return ctx.at_source(ctx.source_heading_line(link.line))


@record
class WrongTarget:
    """A Korean link that reaches a heading other than the translation of its English target;
    ``named`` is the English heading it reaches when the English link's own words name that one
    (the English link is the slip, and the Korean corrected it)."""

    link: Link
    english_link: Link
    reached: Section
    aim: Aim
    named: Section | None


def _wrong_targets(ctx: PairContext) -> list[WrongTarget]:
    """Korean links whose anchor exists but is not the translation of the English target."""

    def compute() -> list[WrongTarget]:
        found = []
        for link, english_link in counterpart_links(ctx).items():
            if link.fragment is None:
                continue
            target = aim(ctx, link, exact=True)
            if target is None or target.korean is None:
                continue
            reached = anchor_section(target.korean_document, link.fragment, fuzzy=False)
            if reached is None or reached == target.korean.index:
                continue
            named = _named_heading(ctx, link, english_link, reached, target)
            reached_section = target.korean_document.sections[reached]
            found.append(WrongTarget(link, english_link, reached_section, target, named))
        return found

    return ctx.cached("anchor-wrong-targets", compute)  # type: ignore[no-any-return]


def _named_heading(
    ctx: PairContext, link: Link, english_link: Link, reached: int, target: Aim
) -> Section | None:
    """The English heading of the Korean section a link reaches, when the English link's words
    name it and not the heading the English link reaches (``[Postrenderer Plugin
    type](#cli-plugins)`` with headings 'PostRenderer plugins' and 'CLI plugins')."""
    found = _linked_alignment(ctx, link)
    if found is None or not english_link.text:
        return None
    alignment = found[0]
    english = alignment.source_of.get(reached)
    if english is None:
        return None
    heading = alignment.source.sections[english]
    words = english_link.text.lower()
    named = fuzz.ratio(words, heading.title.lower())
    aimed = fuzz.ratio(words, target.english.title.lower())
    return heading if named >= NAMED_MIN and named - aimed >= NAMED_MARGIN else None


@rule(
    "TC204",
    "anchor-broken",
    Severity.ERROR,
    example=Example(
        en="""\
            # Guide

            Jump to [setup](#setup-and-install).

            ## Setup and Install

            Install it with `pip`.
            """,
        ko="""\
            # 안내

            [설치](#setup-and-install)로 이동합니다.

            ## 설정과 설치

            `pip`로 설치합니다.
            """,
    ),
)
def anchor_broken(ctx: PairContext) -> Iterator[Hit]:
    """A Korean ``#anchor`` reaches no heading id, or not the translation of the English target.

    This holds in the link's own page and in the page it names. Translated headings get new
    ids, so a link that kept the English anchor breaks.
    Bad:  ko `[설치](#setup-and-install)` while the heading is `## 설정과 설치`.
    Good: ko `[설치](#설정과-설치)`.
    Ids also come from `{#id}`, kramdown `{: #id}`, any HTML `id=` and MDX `id=`, `permalink=`,
    `titleId=` props; a page a component renders with no id of its own is not judged. A link
    broken as its English link is (source-link-broken), or one to the English id a heading lost
    or writes otherwise (heading-id-missing, heading-drift), is not reported again here; nor
    one that reaches the heading its English link's words name where the English link goes
    elsewhere (the Korean corrected it).
    `--fix` writes the translated heading's id: safe when the English id names that heading
    exactly; unsafe when it is read as the closest one, or when the link reaches another heading.
    """
    for broken in _korean_defects(ctx):
        if broken.page_missing or broken.link.fragment is None or _names_asked_id(ctx, broken.link):
            continue
        target = aim(ctx, broken.link)
        fix = (
            _fix(broken.link, target)
            if target is not None and target.korean is not None
            else "point it at an existing heading id"
        )
        yield Hit(
            f"{broken.problem}; {fix}",
            _source_location(ctx, broken.link),
            ctx.at_target(broken.link.line),
            fix=_anchor_edit(ctx, broken.link, target, exact=aim(ctx, broken.link, exact=True)),
        )
    for wrong in _wrong_targets(ctx):
        if wrong.named is not None:
            continue  # the Korean corrected the English link: source-link-broken says so
        link = wrong.link
        yield Hit(
            f"{_what(link)} reaches {describe(wrong.reached)!r}, but the English link goes "
            "elsewhere; " + _fix(link, wrong.aim),
            _source_location(ctx, link),
            ctx.at_target(link.line),
            fix=_anchor_edit(ctx, link, wrong.aim, exact=None),
        )


def _anchor_edit(ctx: PairContext, link: Link, target: Aim | None, exact: Aim | None) -> Fix | None:
    """The fix writing the translated heading's id: safe when the English id names that
    heading exactly (``exact`` is the same aim), unsafe when it was read as the closest one or
    the Korean link already reaches another heading."""
    if target is None or target.korean is None:
        return None
    same = (
        exact is not None
        and exact.korean is not None
        and exact.korean.index == target.korean.index
        and exact.korean_document is target.korean_document
    )
    url = f"{link.path_part}#{target.korean.anchor}"
    return rewrite_link(ctx, link, url, Safety.SAFE if same else Safety.UNSAFE)


def _page_fix(ctx: PairContext, link: Link) -> tuple[str, Fix | None]:
    """How to repair a Korean page link, from the page its English link reaches; and the fix
    writing the English path when it reaches that translation in the Korean tree too (safe:
    the page exists; the Korean link's own fragment is kept)."""
    english = counterpart_links(ctx).get(link)
    if english is not None:
        reached = ctx.source_index.resolve(ctx.source_rel, english.path_part).target
        korean_rel = korean_file_of(ctx, reached) if reached else None
        korean = ctx.target_index.document(korean_rel) if korean_rel else None
        if korean_rel is not None and korean is not None:
            works = ctx.target_index.resolve(ctx.target_rel, english.path_part)
            write = f"write {english.url!r}, " if works.target == korean_rel else ""
            fix = None
            if works.target == korean_rel:
                fragment = f"#{link.fragment}" if link.fragment is not None else ""
                fix = rewrite_link(ctx, link, english.path_part + fragment, Safety.SAFE)
            return (
                f"the English {english.url!r} leads to its translation {korean.path}: {write}"
                f"or rename that page (file name or permalink) so {link.url!r} reaches it"
            ), fix
    return "point it at an existing page" + _closest_page(ctx.target_index, link.path_part), None


def _closest_page(index: LinkIndex, url: str) -> str:
    """A 'did you mean' for a page link with no English counterpart: the closest page name."""
    names = {posixpath.splitext(posixpath.basename(rel))[0]: rel for rel in index.known()}
    wanted = posixpath.basename(url.rstrip("/")).split(".")[0]
    best = process.extractOne(wanted, list(names), scorer=fuzz.ratio) if names else None
    if best is None or best[1] < SUGGEST_MIN:
        return ""
    suggestion = url.replace(wanted, best[0]) if wanted else best[0]
    return f" (closest page: {names[best[0]]}, linked as {suggestion!r})"


@rule(
    "TC205",
    "link-target-missing",
    Severity.ERROR,
    example=Example(
        en="""\
            # Guide

            Read [the usage](../usage) next.
            """,
        ko="""\
            # 안내

            다음으로 [사용법](../usage-kr)을 읽으세요.
            """,
        files={"en/usage.md": "# Usage\n\nRun it.\n", "ko/usage.md": "# 사용법\n\n실행합니다.\n"},
    ),
)
def link_target_missing(ctx: PairContext) -> Iterator[Hit]:
    """A Korean link to another page (body or front matter) reaches no document of the Korean tree.

    Bad:  ko `[사용법](../usage-kr)` when the Korean page is ko/usage.md.
    Good: ko `[사용법](../usage)`, or rename the file (and its permalink) to match.
    This is the one finding for such a link (not also link-changed). Not reported: a link broken
    as its English link is (source-link-broken), a link kept as in English to a page not
    translated yet (translation-missing), routes from `links.routes` or front matter.
    `--fix` writes the English path (the Korean fragment kept) when it reaches the translation
    in the Korean tree: safe.
    """
    for broken in _korean_defects(ctx):
        if broken.page_missing:
            hint, fix = _page_fix(ctx, broken.link)
            yield Hit(
                f"{broken.problem}; {hint}",
                _source_location(ctx, broken.link),
                ctx.at_target(broken.link.line),
                fix=fix,
            )


@rule(
    "TC207",
    "source-link-broken",
    Severity.INFO,
    example=Example(
        en="""\
            # TPUs

            More in <a href="#appendix-c-tpu-internals">Appendix C</a>.

            ## Appendix C: More on TPU internals

            The scalar core.
            """,
        ko="""\
            # TPU

            자세한 내용은 <a href="#부록-c-tpu-내부">부록 C</a>에 있습니다.

            ## 부록 C: TPU 내부

            스칼라 코어.
            """,
    ),
)
def source_link_broken(ctx: PairContext) -> Iterator[Hit]:
    """A link in the English source is broken: a defect to report upstream, not a translation error.

    Bad:  en `<a href="#appendix-c-tpu-internals">` while the heading is
          `## Appendix C: More on TPU internals` (id `appendix-c-more-on-tpu-internals`).
    Good: the Korean may well use the right id; tell the English authors.
    Also: an English link whose words name another heading than the one it reaches, where the
    Korean link goes (`[Postrenderer type](#cli-plugins)`): the Korean corrected a slip.
    The Korean line given is the Korean link that stands for the broken English one. Links to
    one missing page are one finding; a Korean link broken the same way gets no finding of its
    own, and the English link is not asked for by link-missing or link-changed.
    """
    broken_in_english = english_broken(ctx)
    # the Korean link of each English one, for the English links that reach nothing (most
    # pairs have none: no Link hashed)
    korean_of = {en: ko for ko, en in counterpart_links(ctx).items()} if broken_in_english else {}
    broken_in_korean = korean_broken(ctx)
    pages: dict[str, list[Link]] = {}  # a missing page, once, with every link to it
    for broken in broken_in_english.values():
        if broken.page_missing:
            pages.setdefault(broken.link.path_part, []).append(broken.link)
    for broken in broken_in_english.values():
        link = broken.link
        others = pages.get(link.path_part, []) if broken.page_missing else []
        if others and others[0] is not link:
            continue
        hint = ""
        if link.in_page_fragment:
            guess = anchor_section(ctx.source, link.in_page_fragment, fuzzy=True)
            if guess is not None:
                hint = f" (it probably means '#{ctx.source.sections[guess].anchor}')"
        if broken.page_missing:
            hint = (
                " (or it is a page the site generates or one outside the checked tree: declare "
                "such routes in the config's links.routes)"
            )
            if len(others) > 1:
                lines = "line" if len(others) == 2 else "lines"
                hint += f"; also linked at {lines} {', '.join(str(o.line) for o in others[1:])}"
        korean = korean_of.get(link)
        status = ""
        if korean is not None:
            status = (
                "; the Korean link is broken too"
                if korean in broken_in_korean
                else "; the Korean link works, nothing to change there"
            )
        yield Hit(
            f"English source defect, not a translation error: {broken.problem}{hint}{status}",
            ctx.at_source(link.line),
            ctx.at_target(korean.line) if korean is not None else Location(),
        )
    for wrong in _wrong_targets(ctx):
        if wrong.named is not None:
            yield Hit(
                f"English source defect, not a translation error: {_what(wrong.english_link)} "
                f"reaches {describe(wrong.aim.english)!r} though its words name "
                f"{describe(wrong.named)!r}, where the Korean link goes; the Korean link is "
                "right, nothing to change there",
                ctx.at_source(wrong.english_link.line),
                ctx.at_target(wrong.link.line),
            )
