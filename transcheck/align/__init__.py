"""The align layer: which Korean section translates which English section."""

from transcheck.align.model import Alignment, SectionPair
from transcheck.align.sections import align_sections

__all__ = ["Alignment", "SectionPair", "align_sections"]
