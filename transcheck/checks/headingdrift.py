"""Heading drift (TC705): an English heading renamed after translation, seen without history:
aligned headings whose Korean explicit id (an ASCII one: a Korean id is the team's own choice)
differs from the English id, or whose Korean heading keeps Latin-script terms (names, acronyms,
English words kept as they are) that the English heading no longer has."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from transcheck.align import terms
from transcheck.checks.drift import quote
from transcheck.checks.headingids import broken_here, changed_ids, id_written
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.findings import Severity
from transcheck.lazy import compiled
from transcheck.model import Section

_LETTERS = compiled(r"[^a-z0-9]+")  # what an id is once its separators are gone
# What a generated id is made of: a Korean id with a dot or a capital
# (``transformers.audio_utils.hertz_to_mel``) was written by hand, not kept from an English title.
_SLUG = compiled(r"[a-z0-9_-]+")


@rule(
    "TC705",
    "heading-drift",
    Severity.WARNING,
    example=Example(
        en="""\
            ## Mounting the Root Component {#mounting-the-root-component}

            Call `mount()` on the instance.
            """,
        ko="""\
            ## 앱 마운트하기 {#mounting-the-app}

            인스턴스의 `mount()`를 호출합니다.
            """,
    ),
)
def heading_drift(ctx: PairContext) -> Iterator[Hit]:
    """An English heading was renamed after translation: its id or kept terms no longer match.

    Bad:  en "## Mounting the Root Component {#mounting-the-root-component}" ↔ ko "## 앱
          마운트하기 {#mounting-the-app}" (the Korean still pins the old English id), or en
          "### What about caching?" ↔ ko "### Memory는 어떤가?" (Memory is gone from English).
          A word of the page's title (the subject a Korean heading may name) is no such term.
    Good: ko translating the new heading, with the English id: "## 루트 컴포넌트 마운트하기
          {#mounting-the-root-component}".
    """
    changed = changed_ids(ctx.alignment)
    for pair in ctx.alignment.matched:
        en, ko = pair.source, pair.target
        assert en is not None and ko is not None
        if en.is_preamble or ko.is_preamble:
            continue
        where = (ctx.at_source(en.line), ctx.at_target(ko.line))
        heading = f"'{'#' * ko.level} {ko.title}'"
        if ko.index in changed:
            written = (id_written(ctx, ko, en.anchor) or f"{{#{en.anchor}}}").strip()
            yield Hit(
                f"the Korean heading {heading} {_why_other_id(ctx, en, ko)}; write "
                f"{written}: links to '#{en.anchor}' break{broken_here(ctx, en.anchor)}",
                *where,
                identity=f"id\0{ko.anchor}",
            )
            continue
        kept = sorted(terms.words(ko.title))
        if not kept:
            continue  # no Latin-script term to lose: the English words are not indexed
        english = terms.english_words(en.title)
        named = _page_names(ctx) | terms.glossed(ko.title, english)
        lost = [word for word in kept if not english.keep(word) and word not in named]
        if lost and 2 * len(lost) >= len(kept):
            english_heading = f"'{'#' * en.level} {en.title}'"
            meant = _misspelt(lost, terms.words(en.title))
            if meant:
                said = ", ".join(f"'{right}' as '{word}'" for word, right in meant.items())
                message = (
                    f"the Korean heading {heading} misspells {said} (its English is "
                    f"{english_heading}): correct the spelling"
                )
            else:
                message = (
                    f"the Korean heading {heading} keeps {quote(lost)}, which its English "
                    f"{english_heading} no longer has: the English heading was renamed after "
                    "translation; translate it again"
                )
            yield Hit(message, *where, identity=f"terms\0{' '.join(lost)}")


def _misspelt(lost: list[str], english: set[str]) -> dict[str, str]:
    """Each lost word (five letters or more) that is an English heading word misspelt, one
    letter added, dropped or changed (``foward`` for ``forward``), with that word; empty
    unless every lost word is one: a typo in the Korean heading, not a renamed English one."""
    meant = {}
    candidates = sorted(english)
    for word in lost:
        right = next(
            (w for w in candidates if len(word) >= 5 and Levenshtein.distance(word, w) == 1),
            None,
        )
        if right is None:
            return {}
        meant[word] = right
    return meant


def _page_names(ctx: PairContext) -> frozenset[str]:
    """The Latin-script words of the English page's title (its front matter ``title``, else its
    first ``#`` heading) and its acronym: a Korean heading may name the page's subject where the
    English leaves it implied (``## Tauri의 미래`` for ``## The Future`` on "Tauri Philosophy",
    ``## 왜 NLP가 어렵나요?`` for ``## Why is it challenging?`` on "Natural Language
    Processing")."""

    def compute() -> frozenset[str]:
        front = ctx.source.front_matter
        title = front.data.get("title") if front is not None else None
        if not isinstance(title, str):
            title = next((s.title for s in ctx.source.sections if s.level == 1), "")
        return frozenset(terms.words(title)) | terms.acronyms(title)

    return ctx.cached("page-names", compute)  # type: ignore[no-any-return]


def _why_other_id(ctx: PairContext, en: Section, ko: Section) -> str:
    """How a Korean heading's explicit id came to differ from its English one: it repeats an
    id of an earlier Korean heading (the English page numbers a repeated heading's id), it is
    the English words written otherwise (``plugin-yaml`` for ``pluginyaml``), it was written by
    hand (no heading's id has a dot or a capital), or it is the id of the English heading
    before a rename."""
    english = f"'{'#' * en.level} {en.title}'"
    earlier = next(
        (s for s in ctx.target.sections[: ko.index] if s.anchor == ko.anchor and s.explicit_id),
        None,
    )
    if earlier is not None:
        numbered = re.fullmatch(rf"{re.escape(ko.anchor)}-\d+", en.anchor) is not None
        return (
            f"repeats the id '#{ko.anchor}' of the Korean heading on line {earlier.line}, while "
            f"its English {english} has '#{en.anchor}'"
            + (" (a repeated heading's id is numbered)" if numbered else "")
        )
    if _LETTERS().sub("", ko.anchor.lower()) == _LETTERS().sub("", en.anchor.lower()):
        return (
            f"has the id '#{ko.anchor}': the id of its English {english}, '#{en.anchor}', "
            "written otherwise"
        )
    if _SLUG().fullmatch(ko.anchor) is None:
        return (
            f"has the hand-written id '#{ko.anchor}', while its English {english} has "
            f"'#{en.anchor}'"
        )
    return (
        f"keeps the id '#{ko.anchor}', and its English {english} has '#{en.anchor}': the "
        "English heading was renamed after translation; translate it again"
    )
