"""Glossaries: load and validate YAML term lists, and find their terms in English and Korean prose.

The command-line commands live in ``transcheck.glossary.commands`` (imported by the CLI only).
"""

from transcheck.glossary.active import active_matcher, glossary_files, shipped_path
from transcheck.glossary.load import GlossaryError, Problem, load_glossaries, read_glossary
from transcheck.glossary.matcher import Kind, Matcher, Occurrence
from transcheck.glossary.model import Entry, Glossary, Policy
from transcheck.glossary.scan import DocumentTerms, Mention, scan_document, source_lines

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
