"""Fixes: the edits rules propose on Korean files (model), and applying or diffing them."""

from transcheck.fixes.model import Edit, Fix, Replacement, Safety, SourceText

__all__ = ["Edit", "Fix", "Replacement", "Safety", "SourceText"]
