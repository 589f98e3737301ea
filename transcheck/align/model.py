"""The alignment of two documents: pairs of sections, with a score and a moved flag."""

from __future__ import annotations

from collections.abc import Mapping

from transcheck.model import Document, Section
from transcheck.records import cached_property, record


@record
class SectionPair:
    """An English section and its Korean counterpart; a missing side is None.

    ``score`` is the alignment confidence in [0, 1]; ``moved`` marks a pair found out of order.
    """

    source: Section | None
    target: Section | None
    score: float
    moved: bool


@record
class Alignment:
    """All section pairs of two documents, in reading order of the Korean file."""

    source: Document
    target: Document
    pairs: tuple[SectionPair, ...]

    @cached_property
    def target_of(self) -> Mapping[int, int]:
        """English section index -> aligned Korean section index."""
        return {
            p.source.index: p.target.index
            for p in self.pairs
            if p.source is not None and p.target is not None
        }

    @cached_property
    def source_of(self) -> Mapping[int, int]:
        """Korean section index -> aligned English section index."""
        return {ko: en for en, ko in self.target_of.items()}

    @cached_property
    def moved_sources(self) -> frozenset[int]:
        """English section indexes whose Korean counterpart stands out of order."""
        return frozenset(p.source.index for p in self.pairs if p.moved and p.source is not None)

    @property
    def matched(self) -> tuple[SectionPair, ...]:
        """The pairs with both sides present."""
        return tuple(p for p in self.pairs if p.source is not None and p.target is not None)
