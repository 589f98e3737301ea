"""Image rule (TC206): figures and images keep their paths; captions and alt text may change."""

from __future__ import annotations

from collections.abc import Iterator

from transcheck.checks.linkmatch import korean_place, match_in_order
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity


@rule(
    "TC206",
    "image-mismatch",
    Severity.ERROR,
    example=Example(
        en="""\
            # Chips

            {% include figure.liquid path="assets/img/tpu-chip.png" caption="A TPU chip." %}
            """,
        ko="""\
            # 칩

            {% include figure.liquid path="assets/img/tpu-chip-ko.png" caption="TPU 칩." %}
            """,
    ),
)
def image_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """An image or figure path differs between aligned sections (captions may be translated).

    Bad:  en `{% include figure.liquid path="assets/img/tpu-chip.png" … %}` ↔
          ko `{% include figure.liquid path="assets/img/tpu-chip-ko.png" … %}`.
    Good: the same path, with a Korean caption.
    A missing image is reported at the Korean block that translates the English block around
    it, or where it would be inserted.
    """
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        _, missing, extra = match_in_order(
            pair.source.images, pair.target.images, lambda en, ko: en.url == ko.url
        )
        while missing and extra:
            en, ko = missing.pop(0), extra.pop(0)
            yield Hit(
                f"the Korean image path {ko.url!r} should be {en.url!r} as in English "
                "(translate the caption or alt text, keep the path)",
                ctx.at_source(en.line),
                ctx.at_target(ko.line),
            )
        for en in missing:
            yield Hit(
                f"the English image {en.url!r} is missing from the Korean section "
                f"{describe(pair.target)!r}: include it with the same path and a translated "
                "caption",
                ctx.at_source(en.line),
                ctx.at_target(korean_place(ctx, pair.source, pair.target, en.line)),
            )
        for ko in extra:
            yield Hit(
                f"the Korean image {ko.url!r} is not in the English section "
                f"{describe(pair.source)!r}: remove it unless the addition is intended",
                ctx.at_source(pair.source.line),
                ctx.at_target(ko.line),
            )
