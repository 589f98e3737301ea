"""Unclosed markup (TC605): a code fence, ``$$`` formula or HTML comment the Korean file opens
and never closes. Everything after it renders as code, math or nothing, so it is reported at the
opening line, where the fix goes. Only what the English counterpart section closes is reported:
a faithful copy of an English defect is the source's problem, not the translation's. (An open
``{% details %}`` is reported by markup-mismatch with the other Liquid tags.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.findings import Severity

_EFFECT = {
    "fence": "the code fence {marker} opened here is not closed where its code ends, so the text "
    "after the code renders as code: close it with {marker} as in English",
    "math": "the formula opened with $$ is never closed in its paragraph, so the text after it "
    "renders as math: add the closing $$ as in English",
    "comment": "the HTML comment <!-- is never closed, so the text after it is hidden: add --> "
    "as in English",
}


@rule(
    "TC605",
    "unclosed-markup",
    Severity.WARNING,
    example=Example(
        en="""\
            # Setup

            ```sh
            pip install transcheck
            ```

            Then run it.
            """,
        ko="""\
            # 설치

            ```sh
            pip install transcheck

            그다음 실행합니다.
            """,
    ),
)
def unclosed_markup(ctx: PairContext) -> Iterator[Hit]:
    """A code fence, ``$$`` formula or HTML comment is opened in Korean and never closed.

    Bad:  ko ```` ```sh ```` then `pip install transcheck` and no closing fence.
    Good: the closing ```` ``` ```` as in English; a fence English leaves open is not reported.
    """
    english: Counter[tuple[int | None, str]] = Counter(
        (ctx.source.section_at(item.line).index, item.kind) for item in ctx.source.unclosed
    )
    for item in ctx.target.unclosed:
        section = ctx.source_section_of(item.line)
        if english[(section, item.kind)] > 0:
            english[(section, item.kind)] -= 1
            continue
        yield Hit(
            _EFFECT[item.kind].format(marker=item.marker),
            ctx.at_source(ctx.source_heading_line(item.line)),
            ctx.at_target(item.line),
        )
