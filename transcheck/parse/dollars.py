"""The inline ``$…$`` / ``$$…$$`` math rule, replacing the one of mdit-py-plugins' dollarmath.

The plugin's rule reads "the character before the opening ``$``" as ``src[pos - 1]``, which at
the start of a run is the *last* character: ``$x$ costs 3`` was not math (the run ends in a digit)
and ``$$x$$ costs 3`` became ``$`` math around ``$x$``. This rule keeps the plugin's options as the
parser used them for ``$`` (no space inside, no digit outside, so ``$5 and $10`` stays text),
takes any ``$$…$$`` as kramdown does, and keeps the plugin's token types.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from transcheck.parse.positions import track_positions


def _escaped(src: str, pos: int) -> bool:
    """True when an odd number of backslashes precede ``pos``."""
    count = 0
    while pos - count - 1 >= 0 and src[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _closing(src: str, start: int, marker: str) -> int:
    """Offset of the first unescaped ``marker`` from ``start``, or -1."""
    end = src.find(marker, start)
    while end >= 0 and _escaped(src, end):
        end = src.find(marker, end + 1)
    return end


def math_inline_rule(state: StateInline, silent: bool) -> bool:
    """``$x$`` -> ``math_inline``, ``$$x$$`` -> ``math_inline_double``.

    ``$$…$$`` is math whatever it holds, as in kramdown. ``$…$`` (MathJax's inline form) must not
    have a space inside either ``$`` nor a digit outside, so prices stay text.
    """
    src, pos = state.src, state.pos
    if src[pos] != "$" or _escaped(src, pos):
        return False
    marker = "$$" if src.startswith("$$", pos) else "$"
    single = marker == "$"
    start = pos + len(marker)
    end = _closing(src, start, marker)
    after = end + len(marker)
    if end <= start or after > state.posMax or not src[start:end].strip():
        return False
    if single and (
        src[start].isspace()
        or src[end - 1].isspace()
        or (pos > 0 and src[pos - 1].isdigit())
        or (after < state.posMax and src[after].isdigit())
    ):
        return False
    if not silent:
        token = state.push("math_inline" if single else "math_inline_double", "math", 0)
        token.content = src[start:end]
        token.markup = marker
    state.pos = after
    return True


def use_math_inline_rule(md: MarkdownIt) -> None:
    """Put this rule in place of dollarmath's inline rule (call after ``md.use(dollarmath)``)."""
    md.inline.ruler.at("math_inline", math_inline_rule)


@lru_cache(maxsize=1)
def math_text_parser() -> MarkdownIt:
    """A parser that finds only math and line breaks: for text MathJax reads but kramdown does
    not parse as Markdown (raw HTML without ``markdown="1"``, figure captions)."""
    md = MarkdownIt("zero").enable(["newline"])
    md.inline.ruler.push("math_inline", math_inline_rule)
    track_positions(md)
    return md
