"""Git merge conflicts left in a file: ``<<<<<<< ours`` … ``=======`` … ``>>>>>>> theirs``.

Translation repositories merge their upstream often, and a conflict committed by mistake is a
common defect. Read as Markdown, the text above ``=======`` becomes a setext heading: a section
that does not exist, and every block after it is misplaced. Here the three marker lines are read
as what they are: the first side (``ours``, the branch the merge was made on: the translation)
is parsed as Markdown in place, the second side (and a diff3 ``|||||||`` base) is skipped, and
the conflict is recorded with its lines (see ``conflicts_of``). Marker lines need the full
triple in order; a lone ``=======`` stays Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.ruler import RuleOptionsType
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from transcheck.lazy import compiled
from transcheck.model import Conflict
from transcheck.parse.linemarks import line_text

# The marker lines, and their patterns compiled on first use: only a line that starts with
# <<<<<<< reaches them.
_OPENER_LINE, _MIDDLE_LINE, _CLOSER_LINE = r"<{7}(?: .*)?", r"={7}", r">{7}(?: .*)?"
_OPENER = compiled(_OPENER_LINE)
_BASE = compiled(r"\|{7}(?: .*)?")  # diff3 style: the common ancestor's text follows
_MIDDLE = compiled(_MIDDLE_LINE)
_CLOSER = compiled(_CLOSER_LINE)
_ANY_MARKER = compiled(rf"^(?:{_OPENER_LINE}|{_MIDDLE_LINE}|{_CLOSER_LINE})$", re.MULTILINE)
TOKEN = "merge_conflict"


def _find(state: StateBlock, pattern: re.Pattern[str], start: int, end: int) -> int:
    """The first line of ``start``..``end`` that ``pattern`` matches whole, or -1."""
    return next((n for n in range(start, end) if pattern.fullmatch(line_text(state, n))), -1)


def _conflict_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if not state.src.startswith("<<<<<<<", state.bMarks[start] + state.tShift[start]):
        return False
    if state.sCount[start] - state.blkIndent >= 4 or not _OPENER().fullmatch(
        line_text(state, start)
    ):
        return False
    middle = _find(state, _MIDDLE(), start + 1, end)
    closer = _find(state, _CLOSER(), middle + 1, end) if middle >= 0 else -1
    if closer < 0:
        return False
    if silent:
        return True
    token = state.push(TOKEN, "", 0)
    token.map = [start, closer + 1]
    token.meta = {"middle": middle + 1}
    base = _find(state, _BASE(), start + 1, middle)
    kept = base if base >= 0 else middle
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = TOKEN
    state.lineMax = kept
    state.md.block.tokenize(state, start + 1, kept)
    state.parentType, state.lineMax = old_parent, old_max
    state.line = closer + 1
    return True


def first_marker(text: str) -> tuple[int, str] | None:
    """The first merge-conflict marker line of a text, with its offset in lines: where a
    conflict left in text that is not Markdown (front matter, whose YAML it breaks) shows."""
    found = _ANY_MARKER().search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()), found.group().strip()


def conflict_plugin(md: MarkdownIt) -> None:
    """Read merge conflicts (see the module docstring); a conflict ends the paragraph above it."""
    interrupts: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    md.block.ruler.before("table", TOKEN, _conflict_rule, interrupts)


def conflicts_of(tokens: Iterable[Token]) -> tuple[Conflict, ...]:
    """The merge conflicts among block tokens, 1-based lines, in file order."""
    found = []
    for token in tokens:
        if token.type == TOKEN and token.map is not None:
            found.append(Conflict(token.map[0] + 1, int(token.meta["middle"]), token.map[1]))
    return tuple(found)
