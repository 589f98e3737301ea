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


def _next_target_line(pairs: tuple[SectionPair, ...], position: int, fallback: int) -> int:
    """Where a missing section would go in the Korean file: the next Korean heading, or the end."""
    for pair in pairs[position + 1 :]:
        if pair.target is not None:
            return pair.target.line
    return fallback


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
    for position, pair in enumerate(pairs):
        if pair.source is not None and pair.target is None and not pair.source.is_preamble:
            where = _next_target_line(pairs, position, ctx.target.line_count)
            yield Hit(
                f"section {describe(pair.source)!r} is not translated: no Korean section "
                "aligns with it (it would go before this line)",
                ctx.at_source(pair.source.line),
                ctx.at_target(where),
            )


@rule("TC102", "section-extra", Severity.WARNING)
def section_extra(ctx: PairContext) -> Iterator[Hit]:
    """A Korean section has no English source.

    Bad:  ko `## 역자 주` with no English section it translates.
    Good: remove it, or mark translator notes in a way the project agrees on.
    """
    for pair in ctx.alignment.pairs:
        if pair.target is not None and pair.source is None and not pair.target.is_preamble:
            yield Hit(
                f"section {describe(pair.target)!r} has no English source section",
                target=ctx.at_target(pair.target.line),
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
            yield Hit(
                f"heading level {pair.target.level} in Korean, {pair.source.level} in English "
                f"({describe(pair.source)!r})",
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
                f"section {describe(pair.target)!r} is out of order: its English source "
                f"{describe(pair.source)!r} stands elsewhere in the English file",
                ctx.at_source(pair.source.line),
                ctx.at_target(pair.target.line),
            )


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
