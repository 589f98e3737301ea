"""Link rules (TC2xx): links and images kept, changed or lost; anchors and targets that break.

Links are compared within aligned sections, after the config's rewrite rules turn an English URL
into the one the Korean side should have. In-page anchors are compared through the alignment:
``#appendix-b`` and ``#부록-b`` agree when they reach aligned headings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from transcheck.checks.registry import Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.links import normalize_fragment
from transcheck.model import Document, Link, Section

FUZZY_ANCHOR = 80  # rapidfuzz score for guessing the heading a broken English anchor meant


@dataclass(frozen=True)
class LinkMatch:
    """The outcome of comparing one section pair's links (or images)."""

    source_section: Section | None
    target_section: Section | None
    pairs: tuple[tuple[Link, Link], ...]
    missing: tuple[Link, ...]
    extra: tuple[Link, ...]


def match_in_order(
    english: Sequence[Link], korean: Sequence[Link], equal: Callable[[Link, Link], bool]
) -> tuple[list[tuple[Link, Link]], list[Link], list[Link]]:
    """Pair each English item with the first unpaired Korean item it equals, in order."""
    free = list(korean)
    pairs: list[tuple[Link, Link]] = []
    missing: list[Link] = []
    for item in english:
        found = next((k for k in free if equal(item, k)), None)
        if found is None:
            missing.append(item)
        else:
            free.remove(found)
            pairs.append((item, found))
    return pairs, missing, free


def anchor_section(document: Document, fragment: str, fuzzy: bool) -> int | None:
    """The section an in-page fragment reaches; with ``fuzzy``, the closest id when none does."""
    wanted = normalize_fragment(fragment)
    if wanted in document.anchors:
        return document.anchors[wanted]
    if fuzzy and document.anchors:
        best = process.extractOne(wanted, list(document.anchors), scorer=fuzz.ratio)
        if best is not None and best[1] >= FUZZY_ANCHOR:
            return document.anchors[best[0]]
    return None


def _url_class(url: str) -> str:
    if url.startswith("#"):
        return "fragment"
    return "external" if "://" in url or url.startswith("mailto:") else "relative"


def links_equal(ctx: PairContext, en: str, ko: str) -> bool:
    """Whether Korean URL ``ko`` stands for English URL ``en``.

    Equal when ``ko`` is ``en`` after the rewrite rules; when both are in-page anchors reaching
    aligned headings (or the English anchor was kept as is: anchor-broken judges that); when
    both lead to documents that are a file pair; or when they differ only in a fragment that
    names a translated heading of the same page.
    """
    expected = normalize_fragment(ctx.config.rewrite_link(en))
    if normalize_fragment(ko) == expected:
        return True
    if en.startswith("#") and ko.startswith("#"):
        if en == ko:
            return True
        source = anchor_section(ctx.source, en[1:], fuzzy=True)
        target = anchor_section(ctx.target, ko[1:], fuzzy=False)
        return source is not None and ctx.alignment.target_of.get(source) == target
    if en.startswith("#") or ko.startswith("#"):
        return False
    en_path, ko_path = en.split("#", 1)[0], ko.split("#", 1)[0]
    english = ctx.source_index.resolve(ctx.source_rel, en_path)
    korean = ctx.target_index.resolve(ctx.target_rel, ko_path)
    if english.target is not None and korean.target is not None:
        return ctx.counterparts.get(english.target) == korean.target
    return "#" in en and "#" in ko and ctx.config.rewrite_link(en_path) == ko_path


def _section_matches(ctx: PairContext, images: bool) -> list[LinkMatch]:
    def equal(en: Link, ko: Link) -> bool:
        return en.url == ko.url if images else links_equal(ctx, en.url, ko.url)

    matches = []
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        english = pair.source.images if images else pair.source.links
        korean = pair.target.images if images else pair.target.links
        paired, missing, extra = match_in_order(english, korean, equal)
        matches.append(
            LinkMatch(pair.source, pair.target, tuple(paired), tuple(missing), tuple(extra))
        )
    return matches


def link_matches(ctx: PairContext) -> list[LinkMatch]:
    """Link comparison of every aligned section pair, computed once per file pair."""
    return ctx.cached("links", lambda: _section_matches(ctx, images=False))  # type: ignore[no-any-return]


