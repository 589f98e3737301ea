"""Link-target rules (TC2xx): anchors and chapter links that reach nothing.

The Korean side is checked against the Korean tree; the English side against the English tree,
and what is broken there is the source's defect (reported as such, never as a translation error).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from transcheck.checks.links import anchor_section, changed_links, link_matches
from transcheck.checks.registry import Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Location, Severity
from transcheck.links import LinkIndex, Status, normalize_fragment
from transcheck.model import Document, Link, LinkKind

SUGGEST_MIN = 75  # rapidfuzz score for a "did you mean" suggestion


def _all_links(document: Document) -> Iterator[Link]:
    for section in document.sections:
        yield from section.links
    if document.front_matter is not None:
        yield from document.front_matter.links


def _counterpart(ctx: PairContext, link: Link) -> Location:
    """The English link a Korean link stands for, else the aligned English heading."""
    section = ctx.target.section_at(link.line)
    for match in link_matches(ctx):
        if match.target_section is section:
            for en, ko in (*match.pairs, *changed_links(match)[0]):
                if ko is link:
                    return ctx.at_source(en.line)
    english = ctx.alignment.source_of.get(section.index)
    return ctx.at_source(ctx.source.sections[english].line if english is not None else None)


def _fragment_hint(ctx: PairContext, fragment: str) -> str:
    """For a Korean anchor kept from English: the Korean heading id to use instead."""
    english = anchor_section(ctx.source, fragment, fuzzy=True)
    korean = ctx.alignment.target_of.get(english) if english is not None else None
    if english is None or korean is None:
        return ""
    heading = ctx.target.sections[korean]
    return (
        f"; the English link points to {describe(ctx.source.sections[english])!r}, "
        f"translated as {describe(heading)!r}: use '#{heading.anchor}'"
    )


def _suggest_target(index: LinkIndex, from_rel: str, url: str) -> str:
    """A 'did you mean' for a chapter link that reaches nothing: the closest document name."""
    names = {posixpath.splitext(posixpath.basename(rel))[0]: rel for rel in index.known()}
    wanted = posixpath.basename(url.rstrip("/")).split(".")[0]
    best = process.extractOne(wanted, list(names), scorer=fuzz.ratio) if names else None
    if best is None or best[1] < SUGGEST_MIN:
        return ""
    suggestion = url.replace(wanted, best[0]) if wanted else best[0]
    return f" (closest document: {names[best[0]]}, linked as {suggestion!r})"


PAGE, ANCHOR = "page", "anchor"


def broken_links(document: Document, rel: str, index: LinkIndex) -> Iterator[tuple[Link, str, str]]:
    """Links of one document that reach nothing: (link, PAGE or ANCHOR, explanation)."""
    for link in _all_links(document):
        fragment = link.fragment
        if not link.path_part:
            if fragment and normalize_fragment(fragment) not in document.anchors:
                yield link, ANCHOR, f"in-page link '#{fragment}' matches no heading id"
            continue
        resolution = index.resolve(rel, link.path_part)
        if resolution.status is Status.MISSING:
            where = f"front-matter {link.text} " if link.kind is LinkKind.FRONT_MATTER else ""
            yield (
                link,
                PAGE,
                (
                    f"{where}link '{link.url}' leads to no document of the tree"
                    + _suggest_target(index, rel, link.path_part)
                ),
            )
        elif resolution.status is Status.FOUND and fragment and resolution.target is not None:
            other = index.document(resolution.target)
            if other is not None and normalize_fragment(fragment) not in other.anchors:
                yield (
                    link,
                    ANCHOR,
                    f"link '{link.url}': {other.path} has no heading id '#{fragment}'",
                )


def _korean_broken(ctx: PairContext) -> list[tuple[Link, str, str]]:
    return ctx.cached(  # type: ignore[no-any-return]
        "korean-broken", lambda: list(broken_links(ctx.target, ctx.target_rel, ctx.target_index))
    )


@rule("TC204", "anchor-broken", Severity.ERROR)
def anchor_broken(ctx: PairContext) -> Iterator[Hit]:
    """A Korean link's ``#anchor`` reaches no heading id, in its own page or the page it names.

    Translated headings get new ids, so a link that kept the English anchor breaks.
    Bad:  ko `[GMQA](#tricks-for-improving-generation-throughput-and-latency)` while the heading
          is `## Generation Throughput과 Latency 개선 기법`.
    Good: ko `[GMQA](#generation-throughput과-latency-개선-기법)`.
    """
    for link, kind, problem in _korean_broken(ctx):
        if kind != ANCHOR or link.fragment is None:
            continue
        hint = _fragment_hint(ctx, link.fragment) if not link.path_part else ""
        yield Hit(problem + hint, _counterpart(ctx, link), ctx.at_target(link.line))


@rule("TC205", "link-target-missing", Severity.ERROR)
def link_target_missing(ctx: PairContext) -> Iterator[Hit]:
    """A Korean link to another page (body or front matter) reaches no document of the Korean tree.

    Bad:  ko `[Section 5](../training-kr)` when the Korean chapter is ko/training.md.
    Good: ko `[Section 5](../training)`, or rename the file (and its permalink) to match.
    """
    for link, kind, problem in _korean_broken(ctx):
        if kind == PAGE:
            source = (
                Location(ctx.source.path, None)
                if link.kind is LinkKind.FRONT_MATTER
                else _counterpart(ctx, link)
            )
            yield Hit(problem, source, ctx.at_target(link.line))


@rule("TC207", "source-link-broken", Severity.INFO)
def source_link_broken(ctx: PairContext) -> Iterator[Hit]:
    """A link in the English source is broken: a defect to report upstream, not a translation error.

    Bad:  en `<a href="#appendix-c-tpu-internals">` while the heading is
          `### Appendix C: More on TPU internals` (id `appendix-c-more-on-tpu-internals`).
    Good: the Korean may well use the right id; tell the English authors.
    """
    for link, _, problem in broken_links(ctx.source, ctx.source_rel, ctx.source_index):
        hint = ""
        if link.fragment and not link.path_part:
            guess = anchor_section(ctx.source, link.fragment, fuzzy=True)
            if guess is not None:
                hint = f" (did you mean '#{ctx.source.sections[guess].anchor}'?)"
        yield Hit(f"English source: {problem}{hint}", ctx.at_source(link.line))
