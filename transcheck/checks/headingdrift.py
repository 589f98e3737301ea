"""Heading drift (TC705): an English heading renamed after translation, seen without history:
aligned headings whose Korean explicit id (an ASCII one: a Korean id is the team's own choice)
differs from the English id, or whose Korean heading keeps Latin-script terms (names, acronyms,
English words kept as they are) that the English heading no longer has."""

from __future__ import annotations

from collections.abc import Iterator

from transcheck.align import terms
from transcheck.checks.drift import quote
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.findings import Severity
from transcheck.lazy import compiled

_ASCII_ID = compiled(r"[A-Za-z0-9_.:-]+\Z")


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
    Good: ko translating the new heading, with the English id: "## 루트 컴포넌트 마운트하기
          {#mounting-the-root-component}".
    """
    for pair in ctx.alignment.matched:
        en, ko = pair.source, pair.target
        assert en is not None and ko is not None
        if en.is_preamble or ko.is_preamble:
            continue
        where = (ctx.at_source(en.line), ctx.at_target(ko.line))
        heading = f"'{'#' * ko.level} {ko.title}'"
        if ko.explicit_id and ko.anchor != en.anchor and _ASCII_ID().match(ko.anchor):
            yield Hit(
                f"the Korean heading {heading} keeps the id '#{ko.anchor}', and its English "
                f"'{'#' * en.level} {en.title}' has '#{en.anchor}': the English heading was "
                f"renamed after translation; translate it again and write {{#{en.anchor}}}",
                *where,
                identity=f"id\0{ko.anchor}",
            )
            continue
        kept = sorted(terms.words(ko.title))
        english = terms.english_words(en.title)
        lost = [word for word in kept if not english.keep(word)]
        if lost and 2 * len(lost) >= len(kept):
            yield Hit(
                f"the Korean heading {heading} keeps {quote(lost)}, which its English "
                f"'{'#' * en.level} {en.title}' no longer has: the English heading was renamed "
                "after translation; translate it again",
                *where,
                identity=f"terms\0{' '.join(lost)}",
            )
