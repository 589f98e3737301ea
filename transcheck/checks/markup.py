"""Markup rule (TC604): Liquid tags, Distill elements and HTML tags survive translation.

Tags are compared per aligned section by name and by their non-text attributes (class, id, key,
style, markdown, …). Text attributes (caption, alt, title, the summary of ``{% details %}``) may
be translated. URLs (href, src, a figure's path) belong to the link and image rules, which apply
the link rewrites, so they are not compared here. ``{% details %}`` blocks must be closed. The
other dialects' tags are compared the same way: Hugo shortcodes (``text=`` may be translated), MDX
components and their props, kramdown attribute lists, footnote labels and alert types.
"""

from __future__ import annotations

from collections.abc import Iterator

from transcheck.checks.blockmatch import korean_line, match_items, section_blocks
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.model import Document, Markup

TEXT_ATTRIBUTES = frozenset(
    {"alt", "title", "caption", "aria-label", "placeholder", "summary", "text", "label"}
)
LINK_ATTRIBUTES = frozenset({"href", "src", "srcset", "path"})
_TEXT_ARGUMENT = frozenset({"details"})  # Liquid tags whose bare argument is prose
_CLOSERS = {"enddetails": "details"}


def signature(tag: Markup) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """What must be equal: kind, name and the attributes that are neither text nor URLs."""
    kept = tuple(
        (key, " ".join(value.split()))
        for key, value in tag.attrs
        if key not in TEXT_ATTRIBUTES
        and key not in LINK_ATTRIBUTES
        and not (key == "" and tag.name in _TEXT_ARGUMENT)
    )
    return tag.kind, tag.name, kept


def show(tag: Markup) -> str:
    """A tag as a reviewer would write it, with its compared attributes."""
    _, name, attrs = signature(tag)
    text = " ".join(value if not key else f'{key}="{value}"' for key, value in attrs)
    body = f"{name} {text}".strip()
    if tag.kind == "liquid":
        return f"{{% {body} %}}"
    if tag.kind == "shortcode":
        return f"{{{{< {body} >}}}}"
    if tag.kind == "kramdown":
        return f"{{: {text}}}" if name == "ial" else f"{{: {body}}}"
    if tag.kind == "footnote":
        return f"[^{tag.attr('label')}]" + (":" if name == "definition" else "")
    if tag.kind == "admonition":
        kind = tag.attr("type") or ""
        return f"> [!{kind.upper()}]" if name == "alert" else f":::{kind}"
    return f"<{body}>"


def _linked(tag: Markup) -> bool:
    """A tag whose identity is a URL: its absence is reported by the link or image rules."""
    return any(key in LINK_ATTRIBUTES for key, _ in tag.attrs)


def _compared(tags: tuple[Markup, ...]) -> list[Markup]:
    """The tags compared between sections: closing Liquid tags are left to the balance check."""
    return [tag for tag in tags if not (tag.kind == "liquid" and tag.name in _CLOSERS)]


@rule(
    "TC604",
    "markup-mismatch",
    Severity.ERROR,
    example=Example(
        en="""\
            ZeRO shards the optimizer state.<d-cite key="rajbhandari2020zero"></d-cite>
            """,
        ko="""\
            ZeRO는 optimizer state를 샤딩합니다.<d-cite key="zero2020"></d-cite>
            """,
    ),
)
def markup_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """Liquid, Distill or HTML markup of the English section differs in the Korean section.

    Bad:  en `<d-cite key="rajbhandari2020zero"></d-cite>` ↔ ko `<d-cite key="zero2020"></d-cite>`.
    Good: the same tags and attributes; captions, alt and title text may be translated.
    Hugo shortcodes, MDX components, kramdown attribute lists, footnote labels and alert types
    are markup too: en `{{< note >}}` ↔ ko `{{< caution >}}` is reported.
    """
    for section in section_blocks(ctx):
        match = match_items(
            section.blocks,
            lambda b: _compared(b.markup),
            lambda b: _compared(b.markup),
            lambda en, ko: signature(en) == signature(ko),
        )
        extra = [placed.item for placed in match.extra]
        for placed in match.missing:
            en = placed.item
            ko = next((k for k in extra if (k.kind, k.name) == (en.kind, en.name)), None)
            if ko is not None:
                extra.remove(ko)
                yield Hit(
                    f"markup changed: English {show(en)}, Korean {show(ko)}",
                    ctx.at_source(en.line),
                    ctx.at_target(ko.line),
                )
            elif not _linked(en):
                yield Hit(
                    f"{show(en)} is missing from the Korean section {describe(section.target)!r}",
                    ctx.at_source(en.line),
                    ctx.at_target(korean_line(placed.block, section.target, en.line)),
                )
        for ko in extra:
            if not _linked(ko):
                yield Hit(
                    f"{show(ko)} is not in the English section {describe(section.source)!r}",
                    ctx.at_source(section.source.line),
                    ctx.at_target(ko.line),
                )
    yield from _unbalanced(ctx, ctx.target)


def _unbalanced(ctx: PairContext, document: Document) -> Iterator[Hit]:
    """Korean ``{% details %}`` left open or ``{% enddetails %}`` with nothing to close."""
    open_tags: list[Markup] = []
    for section in document.sections:
        for tag in section.markup:
            if tag.kind != "liquid":
                continue
            if tag.name in _CLOSERS.values():
                open_tags.append(tag)
            elif tag.name in _CLOSERS:
                if open_tags and open_tags[-1].name == _CLOSERS[tag.name]:
                    open_tags.pop()
                else:
                    yield Hit(
                        f"{{% {tag.name} %}} closes nothing: no {{% {_CLOSERS[tag.name]} %}} "
                        "is open here",
                        target=ctx.at_target(tag.line),
                    )
    for tag in open_tags:
        yield Hit(
            f"{{% {tag.name} %}} is never closed: add {{% end{tag.name} %}} as in English",
            target=ctx.at_target(tag.line),
        )
