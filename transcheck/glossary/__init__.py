"""Glossaries: load and validate YAML term lists, and find their terms in English and Korean prose.

The command-line commands live in ``transcheck.glossary.commands`` (imported by the CLI only).
The names below are imported on first use: the CLI imports the commands at every start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from transcheck.lazy import exports

if TYPE_CHECKING:
    from transcheck.glossary.active import active_matcher, glossary_files
    from transcheck.glossary.load import GlossaryError, Problem, load_glossaries, read_glossary
    from transcheck.glossary.matcher import Kind, Matcher, Occurrence
    from transcheck.glossary.model import Entry, Glossary, Policy
    from transcheck.glossary.scan import DocumentTerms, Mention, scan_document, source_lines
    from transcheck.glossary.shipped import shipped_path

_HOMES = {
    "DocumentTerms": "transcheck.glossary.scan",
    "Entry": "transcheck.glossary.model",
    "Glossary": "transcheck.glossary.model",
    "GlossaryError": "transcheck.glossary.load",
    "Kind": "transcheck.glossary.matcher",
    "Matcher": "transcheck.glossary.matcher",
    "Mention": "transcheck.glossary.scan",
    "Occurrence": "transcheck.glossary.matcher",
    "Policy": "transcheck.glossary.model",
    "Problem": "transcheck.glossary.load",
    "active_matcher": "transcheck.glossary.active",
    "glossary_files": "transcheck.glossary.active",
    "load_glossaries": "transcheck.glossary.load",
    "read_glossary": "transcheck.glossary.load",
    "scan_document": "transcheck.glossary.scan",
    "shipped_path": "transcheck.glossary.shipped",
    "source_lines": "transcheck.glossary.scan",
}
__getattr__ = exports(__name__, _HOMES)

__all__ = [
    "DocumentTerms",
    "Entry",
    "Glossary",
    "GlossaryError",
    "Kind",
    "Matcher",
    "Mention",
    "Occurrence",
    "Policy",
    "Problem",
    "active_matcher",
    "glossary_files",
    "load_glossaries",
    "read_glossary",
    "scan_document",
    "shipped_path",
    "source_lines",
]
