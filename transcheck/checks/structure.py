"""Structure rules (TC1xx): sections and files present on one side only, levels, order."""

from __future__ import annotations

from collections.abc import Iterator

from transcheck.align import SectionPair
from transcheck.checks.registry import Hit, PairContext, declare, rule
from transcheck.findings import Severity
from transcheck.model import Section


def describe(section: Section) -> str:
    """A section as a reviewer names it: its heading, or 'the preamble'."""
    if section.is_preamble:
        return "the text before the first heading"
    return f"{'#' * section.level} {section.title}"


def _next_sections(pairs: tuple[SectionPair, ...], korean: bool) -> list[Section | None]:
    """For each position, the next section of one language after it: where an unpaired section
    of the other language would stand (moved sections stand elsewhere). None at the end.
    One backward pass, so files with thousands of sections stay linear."""
    following: list[Section | None] = [None] * len(pairs)
    upcoming: Section | None = None
    for position in range(len(pairs) - 1, -1, -1):
        following[position] = upcoming
        pair = pairs[position]
        section = pair.target if korean else pair.source
        if section is not None and not pair.moved:
            upcoming = section
    return following


def _insert_point(section: Section | None, line_count: int) -> tuple[int, str]:
    """The line to show and the words for 'before this section' (or 'at the end')."""
    if section is None:
        return line_count, "at the end of the file"
    return section.line, f"before {describe(section)!r}"


@rule("TC101", "section-missing", Severity.ERROR)
def section_missing(ctx: PairContext) -> Iterator[Hit]:
    """An English section has no Korean counterpart.

    Bad:  en `## Sharding strategies` … ko has no section for it.
    Good: ko `## 샤딩 전략` translating it, at the same place.
    The Korean line given is where the section would go (the next aligned Korean heading).
    """
    if ctx.target.is_empty:
        return  # one empty-file finding says it better than a finding per section
    pairs = ctx.alignment.pairs
    following = _next_sections(pairs, korean=True)
    for position, pair in enumerate(pairs):
        if pair.source is not None and pair.target is None and not pair.source.is_preamble:
            line, place = _insert_point(following[position], ctx.target.line_count)
            yield Hit(
                f"English section {describe(pair.source)!r} has no Korean translation: "
                f"translate it and insert it {place}",
                ctx.at_source(pair.source.line),
                ctx.at_target(line),
            )


@rule("TC102", "section-extra", Severity.WARNING)
def section_extra(ctx: PairContext) -> Iterator[Hit]:
    """A Korean section has no English source.

    Bad:  ko `## 역자 주` with no English section it translates.
    Good: remove it, or mark translator notes in a way the project agrees on.
    The English line given is where the section stands relative to the English file (the next
    English heading).
    """
    pairs = ctx.alignment.pairs
    following = _next_sections(pairs, korean=False)
    for position, pair in enumerate(pairs):
        if pair.target is not None and pair.source is None and not pair.target.is_preamble:
            line, place = _insert_point(following[position], ctx.source.line_count)
            yield Hit(
                f"Korean section {describe(pair.target)!r} translates no English section (it "
                f"stands where English has nothing, {place}): remove it, or make it follow the "
                "English section it was meant to translate",
                ctx.at_source(line),
                ctx.at_target(pair.target.line),
            )


@rule("TC103", "heading-level-mismatch", Severity.WARNING)
def heading_level_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """Aligned headings differ in level (## versus ###), which changes the table of contents.

    Bad:  en `### Prefill` ↔ ko `## Prefill`.
    Good: en `### Prefill` ↔ ko `### 프리필`.
    """
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        if pair.source.level != pair.target.level and not pair.source.is_preamble:
            wanted = f"{'#' * pair.source.level} {pair.target.title}"
            yield Hit(
                f"Korean heading {describe(pair.target)!r} is level {pair.target.level} but its "
                f"English source {describe(pair.source)!r} is level {pair.source.level}: "
                f"write {wanted!r}",
                ctx.at_source(pair.source.line),
                ctx.at_target(pair.target.line),
            )


@rule("TC104", "section-order", Severity.WARNING)
def section_order(ctx: PairContext) -> Iterator[Hit]:
    """A Korean section appears at a different place than its English source section.

    Bad:  en `## A`, `## B` ↔ ko `## B'`, `## A'`.
    Good: the Korean sections in the English order.
    """
    for pair in ctx.alignment.matched:
        if pair.moved:
            assert pair.source is not None and pair.target is not None
            yield Hit(
                f"Korean section {describe(pair.target)!r} (translating "
                f"{describe(pair.source)!r}) is out of order: {_where_it_belongs(ctx, pair)}",
                ctx.at_source(pair.source.line),
                ctx.at_target(pair.target.line),
            )


def _where_it_belongs(ctx: PairContext, pair: SectionPair) -> str:
    """'move it after <the Korean translation of the English section before it>'."""
    assert pair.source is not None
    for english in reversed(ctx.source.sections[: pair.source.index]):
        korean = ctx.alignment.target_of.get(english.index)
        if korean is not None and english.index not in ctx.alignment.moved_sources:
            if english.is_preamble:
                break
            return (
                f"in English it follows {describe(english)!r}, so move it after "
                f"{describe(ctx.target.sections[korean])!r}"
            )
    return "in English it comes before all the other sections, so move it to the start"


TRANSLATION_MISSING = declare(
    "TC105",
    "translation-missing",
    Severity.INFO,
    """An English file has no Korean file.

    Bad:  en/gpus.md exists, ko/gpus.md does not.
    Good: ko/gpus.md, or a pairing pattern in the config when Korean files are named differently.
    """,
)

SOURCE_MISSING = declare(
    "TC106",
    "source-missing",
    Severity.WARNING,
    """A Korean file has no English source file.

    Bad:  ko/old-chapter.md remains after en/old-chapter.md was removed or renamed.
    Good: rename or remove the Korean file to follow the English tree.
    """,
)