def changed_links(match: LinkMatch) -> tuple[list[tuple[Link, Link]], list[Link], list[Link]]:
    """Split leftovers into changed links (same place, other URL) and truly missing/extra."""
    extra = list(match.extra)
    changed: list[tuple[Link, Link]] = []
    missing: list[Link] = []
    for en in match.missing:
        ko = next((k for k in extra if _url_class(k.url) == _url_class(en.url)), None)
        if ko is None:
            missing.append(en)
        else:
            extra.remove(ko)
            changed.append((en, ko))
    return changed, missing, extra


def _front_matter_links(ctx: PairContext) -> Iterator[tuple[Link | None, Link | None]]:
    """English and Korean front-matter ``*_url`` values, paired by key."""
    en = {
        link.text: link
        for link in (ctx.source.front_matter.links if ctx.source.front_matter else ())
    }
    ko = {
        link.text: link
        for link in (ctx.target.front_matter.links if ctx.target.front_matter else ())
    }
    for key in sorted(set(en) | set(ko)):
        yield en.get(key), ko.get(key)


def _expected(ctx: PairContext, url: str) -> str:
    rewritten = ctx.config.rewrite_link(url)
    return f"{url!r}" if rewritten == url else f"{url!r} (expected {rewritten!r} in Korean)"


@rule("TC201", "link-missing", Severity.ERROR)
def link_missing(ctx: PairContext) -> Iterator[Hit]:
    """A link of the English section is absent from the aligned Korean section.

    Bad:  en `see [the paper](https://arxiv.org/abs/2205.14135)` ↔ ko `논문을 참고하세요`.
    Good: ko `[논문](https://arxiv.org/abs/2205.14135)을 참고하세요`.
    """
    for match in link_matches(ctx):
        assert match.source_section is not None and match.target_section is not None
        for en in changed_links(match)[1]:
            yield Hit(
                f"link to {_expected(ctx, en.url)} is missing from the Korean section "
                f"{describe(match.target_section)!r}",
                ctx.at_source(en.line),
                ctx.at_target(match.target_section.line),
            )
    for en_fm, ko_fm in _front_matter_links(ctx):
        if en_fm is not None and ko_fm is None:
            yield Hit(
                f"front-matter {en_fm.text}: {_expected(ctx, en_fm.url)} is missing in Korean",
                ctx.at_source(en_fm.line),
                ctx.at_target(ctx.target.front_matter.line if ctx.target.front_matter else 1),
            )


@rule("TC202", "link-extra", Severity.WARNING)
def link_extra(ctx: PairContext) -> Iterator[Hit]:
    """The Korean section has a link that its English section does not have.

    Bad:  ko adds `[위키백과](https://ko.wikipedia.org/…)` absent from the English.
    Good: keep the links of the source; put translator additions where the project allows them.
    """
    for match in link_matches(ctx):
        assert match.source_section is not None and match.target_section is not None
        for ko in changed_links(match)[2]:
            yield Hit(
                f"link to {ko.url!r} is not in the English section "
                f"{describe(match.source_section)!r}",
                ctx.at_source(match.source_section.line),
                ctx.at_target(ko.line),
            )


@rule("TC203", "link-changed", Severity.ERROR)
def link_changed(ctx: PairContext) -> Iterator[Hit]:
    """A Korean link points somewhere else than its English counterpart.

    Bad:  en `[JAX](https://jax.readthedocs.io)` ↔ ko `[JAX](https://jax.readthedocs.org)`.
    Good: the same URL (or the one the config's link rewrite rules give).
    """
    for match in link_matches(ctx):
        for en, ko in changed_links(match)[0]:
            yield Hit(
                f"link target changed: English {_expected(ctx, en.url)}, Korean {ko.url!r}",
                ctx.at_source(en.line),
                ctx.at_target(ko.line),
            )
    for en_fm, ko_fm in _front_matter_links(ctx):
        if en_fm is not None and ko_fm is not None and not links_equal(ctx, en_fm.url, ko_fm.url):
            yield Hit(
                f"front-matter {en_fm.text} changed: English {_expected(ctx, en_fm.url)}, "
                f"Korean {ko_fm.url!r}",
                ctx.at_source(en_fm.line),
                ctx.at_target(ko_fm.line),
            )
