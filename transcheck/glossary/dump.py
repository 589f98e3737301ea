"""Writing glossary YAML by hand, so mined and imported entries carry review comments."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import yaml

from transcheck.glossary.model import Entry

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*")


def _reads_back(text: str) -> bool:
    """Whether ``text`` written plain loads as the same string (not a bool, number, date…)."""
    try:
        return bool(yaml.safe_load(f"x: {text}") == {"x": text})
    except (yaml.YAMLError, ValueError):
        return False


def _escaped(text: str) -> str:
    """``text`` with every character YAML cannot hold raw (controls, line and paragraph
    separators, BOM) written as a ``\\u`` escape; others, Hangul included, as they are."""
    return "".join(
        ch
        if ch.isprintable()
        else f"\\u{ord(ch):04x}"
        if ord(ch) <= 0xFFFF
        else f"\\U{ord(ch):08x}"
        for ch in text
    )


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that always reads back as the same string: plain when that is
    safe, else double-quoted with escapes (a CSV cell may hold newlines or control bytes)."""
    plain = (
        _PLAIN.fullmatch(text) is not None
        and text.isprintable()
        and text == text.strip()
        and _reads_back(text)
    )
    if plain:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # escapes quotes, backslashes and C0 controls
    return _escaped(quoted)


def _flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def entry_yaml(entry: Entry, comment: str = "") -> str:
    """One entry as a YAML list item (two-space indented), with an optional comment above it."""
    lines = [f"  # {_escaped(line)}" for line in comment.splitlines()]
    lines.append(f"  - term: {scalar(entry.term)}")
    if entry.forms:
        lines.append(f"    forms: {_flow(entry.forms)}")
    if entry.ko:
        lines.append(f"    ko: {_flow(entry.ko)}")
    if entry.preferred:
        lines.append(f"    preferred: {scalar(entry.preferred)}")
    if entry.forbidden:
        lines.append(f"    forbidden: {_flow(entry.forbidden)}")
    if entry.keep_english is not None:
        lines.append(f"    keep_english: {'true' if entry.keep_english else 'false'}")
    if entry.note:
        lines.append(f"    note: {scalar(entry.note)}")
    return "\n".join(lines) + "\n"


def glossary_yaml(entries: Sequence[tuple[Entry, str]], header: str) -> str:
    """A whole glossary file: a comment header, ``language: ko`` and the commented entries."""
    head = "".join(f"# {_escaped(line)}\n" if line else "#\n" for line in header.splitlines())
    body = "\n".join(entry_yaml(entry, comment) for entry, comment in entries)
    return f"{head}language: ko\nterms:\n{body}" if entries else f"{head}language: ko\nterms: []\n"
