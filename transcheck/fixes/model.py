"""Fixes: text edits a rule proposes on the Korean file, placed at exact lines and columns.

A rule that knows the replacement asks ``PairContext.fix`` for a Fix: on a Korean line, the
text ``old`` becomes ``new`` (a Replacement). The Replacement is placed on the file's text as it
was read for the check: lines are numbered as the parser numbers them (1-based, front matter
counted, CRLF or a lone CR ends a line like LF) and columns count Unicode code points of the
original line (as decoded from UTF-8, BOM dropped, *not* NFC-normalized), 1-based, the end column
exclusive (as SARIF's ``endColumn``). ``old`` must occur exactly once on its line as a whole
token (not inside a longer URL or word; occurrences may overlap: ``$x$`` is twice in ``$$x$$``);
otherwise the fix is ambiguous and there is none.

A fix is ``safe`` when it cannot change what the page means (an anchor id, a link to a page that
exists, a math delimiter) and ``unsafe`` when it needs a look (a URL the English changed): ruff's
model. Each fix also records the SHA-256 of the file's bytes as read, so a file edited between
the check and the fix is refused rather than corrupted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from transcheck.digests import sha256_hex
from transcheck.records import record

NEWLINE = re.compile(r"\r\n|\r|\n")
# Characters that cannot continue a URL, path or word: a match of ``old`` must be bounded by
# one of them (or the line's ends) wherever ``old`` itself starts or ends with a token character.
_BOUNDARY = frozenset(" \t()[]<>\"'`{}|")


class Safety(StrEnum):
    """Whether ``--fix`` applies a fix (safe) or only ``--unsafe-fixes`` does (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@record(slots=True, eq=True)
class Replacement:
    """What a rule asks: on Korean line ``line`` (1-based), write ``new`` instead of ``old``.

    ``whole``: ``old`` must stand as a whole token (a URL, a path); False when ``old`` carries
    its own delimiters (``$x$``) and may touch the words around it.
    """

    line: int
    old: str
    new: str
    whole: bool = True


@record(slots=True, eq=True)
class Edit:
    """One exact edit: the text from (line, column) up to (end_line, end_column), end column
    exclusive, 1-based code points of the original lines, becomes ``text``; ``old`` is the text
    it replaces (so a reader can show and check it)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    old: str

    def overlaps(self, other: Edit) -> bool:
        """Whether the two edits touch a common character (or insert at the same place)."""
        start, end = (self.line, self.column), (self.end_line, self.end_column)
        other_start, other_end = (other.line, other.column), (other.end_line, other.end_column)
        if start == end or other_start == other_end:
            return other_start <= start <= other_end or start <= other_start <= end
        return start < other_end and other_start < end

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the range, the text it replaces and the text it writes."""
        return {
            "start": {"line": self.line, "column": self.column},
            "end": {"line": self.end_line, "column": self.end_column},
            "old": self.old,
            "new": self.text,
        }


@record(slots=True, eq=True)
class Fix:
    """The edits that resolve one finding, with a safety label, a short description, the
    original text of every line they touch (``before``: (line, text) pairs, for formats that
    show or suggest whole lines) and the digest of the file as it was checked."""

    description: str
    safety: Safety
    edits: tuple[Edit, ...]
    before: tuple[tuple[int, str], ...]
    digest: str

    @property
    def safe(self) -> bool:
        """True when ``--fix`` applies it without ``--unsafe-fixes``."""
        return self.safety is Safety.SAFE

    def after(self) -> tuple[tuple[int, str], ...]:
        """The touched lines as they read once the fix is applied (single-line edits)."""
        lines = dict(self.before)
        for edit in sorted(self.edits, key=lambda e: e.column, reverse=True):
            text = lines[edit.line]
            lines[edit.line] = text[: edit.column - 1] + edit.text + text[edit.end_column - 1 :]
        return tuple(sorted(lines.items()))

    def utf8_column(self, line: int, column: int) -> int:
        """``column`` of a touched ``line`` counted in UTF-8 bytes, 1-based (reviewdog's unit)."""
        text = dict(self.before)[line]
        return len(text[: column - 1].encode("utf-8")) + 1

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: description, safety ("safe"/"unsafe") and the edits."""
        return {
            "description": self.description,
            "safety": self.safety.value,
            "edits": [edit.to_dict() for edit in self.edits],
        }


def digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes, as a fix records it."""
    return sha256_hex(data)


def split_lines(text: str) -> list[str]:
    """Decoded text as lines numbered as the parser numbers them, without their line ends."""
    # Each file read is split: most end their lines with "\n" alone, which str.split splits at
    # several times faster than the pattern does.
    return NEWLINE.split(text) if "\r" in text else text.split("\n")


def _token(char: str) -> bool:
    return char not in _BOUNDARY and not char.isspace()


def _bounded(line: str, start: int, old: str) -> bool:
    """Whether ``old`` at ``start`` of ``line`` is a whole token, not part of a longer one."""
    end = start + len(old)
    if _token(old[0]) and start > 0 and _token(line[start - 1]):
        return False
    return not (_token(old[-1]) and end < len(line) and _token(line[end]))


@record
class SourceText:
    """The Korean file as it was read for the check: its lines and the digest of its bytes."""

    lines: tuple[str, ...]
    digest: str

    @classmethod
    def of(cls, data: bytes, text: str) -> SourceText:
        """From the bytes read and their decoded text (BOM already dropped)."""
        return cls(tuple(split_lines(text)), digest(data))

    def place(self, replacement: Replacement) -> Edit | None:
        """The exact edit of ``replacement``, or None when ``old`` is not on its line exactly
        once as a whole token, or spans a line break."""
        old, new = replacement.old, replacement.new
        if not old or old == new or NEWLINE.search(old + new):
            return None
        if not 1 <= replacement.line <= len(self.lines):
            return None
        line = self.lines[replacement.line - 1]
        found = [
            m.start()
            for m in re.finditer(f"(?={re.escape(old)})", line)
            if not replacement.whole or _bounded(line, m.start(), old)
        ]
        if len(found) != 1:
            return None
        column = found[0] + 1
        end = column + len(old)
        return Edit(replacement.line, column, replacement.line, end, new, old)

    def fix(
        self, description: str, safety: Safety, replacements: Sequence[Replacement]
    ) -> Fix | None:
        """A Fix placing every replacement, or None when any of them cannot be placed exactly
        or two of them overlap."""
        edits: list[Edit] = []
        for replacement in replacements:
            edit = self.place(replacement)
            if edit is None or any(edit.overlaps(e) for e in edits):
                return None
            edits.append(edit)
        if not edits:
            return None
        touched = sorted({e.line for e in edits})
        before = tuple((n, self.lines[n - 1]) for n in touched)
        return Fix(description, safety, tuple(edits), before, self.digest)
