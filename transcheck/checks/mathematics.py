"""Math rules (TC601-TC602): formulas survive translation, and so do their ``$$`` delimiters.

Formulas are compared after removing white space; the argument of ``\\text{…}``, ``\\mathrm{…}``
and similar prose commands may be translated (tables of strategies in ``\\text{}`` are). Kramdown
renders ``$$…$$`` as math, inline or displayed; ``$…$`` is left to MathJax page settings, so a
formula the English writes with ``$$`` must keep it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from transcheck.checks.blockmatch import ItemMatch, korean_line, match_items, section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.model import Math

_PROSE_COMMAND = re.compile(r"\\(?:text|mathrm|textrm|textbf|textit|textsf|mbox|operatorname)\s*\{")
_SHOWN = 60  # characters of a formula shown in a message


def _close_brace(text: str, start: int) -> int:
    """Index of the ``}`` closing the group opened just before ``start`` (or the end)."""
    depth = 1
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def normalize_math(text: str) -> str:
    """A formula without white space, with the arguments of prose commands blanked out."""
    out: list[str] = []
    position = 0
    for match in _PROSE_COMMAND.finditer(text):
        if match.start() < position:
            continue  # inside a prose argument already blanked
        out.append(text[position : match.end()])
        position = _close_brace(text, match.end())
    out.append(text[position:])
    return "".join("".join(out).split())


def _same(en: Math, ko: Math) -> bool:
    """Whether two formulas are the same once normalized."""
    return normalize_math(en.text) == normalize_math(ko.text)


def _show(formula: Math) -> str:
    """A formula for a message, with its delimiters, clipped."""
    text = " ".join(formula.text.split())
    text = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
    opener, closer = {"$": ("$", "$"), "$$": ("$$", "$$")}.get(formula.delimiter, ("$$", "$$"))
    return f"{opener}{text}{closer}"


def math_matches(ctx: PairContext) -> list[ItemMatch[Math, Math]]:
    """Formula matching of every section pair (block by block, then nearby blocks), once."""

    def compute() -> list[ItemMatch[Math, Math]]:
        """Match the formulas of every section pair."""
        return [
            match_items(section.blocks, lambda b: b.math, lambda b: b.math, _same)
            for section in section_blocks(ctx)
        ]

    return ctx.cached("math", compute)  # type: ignore[no-any-return]


@rule(
    "TC601",
    "math-changed",
    Severity.ERROR,
    example=Example(
        en="""\
            ## Cost

            The time is

            $$T = 2BD / W$$

            seconds.
            """,
        ko="""\
            ## 비용

            시간은

            $$T = 2BD / W_{ici}$$

            초입니다.
            """,
    ),
)
def math_changed(ctx: PairContext) -> Iterator[Hit]:
    """A formula of the English section is changed or missing in the aligned Korean section.

    Bad:  en `$$T = 2BD / W$$` ↔ ko `$$T = 2BD / W_{ici}$$`.
    Good: ko `$$T = 2BD / W$$`; prose inside `\\text{…}` or `\\mathrm{…}` may be translated.
    """
    for section, match in zip(section_blocks(ctx), math_matches(ctx), strict=True):
        extra = list(match.extra)
        for placed in match.missing:
            formula = placed.item
            near = [k for k in extra if k.block is placed.block]
            if near:
                closest = max(near, key=lambda k: fuzz.ratio(formula.text, k.item.text))
                extra.remove(closest)
                yield Hit(
                    f"formula changed: English {_show(formula)}, Korean {_show(closest.item)}; "
                    "keep the math as written (only \\text{…} may be translated)",
                    ctx.at_source(formula.line),
                    ctx.at_target(closest.item.line),
                )
            else:
                korean = placed.block.target.text if placed.block.target else ""
                plain = " ".join(formula.text.split())
                hint = "; the Korean writes it as plain text" if plain and plain in korean else ""
                yield Hit(
                    f"formula {_show(formula)} is missing from the Korean section "
                    f"{describe(section.target)!r}{hint}: keep it as math",
                    ctx.at_source(formula.line),
                    ctx.at_target(korean_line(placed.block, section.target, formula.line)),
                )


@rule(
    "TC602",
    "math-delimiter",
    Severity.ERROR,
    example=Example(
        en="""\
            A total of $$2 \\cdot 8 = 16$$ FLOPs.
            """,
        ko="""\
            총 $2 \\cdot 8 = 16$ FLOP입니다.
            """,
    ),
)
def math_delimiter(ctx: PairContext) -> Iterator[Hit]:
    """A formula written ``$$…$$`` in English is written ``$…$`` in Korean, so it may not render.

    Bad:  en `A total of $$2 \\cdot 8 = 16$$ FLOPs.` ↔ ko `총 $2 \\cdot 8 = 16$ FLOP입니다.`
    Good: ko `총 $$2 \\cdot 8 = 16$$ FLOP입니다.` (kramdown renders only `$$` as math).
    """
    for match in math_matches(ctx):
        for en, ko in match.found:
            if en.item.delimiter != "$" and ko.item.delimiter == "$":
                yield Hit(
                    f"formula {_show(en.item)} lost a dollar sign: Korean writes "
                    f"{_show(ko.item)}; write $$…$$ as in English",
                    ctx.at_source(en.item.line),
                    ctx.at_target(ko.item.line),
                )
