"""Writing glossary YAML by hand, so mined and imported entries carry review comments."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from transcheck.glossary.model import Entry

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*")
_RESERVED = frozenset({"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"})


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same string, else quoted."""
    plain = (
        _PLAIN.fullmatch(text) is not None
        and text.isprintable()
        and text == text.strip()
        and text.lower() not in _RESERVED
        and not re.fullmatch(r"[-+.\d_eE]+", text)
    )
    return text if plain else _quoted(text)


def _quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escapes, and every character YAML does not accept
    raw (controls, line and paragraph separators) escaped too, so the file always loads."""
    return "".join(
        ch
        if ch.isprintable()
        else f"\\u{ord(ch):04x}"
        if ord(ch) < 0x10000
        else f"\\U{ord(ch):08x}"
        for ch in json.dumps(text, ensure_ascii=False)
    )


def _flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def entry_yaml(entry: Entry, comment: str = "") -> str:
    """One entry as a YAML list item (two-space indented), with an optional comment above it."""
    lines = [f"  # {line}" for line in comment.splitlines()]
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
    head = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    body = "\n".join(entry_yaml(entry, comment) for entry, comment in entries)
    return f"{head}language: ko\nterms:\n{body}" if entries else f"{head}language: ko\nterms: []\n"
