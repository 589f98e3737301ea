"""Link rules (TC201-TC203): links of an English section kept, lost, added or changed in Korean.

Links are compared within aligned sections (``linkmatch``), after locale tokens and trivial
spellings are set aside and the config's rewrite rules are allowed. In-page anchors are compared
through the alignment: ``#appendix-b`` and ``#부록-b`` agree when they reach aligned headings;
two anchors that disagree are anchor-broken's business (TC204), not link-changed's. A link that
is broken gets its one finding from the link-target rules (see the precedence in ``linkmatch``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from transcheck.checks.blocks import lone_blocks
from transcheck.checks.edits import rewrite_link
from transcheck.checks.linkmatch import (
    LinkPlace,
    english_broken,
    english_place,
    front_matter_pairs,
    korean_broken,
    korean_place,
    link_matches,
    link_places,
    links_equal,
    scheme_added,
    show,
    unquoted_code,
    url_class,
)
from transcheck.checks.markup import unmatched_html
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.fixes import Fix, Safety
from transcheck.links import Status
from transcheck.model import Block, Link
from transcheck.urlforms import in_locale, path_locale


def korean_url(ctx: PairContext, url: str, like: str | None = None) -> str:
    """The URL the Korean side should write for English ``url``: through the rewrite rules,
    with the locale the Korean link it replaces carries (``like``), else the one most of the
    Korean page's site links carry: on a site serving its Korean pages under ``/ko/``,
    ``/en-US/docs/x`` is ``/ko/docs/x`` and ``/docs/x`` is ``/ko/docs/x``. A page with no
    such link to learn from gets ``/ko/`` for an English locale segment."""
    url = ctx.config.rewrite_link(url)
    locale = path_locale(like) if like is not None else _korean_locale(ctx)
    if not locale and like is None and path_locale(url).lower().startswith("en"):
        locale = "ko"  # no Korean link to learn from: a site of locale paths serves ko pages
    if not locale or locale.lower().startswith("en"):
        return url
    if path_locale(url):
        return in_locale(url, locale)
    return f"/{locale}{url}" if url.startswith("/") and not url.startswith("//") else url


def _expected(ctx: PairContext, url: str, like: str | None = None) -> str:
    """The URL the Korean side should have, quoted for a message."""
    return repr(korean_url(ctx, url, like))


def _linked_as(ctx: PairContext, link: Link) -> str:
    """An English link as shown in a list of links to add, with the Korean URL when it differs."""
    url = korean_url(ctx, link.url, None)
    return show(link) if url == link.url else f"{show(link)} (as {url!r})"


def _korean_locale(ctx: PairContext) -> str:
    """The locale most of the Korean page's site-relative links carry (``/ko/docs/…``), or ""
    when most carry none."""

    def compute() -> str:
        urls = [
            link.url
            for section in ctx.target.sections
            for link in section.links
            if link.url.startswith("/") and not link.url.startswith("//")
        ]
        found = Counter(path_locale(url) for url in urls)
        best, count = max(found.items(), key=lambda item: item[1], default=("", 0))
        return best if count * 2 > len(urls) else ""

    return str(ctx.cached("korean-path-locale", compute))


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
    The Korean line given is the paragraph or item that translates the English one holding the
    link (or where it would be inserted). An English link that is itself broken is not asked
    for (source-link-broken reports it), nor one in a paragraph with no translation at all
    (block-missing reports the paragraph). The missing links of one English block (a sentence
    the Korean translates from an older English) are one finding.
    """
    broken = english_broken(ctx)
    untranslated = lone_blocks(ctx, korean=False)
    for match in link_matches(ctx):
        left = [
            en
            for en in match.missing
            if not (en in broken or _inside(en, untranslated) or _as_markup(ctx, en, match.missing))
        ]
        for links in _by_block(ctx, left, korean=False):
            en = links[0]
            if len(links) == 1:
                what = f"the English link {show(en)} has no counterpart in the Korean section"
                advice = f"link the translated words to {_expected(ctx, en.url)}"
            else:
                what = (
                    f"{len(links)} English links of one block have no counterpart in the Korean "
                    "section"
                )
                shown = ", ".join(_linked_as(ctx, link) for link in links)
                advice = f"link the translated words as the English does: {shown}"
            yield Hit(
                f"{what} {describe(match.target_section)!r}: {advice}",
                ctx.at_source(en.line),
                ctx.at_target(
                    korean_place(ctx, match.source_section, match.target_section, en.line)
                ),
            )
    front = ctx.target.front_matter
    for en_fm, ko_fm in front_matter_pairs(ctx):
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
    A link the Korean section repeats (the sentence names the noun twice) is not extra; a
    Korean-only link that reaches nothing is reported by anchor-broken or link-target-missing,
    and one in a paragraph that translates nothing by block-extra; a bare URL that the English
    writes as inline code is inline-code-missing's (the backticks were lost). The extra links of one
    Korean block (a sentence the English no longer has) are one finding.
    """
    broken = korean_broken(ctx)
    added = lone_blocks(ctx, korean=True) + unmatched_html(ctx)
    for match in link_matches(ctx):
        if not match.extra:
            continue  # no Korean link left over (most sections): no code span gathered
        spans = {span.text.strip() for span in match.source_section.code_spans}
        left = [
            ko
            for ko in match.extra
            if not (
                ko in broken
                or _inside(ko, added)
                or _as_markup(ctx, ko, match.extra, True)
                or unquoted_code(ko, spans)
            )
        ]
        for links in _by_block(ctx, left, korean=True):
            where = describe(match.source_section)
            ko = links[0]
            if len(links) == 1:
                what = f"the Korean link {show(ko)} has no counterpart in the English section"
                advice = "remove it unless the addition is intended"
            else:
                shown = ", ".join(show(link) for link in links)
                what = (
                    f"{len(links)} Korean links of one block have no counterpart in the English "
                    "section"
                )
                advice = f"remove them unless the additions are intended: {shown}"
            yield Hit(
                f"{what} {where!r}: {advice}",
                ctx.at_source(english_place(ctx, match.source_section, ko.line)),
                ctx.at_target(ko.line),
            )


def _by_block(ctx: PairContext, links: Sequence[Link], korean: bool) -> list[list[Link]]:
    """Links of one side grouped by the block holding them, each group in the block's order
    (line, then place in the block): the links a sentence gained or lost are one finding."""
    if not links:
        return []  # no leftover: the places of the links are not worked out
    where = link_places(ctx, korean)
    groups: dict[int, list[Link]] = {}
    for link in links:
        place = where.get(link)
        groups.setdefault(id(place.block) if place else id(link), []).append(link)
    for group in groups.values():
        group.sort(key=lambda link: (link.line, _position(where.get(link))))
    return list(groups.values())


def _position(place: LinkPlace | None) -> int:
    """A link's place among its block's links (0 outside the aligned blocks)."""
    return place.position if place is not None else 0


def _linking_tags(block: Block | None) -> int:
    """How many tags of a block show a text of their own (``text=``): a Hugo glossary tooltip
    or reference shortcode, which renders as a link."""
    if block is None:
        return 0
    return sum(1 for tag in block.markup if tag.kind == "shortcode" and tag.attr("text"))


def _as_markup(
    ctx: PairContext, link: Link, leftovers: tuple[Link, ...], korean: bool = False
) -> bool:
    """Whether the other language writes this link as a tag with a text where this one has a
    plain link (``[labels](/docs/user-guide/labels)`` ↔ ``{{< glossary_tooltip text="레이블"
    term_id="label" >}}``): markup-mismatch reports the tag, once. Only when the other block
    has a tag of that kind more for each link of this block left over (``leftovers``)."""
    place = link_places(ctx, korean).get(link)
    if place is None or place.other is None:
        return False
    left = sum(1 for other in leftovers if other in place.block.links)
    return _linking_tags(place.other) - _linking_tags(place.block) >= left


def _inside(link: Link, blocks: list[Block]) -> bool:
    """Whether a link stands in one of ``blocks``."""
    return any(link in block.links for block in blocks)


def _left_to_target_rules(ctx: PairContext, en: Link, ko: Link) -> bool:
    """Whether another rule owns a changed link: the Korean one is broken while the English
    works (anchor-broken, link-target-missing), or the English one is broken while the Korean
    works (Korean mended it; source-link-broken tells upstream), as when the English wrote a
    site without its scheme (``forum.adguard.com``, a relative path to nowhere)."""
    en_broken, ko_broken = en in english_broken(ctx), ko in korean_broken(ctx)
    return en_broken != ko_broken or scheme_added(en.url, ko.url)


def _follow_english(ctx: PairContext, en: Link, ko: Link) -> Fix | None:
    """The fix writing the English URL (through the rewrite rules) in the Korean link: safe
    when the Korean link is broken and the new one reaches a page of the Korean tree, unsafe
    when the Korean link works (the English may have changed it upstream); none when the
    English link is broken itself."""
    if en in english_broken(ctx):
        return None
    url = korean_url(ctx, en.url, ko.url)
    found = ctx.target_index.resolve(ctx.target_rel, url).status is Status.FOUND
    safe = ko in korean_broken(ctx) and found
    return rewrite_link(ctx, ko, url, Safety.SAFE if safe else Safety.UNSAFE)


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
    Good: the same URL, its Korean edition (`/en-US/` → `/ko/`, `en.` → `ko.`, `hl=ko`), or the
    one the config's link rewrite rules give.
    A changed link that reaches nothing is reported once, by anchor-broken or
    link-target-missing; one that mends a broken English link is fine.
    `--fix --unsafe-fixes` writes the English URL (through the rewrite rules): unsafe, since the
    English may have changed it upstream (safe only for a broken link it mends).
    """
    for match in link_matches(ctx):
        for en, ko in match.changed:
            if url_class(en.url) == "fragment":
                continue  # two in-page anchors that disagree: anchor-broken says which is right
            if _left_to_target_rules(ctx, en, ko):
                continue
            yield Hit(
                f"the Korean link {show(ko)} should point to {_expected(ctx, en.url, ko.url)} "
                f"like the English {show(en)}" + _rewrite_hint(ctx, en.url, ko.url),
                ctx.at_source(en.line),
                ctx.at_target(ko.line),
                fix=_follow_english(ctx, en, ko),
            )
    for en_fm, ko_fm in front_matter_pairs(ctx):
        if en_fm is None or ko_fm is None or _left_to_target_rules(ctx, en_fm, ko_fm):
            continue
        if not links_equal(ctx, en_fm.url, ko_fm.url, exact=False):
            yield Hit(
                f"front-matter {ko_fm.text} is {ko_fm.url!r} in Korean but "
                f"{en_fm.url!r} in English: write {_expected(ctx, en_fm.url)}"
                + _rewrite_hint(ctx, en_fm.url, ko_fm.url),
                ctx.at_source(en_fm.line),
                ctx.at_target(ko_fm.line),
                fix=_follow_english(ctx, en_fm, ko_fm),
            )
