"""Link rules (TC201-TC203): links of an English section kept, lost, added or changed in Korean.

Links are compared within aligned sections, after the config's rewrite rules turn an English URL
into the one the Korean side should have. In-page anchors are compared through the alignment:
``#appendix-b`` and ``#부록-b`` agree when they reach aligned headings; two anchors that disagree
are anchor-broken's business (TC204), not link-changed's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from transcheck.checks.inorder import match_in_order
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.links import normalize_fragment
from transcheck.model import Document, Link, Section

FUZZY_ANCHOR = 80  # rapidfuzz score for guessing the heading a broken English anchor meant


@dataclass(frozen=True)
class LinkMatch:
    """The outcome of comparing one section pair's links: equal pairs, changed pairs (same
    place, another URL), and links found on one side only."""

    source_section: Section
    target_section: Section
    pairs: tuple[tuple[Link, Link], ...]
    changed: tuple[tuple[Link, Link], ...]
    missing: tuple[Link, ...]
    extra: tuple[Link, ...]


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


def url_class(url: str) -> str:
    """``fragment`` (same page), ``external`` (another site) or ``relative`` (this site)."""
    if url.startswith("#"):
        return "fragment"
    return "external" if "://" in url or url.startswith("mailto:") else "relative"


def korean_file_of(ctx: PairContext, english_rel: str) -> str | None:
    """The Korean file that translates an English file: its pair in this run, else the file at
    the same relative path when the Korean tree has it (files outside the run, e.g. when one
    pair of files is checked)."""
    paired = ctx.counterparts.get(english_rel)
    if paired is not None:
        return paired
    if english_rel in ctx.counterparts.values():
        return None  # that name belongs to another English file's translation
    return english_rel if ctx.target_index.has(english_rel) else None


def english_file_of(ctx: PairContext, korean_rel: str) -> str | None:
    """The English file a Korean file translates (the inverse of korean_file_of)."""
    paired = next((en for en, ko in ctx.counterparts.items() if ko == korean_rel), None)
    if paired is not None:
        return paired
    if korean_rel in ctx.counterparts:
        return None
    return korean_rel if ctx.source_index.has(korean_rel) else None


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
        return korean_file_of(ctx, english.target) == korean.target
    return "#" in en and "#" in ko and ctx.config.rewrite_link(en_path) == ko_path


def _split_changed(
    missing: list[Link], extra: list[Link]
) -> tuple[list[tuple[Link, Link]], list[Link], list[Link]]:
    """Leftovers of the same kind (in-page, external, relative) in order are one changed link."""
    return match_in_order(missing, extra, lambda en, ko: url_class(en.url) == url_class(ko.url))


def _section_matches(ctx: PairContext) -> list[LinkMatch]:
    matches = []
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        paired, missing, extra = match_in_order(
            pair.source.links, pair.target.links, lambda en, ko: links_equal(ctx, en.url, ko.url)
        )
        changed, lost, added = _split_changed(missing, extra)
        matches.append(
            LinkMatch(
                pair.source, pair.target, tuple(paired), tuple(changed), tuple(lost), tuple(added)
            )
        )
    return matches


def link_matches(ctx: PairContext) -> list[LinkMatch]:
    """Link comparison of every aligned section pair, computed once per file pair."""
    return ctx.cached("links", lambda: _section_matches(ctx))  # type: ignore[no-any-return]


def front_matter_links(document: Document) -> tuple[Link, ...]:
    """The ``*_url`` values of a document's front matter (none without front matter)."""
    return document.front_matter.links if document.front_matter is not None else ()


def _front_matter_links(ctx: PairContext) -> Iterator[tuple[Link | None, Link | None]]:
    """English and Korean front-matter ``*_url`` values, paired by key."""
    en = {link.text: link for link in front_matter_links(ctx.source)}
    ko = {link.text: link for link in front_matter_links(ctx.target)}
    for key in sorted(set(en) | set(ko)):
        yield en.get(key), ko.get(key)


def counterpart_links(ctx: PairContext) -> dict[Link, Link]:
    """Korean link -> the English link it stands for (equal or changed), front matter included."""

    def compute() -> dict[Link, Link]:
        found = {ko: en for match in link_matches(ctx) for en, ko in (*match.pairs, *match.changed)}
        found.update({ko: en for en, ko in _front_matter_links(ctx) if en and ko})
        return found

    return ctx.cached("counterpart-links", compute)  # type: ignore[no-any-return]


def show(link: Link) -> str:
    """A link as the reader sees it in the file: ``[text](url)``, or the URL alone."""
    return f"[{link.text}]({link.url})" if link.text and link.text != link.url else repr(link.url)


