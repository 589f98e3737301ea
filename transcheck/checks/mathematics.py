"""Math rules (TC601-TC602): formulas survive translation, and so do their ``$$`` delimiters.

Formulas are compared after removing white space; the argument of ``\\text{…}``, ``\\mathrm{…}``
and similar prose commands may be translated (tables of strategies in ``\\text{}`` are). Kramdown
renders ``$$…$$`` as math, inline or displayed; ``$…$`` is left to MathJax page settings, so a
formula the English writes with ``$$`` must keep it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz

from transcheck.align.blocks import BlockPair
from transcheck.checks.blockmatch import (
    ItemMatch,
    Placed,
    SectionBlocks,
    korean_line,
    match_items,
    section_blocks,
)
from transcheck.checks.edits import double_dollars
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.config import RULE_OPTIONS
from transcheck.counted import clipped
from transcheck.findings import Severity
from transcheck.lazy import compiled
from transcheck.model import Math

# Compiled on first use: only chapters with formulas reach them.
_PROSE_COMMAND = compiled(r"\\(?:text|mathrm|textrm|textbf|textit|textsf|mbox|operatorname)\s*\{")
_SHOWN = 60  # characters of a formula shown in a message
_TOKEN = compiled(r"\\[A-Za-z]+|[A-Za-z]+|\d+(?:\.\d+)?|\S")

RULE_OPTIONS["math"] = {"single_dollar": "auto"}  # does the site render $…$? auto, always, never


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
    for match in _PROSE_COMMAND().finditer(text):
        if match.start() < position:
            continue  # inside a prose argument already blanked
        out.append(text[position : match.end()])
        position = _close_brace(text, match.end())
    out.append(text[position:])
    return "".join("".join(out).split())


def _same(en: Math, ko: Math) -> bool:
    """Whether two formulas are the same once normalized (a formula the Korean kept as written,
    most of them, is the same without being normalized)."""
    return en.text == ko.text or normalize_math(en.text) == normalize_math(ko.text)


def _show(formula: Math) -> str:
    """A formula for a message, with its delimiters, clipped."""
    text = " ".join(formula.text.split())
    text = clipped(text, _SHOWN)
    opener, closer = {"$": ("$", "$"), "$$": ("$$", "$$")}.get(formula.delimiter, ("$$", "$$"))
    return f"{opener}{text}{closer}"


def math_matches(ctx: PairContext) -> list[ItemMatch[Math, Math]]:
    """Formula matching of every section pair (block by block, then nearby blocks), once."""

    def compute() -> list[ItemMatch[Math, Math]]:
        """Match the formulas of every section pair; a pair of sections holding none (most)
        matches nothing, told from the sections' gathered formulas without a look per block."""
        return [
            match_items(section, lambda b: b.math, lambda b: b.math, _same)
            if section.source.math or section.target.math
            else ItemMatch()
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
    for section, placed, closest in _differences(ctx):
        formula = placed.item
        if closest is not None:
            if _symbols_swapped(formula, closest.item, placed.block):
                continue  # source-math-corrected reports it, on the English side
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


Difference = tuple[SectionBlocks, Placed[Math], Placed[Math] | None]


def _differences(ctx: PairContext) -> list[Difference]:
    """Each English formula not found in Korean, with the Korean formula of its block it most
    likely became (None: none left there), once per pair."""

    def compute() -> list[Difference]:
        """Pair the leftovers of each block by similarity."""
        found: list[Difference] = []
        for section, match in zip(section_blocks(ctx), math_matches(ctx), strict=True):
            extra = list(match.extra)
            for placed in match.missing:
                near = [k for k in extra if k.block is placed.block]
                closest = None
                if near:
                    closest = max(near, key=lambda k: fuzz.ratio(placed.item.text, k.item.text))
                    extra.remove(closest)
                found.append((section, placed, closest))
        return found

    return ctx.cached("math-differences", compute)  # type: ignore[no-any-return]


def _symbols(formulas: Iterable[Math]) -> set[str]:
    """The names (single letters and words, not commands or numbers) of some formulas."""
    return {
        token for formula in formulas for token in _TOKEN().findall(formula.text) if token.isalpha()
    }


def _symbols_swapped(en: Math, ko: Math, pair: BlockPair) -> bool:
    """Whether the Korean formula differs from the English one only by putting names of the
    paragraph's own formulas in other places, leaving the paragraph's names as they are: the
    mark of a translator fixing a slip of the English (tile sizes ``bm, bk, bm`` written
    ``bm, bk, bn``), rather than of a changed formula, which brings in a number or a name."""
    en_tokens = _TOKEN().findall(en.text)
    ko_tokens = _TOKEN().findall(ko.text)
    if len(en_tokens) != len(ko_tokens) or pair.source is None or pair.target is None:
        return False
    changed = [(a, b) for a, b in zip(en_tokens, ko_tokens, strict=True) if a != b]
    return (
        bool(changed)
        and all(a.isalpha() and b.isalpha() for a, b in changed)
        and len(pair.source.math) > 1
        and _symbols(pair.source.math) == _symbols(pair.target.math)
    )


@rule(
    "TC606",
    "source-math-corrected",
    Severity.INFO,
    example=Example(
        en="""\
            Tiles of sizes $bm$, $bk$, $bm$ give $bm \\cdot bn$ FLOPs.
            """,
        ko="""\
            타일 크기 $bm$, $bk$, $bn$은 $bm \\cdot bn$ FLOP을 줍니다.
            """,
    ),
)
def source_math_corrected(ctx: PairContext) -> Iterator[Hit]:
    """The Korean seems to correct a slip in an English formula: a defect of the source.

    Bad:  en `tile sizes $bm$, $bk$, $bm$` ↔ ko `타일 크기 $bm$, $bk$, $bn$` (the English
          repeats bm where the paragraph's other formulas use bn).
    Good: fix the English source; the Korean may keep its correction. A formula whose Korean
    differs only by putting the paragraph's own names in other places is reported here, on
    the English side, instead of as `math-changed`.
    """
    for _, placed, closest in _differences(ctx):
        if closest is not None and _symbols_swapped(placed.item, closest.item, placed.block):
            yield Hit(
                f"English source: formula {_show(placed.item)} looks like a slip that the "
                f"Korean corrects as {_show(closest.item)}; fix the English source",
                ctx.at_source(placed.item.line),
                ctx.at_target(closest.item.line),
            )


def _single_dollar_renders(ctx: PairContext) -> bool:
    """Whether the site renders ``$…$`` as math: ``math.single_dollar`` says so (``always`` or
    ``never``), or, left at ``auto``, the English page itself writes single-dollar math."""
    setting = str(ctx.config.option("math", "single_dollar")).lower()
    if setting in ("always", "never"):
        return setting == "always"
    return any(
        formula.delimiter == "$" for section in ctx.source.sections for formula in section.math
    )


def _lost_dollars(ctx: PairContext, inline: bool) -> Iterator[Hit]:
    """Formulas written ``$$…$$`` in English and ``$…$`` in Korean: those displayed in their
    own block (``inline`` False), or those inline in a sentence (``inline`` True)."""
    for match in math_matches(ctx):
        for en, ko in match.found:
            if en.item.delimiter == "$" or ko.item.delimiter != "$":
                continue
            if (en.item.delimiter == "$$") == inline:
                yield Hit(
                    f"formula {_show(en.item)} lost a dollar sign: Korean writes "
                    f"{_show(ko.item)}; write $$…$$ as in English",
                    ctx.at_source(en.item.line),
                    ctx.at_target(ko.item.line),
                    fix=double_dollars(ctx, ko.item),
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
    Where the site renders `$…$` too (the English page writes single-dollar math, or
    `math.single_dollar: always`), an inline formula is `math-delimiter-style` (info) instead;
    a displayed formula written inline is reported here either way.
    `--fix` writes the formula with `$$` (safe: a delimiter repair).
    """
    yield from _lost_dollars(ctx, inline=False)
    if not _single_dollar_renders(ctx):
        yield from _lost_dollars(ctx, inline=True)


@rule(
    "TC607",
    "math-delimiter-style",
    Severity.INFO,
    example=Example(
        en="""\
            The size $B$ gives $$2 \\cdot B$$ FLOPs.
            """,
        ko="""\
            크기 $B$는 $2 \\cdot B$ FLOP을 줍니다.
            """,
    ),
)
def math_delimiter_style(ctx: PairContext) -> Iterator[Hit]:
    """An inline ``$$…$$`` formula is ``$…$`` in Korean, on a site that renders both.

    Bad:  en `The size $B$ gives $$2 \\cdot B$$ FLOPs.` ↔ ko `… $2 \\cdot B$ FLOP을 줍니다.`
    Good: the English delimiters, though the page renders the same: this is information only.
    `--fix` writes the formula with `$$` (safe).
    """
    if _single_dollar_renders(ctx):
        yield from _lost_dollars(ctx, inline=True)