def _expected(ctx: PairContext, url: str) -> str:
    """The URL the Korean side should have, per the rewrite rules."""
    return repr(ctx.config.rewrite_link(url))


@rule(
    "TC201",
    "link-missing",
    Severity.ERROR,
    example=Example(
        en="""\
            # Attention

            See [the paper](https://arxiv.org/abs/2205.14135) for details.
            """,
        ko="""\
            # 어텐션

            자세한 내용은 논문을 참고하세요.
            """,
    ),
)
def link_missing(ctx: PairContext) -> Iterator[Hit]:
    """A link of the English section is absent from the aligned Korean section.

    Bad:  en `See [the paper](https://arxiv.org/abs/2205.14135)` ↔ ko `논문을 참고하세요`.
    Good: ko `[논문](https://arxiv.org/abs/2205.14135)을 참고하세요`.
    """
    for match in link_matches(ctx):
        for en in match.missing:
            yield Hit(
                f"the English link {show(en)} has no counterpart in the Korean section "
                f"{describe(match.target_section)!r}: link the translated words to "
                f"{_expected(ctx, en.url)}",
                ctx.at_source(en.line),
                ctx.at_target(match.target_section.line),
            )
    front = ctx.target.front_matter
    for en_fm, ko_fm in _front_matter_links(ctx):
        if en_fm is not None and ko_fm is None:
            yield Hit(
                f"front-matter key {en_fm.text} is missing in Korean: add "
                f"`{en_fm.text}: {ctx.config.rewrite_link(en_fm.url)}`",
                ctx.at_source(en_fm.line),
                ctx.at_target(front.line if front else 1),
            )


@rule(
    "TC202",
    "link-extra",
    Severity.WARNING,
    example=Example(
        en="""\
            # Roofline

            The roofline model bounds a kernel by compute or bandwidth.
            """,
        ko="""\
            # 루프라인

            루프라인 모델([위키백과](https://ko.wikipedia.org/wiki/Roofline))은 커널을 제한합니다.
            """,
    ),
)
def link_extra(ctx: PairContext) -> Iterator[Hit]:
    """The Korean section has a link that its English section does not have.

    Bad:  ko adds `[위키백과](https://ko.wikipedia.org/wiki/Roofline)` absent from the English.
    Good: keep the links of the source; put translator additions where the project allows them.
    """
    for match in link_matches(ctx):
        for ko in match.extra:
            yield Hit(
                f"the Korean link {show(ko)} has no counterpart in the English section "
                f"{describe(match.source_section)!r}: remove it unless the addition is intended",
                ctx.at_source(match.source_section.line),
                ctx.at_target(ko.line),
            )


def _rewrite_hint(ctx: PairContext, en: str, ko: str) -> str:
    """For a page link renamed in Korean: how to declare the renaming once in the config."""
    if url_class(en) != "relative" or url_class(ko) != "relative" or ctx.config.link_rewrites:
        return ""
    return " (if the Korean site renames pages on purpose, declare it once as a link rewrite rule)"


@rule(
    "TC203",
    "link-changed",
    Severity.ERROR,
    example=Example(
        en="""\
            # Tools

            We use [JAX](https://jax.readthedocs.io) throughout.
            """,
        ko="""\
            # 도구

            전체에서 [JAX](https://jax.readthedocs.org)를 사용합니다.
            """,
    ),
)
def link_changed(ctx: PairContext) -> Iterator[Hit]:
    """A Korean link points somewhere else than its English counterpart.

    Bad:  en `[JAX](https://jax.readthedocs.io)` ↔ ko `[JAX](https://jax.readthedocs.org)`.
    Good: the same URL (or the one the config's link rewrite rules give).
    """
    for match in link_matches(ctx):
        for en, ko in match.changed:
            if url_class(en.url) == "fragment":
                continue  # two in-page anchors that disagree: anchor-broken says which is right
            yield Hit(
                f"the Korean link {show(ko)} should point to {_expected(ctx, en.url)} like the "
                f"English {show(en)}" + _rewrite_hint(ctx, en.url, ko.url),
                ctx.at_source(en.line),
                ctx.at_target(ko.line),
            )
    for en_fm, ko_fm in _front_matter_links(ctx):
        if en_fm is not None and ko_fm is not None and not links_equal(ctx, en_fm.url, ko_fm.url):
            yield Hit(
                f"front-matter {ko_fm.text} is {ko_fm.url!r} in Korean but "
                f"{en_fm.url!r} in English: write {_expected(ctx, en_fm.url)}"
                + _rewrite_hint(ctx, en_fm.url, ko_fm.url),
                ctx.at_source(en_fm.line),
                ctx.at_target(ko_fm.line),
            )
