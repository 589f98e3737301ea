"""Glossary rules (TC3xx): a term lost in translation, a forbidden rendering, one term rendered
several ways across the chapters checked together, and the first-mention gloss.

The rules run when the config or ``--glossary`` names a glossary (see transcheck.glossary). Each
pair's mentions are computed once and shared by every rule, the cross-chapter one included.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transcheck.checks.registry import Example, Hit, PairContext, SetContext, rule, set_rule
from transcheck.findings import Location, Severity
from transcheck.glossary import (
    DocumentTerms,
    Entry,
    Glossary,
    Kind,
    Matcher,
    Mention,
    Policy,
    active_matcher,
    scan_document,
    source_lines,
)


@dataclass(frozen=True)
class PairTerms:
    """The glossary mentions of both documents of one pair."""

    glossary: Glossary
    source: DocumentTerms
    target: DocumentTerms


def _lines_of(ctx: PairContext, english: bool) -> list[str] | None:
    """Source lines of one side, when the pair was read from files and a prose block spans
    lines (only then are they needed to place an occurrence on its line)."""
    index = ctx.source_index if english else ctx.target_index
    document = ctx.source if english else ctx.target
    spans = any(b.end_line > b.line and b.text for s in document.sections for b in s.blocks)
    if index.root is None or not spans:
        return None
    rel = ctx.source_rel if english else ctx.target_rel
    return source_lines(Path(index.root), rel, int(ctx.config.option("limits", "file_bytes")))


def pair_terms(ctx: PairContext) -> PairTerms | None:
    """The mentions of one pair under the run's glossary (None without a glossary), cached."""

    def compute() -> PairTerms | None:
        matcher: Matcher | None = active_matcher(ctx.config)
        if matcher is None:
            return None
        return PairTerms(
            matcher.glossary,
            scan_document(ctx.source, matcher, korean=False, lines=_lines_of(ctx, True)),
            scan_document(ctx.target, matcher, korean=True, lines=_lines_of(ctx, False)),
        )

    found: PairTerms | None = ctx.cached("glossary.terms", compute)
    return found


def label(entry: Entry, rendering: str, kind: Kind) -> str:
    """How a rendering is named in messages: 샤딩, or 'sharding' (kept in English)."""
    if kind is Kind.ENGLISH:
        return f"{entry.term!r} (kept in English)"
    return rendering


def _accepted_text(glossary: Glossary, entry: Entry) -> str:
    options = list(entry.ko)
    if glossary.keeps_english(entry):
        options.append(f"{entry.term!r} kept in English")
    return ", ".join(options)


def _is_forbidden(glossary: Glossary, mention: Mention) -> bool:
    occurrence = mention.occurrence
    if occurrence.kind is Kind.FORBIDDEN:
        return True
    return occurrence.kind is Kind.ENGLISH and not glossary.keeps_english(occurrence.entry)


@rule(
    "TC301",
    "glossary-missing",
    Severity.WARNING,
    example=Example(
        en="""\
            # Serving

            Inference is memory-bound.
            """,
        ko="""\
            # 서빙

            이 단계는 메모리 대역폭에 묶입니다.
            """,
        glossary="""\
            terms:
              - term: inference
                ko: [추론]
            """,
    ),
)
def glossary_missing(ctx: PairContext) -> Iterator[Hit]:
    """An English section uses a glossary term and its Korean section has no accepted rendering.

    Bad:  en `Inference is memory-bound.` ↔ ko `이 단계는 메모리 대역폭에 묶입니다.`
    Good: ko `추론은 메모리 대역폭에 묶입니다.` (or `inference는…` where English may be kept)
    Reported at the term's first English line and the Korean section's heading, with both counts.
    """
    terms = pair_terms(ctx)
    if terms is None:
        return
    glossary = terms.glossary
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        english = terms.source.by_section.get(pair.source.index, ())
        korean = terms.target.by_section.get(pair.target.index, ())
        present = {m.occurrence.entry for m in korean}
        first: dict[Entry, Mention] = {}
        counts: Counter[Entry] = Counter()
        for mention in english:
            first.setdefault(mention.occurrence.entry, mention)
            counts[mention.occurrence.entry] += 1
        for entry, mention in first.items():
            if entry in present:
                continue
            yield Hit(
                f"{entry.term!r} occurs {counts[entry]}× in the English section and 0× in the "
                f"Korean one (accepted: {_accepted_text(glossary, entry)})",
                ctx.at_source(mention.line),
                ctx.at_target(pair.target.line),
            )


@rule(
    "TC302",
    "glossary-forbidden",
    Severity.ERROR,
    example=Example(
        en="""\
            # Sharding

            A sharded array is split across chips.
            """,
        ko="""\
            # 샤딩

            쉐어딩된 배열은 여러 칩에 나뉩니다.
            """,
        glossary="""\
            terms:
              - term: sharding
                forms: [sharded]
                ko: [샤딩]
                forbidden: [쉐어딩]
            """,
    ),
)
def glossary_forbidden(ctx: PairContext) -> Iterator[Hit]:
    """A rendering the glossary forbids is used (or English is kept where the glossary says not to).

    Bad:  ko `쉐어딩된 배열` where the glossary forbids 쉐어딩.
    Good: ko `샤딩된 배열`.
    """
    terms = pair_terms(ctx)
    if terms is None:
        return
    glossary = terms.glossary
    for mention in terms.target.mentions:
        if not _is_forbidden(glossary, mention):
            continue
        occurrence = mention.occurrence
        entry = occurrence.entry
        what = (
            f"{occurrence.surface!r} keeps {entry.term!r} in English, which the glossary does not"
            " accept"
            if occurrence.kind is Kind.ENGLISH
            else f"{occurrence.surface!r} uses the forbidden rendering {occurrence.rendering!r}"
        )
        note = f" ({entry.note})" if entry.note else ""
        yield Hit(
            f"{what}; write {glossary.preferred_of(entry)} for {entry.term!r}{note}",
            target=ctx.at_target(mention.line),
        )


@dataclass(frozen=True, slots=True)
class _Use:
    """One accepted use of a term in one Korean file: the rendering and where it is."""

    rendering: str
    kind: Kind
    path: str
    line: int


def pair_uses(ctx: PairContext) -> list[tuple[str, _Use]]:
    """Accepted uses of every term in one Korean file, as (term, use), in line order: what
    glossary-inconsistent collects from each pair."""
    terms = pair_terms(ctx)
    if terms is None:
        return []
    found = []
    for mention in terms.target.mentions:
        if _is_forbidden(terms.glossary, mention):
            continue
        occurrence = mention.occurrence
        rendering = (
            occurrence.entry.term if occurrence.kind is Kind.ENGLISH else occurrence.rendering
        )
        found.append(
            (
                occurrence.entry.term,
                _Use(rendering, occurrence.kind, terms.target.path, mention.line),
            )
        )
    return found


def _uses(ctx: SetContext, glossary: Glossary) -> dict[Entry, list[_Use]]:
    """Accepted uses of every term in every Korean file of the run, in file and line order."""
    entries = {entry.term: entry for entry in glossary.entries}
    uses: dict[Entry, list[_Use]] = defaultdict(list)
    for collected in ctx.collected:
        for term, use in collected:
            uses[entries[term]].append(use)
    return uses


def _majority(glossary: Glossary, entry: Entry, uses: list[_Use]) -> tuple[str, Kind]:
    """The rendering most used; ties go to the preferred, then the first listed, then English."""
    counts = Counter((use.rendering, use.kind) for use in uses)
    order = [glossary.preferred_of(entry), *entry.ko, entry.term]

    def rank(item: tuple[tuple[str, Kind], int]) -> tuple[int, int]:
        (rendering, _), count = item
        return (-count, order.index(rendering) if rendering in order else len(order))

    return min(counts.items(), key=rank)[0]


@set_rule(
    "TC303",
    "glossary-inconsistent",
    Severity.WARNING,
    collect=pair_uses,
    example=Example(
        en=None,
        ko=None,
        files={
            "en/sharding.md": "# Sharding\n\nA sharded array lives on many chips.\n",
            "ko/sharding.md": "# 샤딩\n\n샤딩된 배열은 여러 칩에 있습니다.\n",
            "en/inference.md": "# Inference\n\nSharding the weights helps.\n",
            "ko/inference.md": "# 추론\n\nweight에 sharding을 적용하면 도움이 됩니다.\n",
        },
        glossary="""\
            terms:
              - term: sharding
                forms: [sharded]
                ko: [샤딩]
            """,
    ),
)
def glossary_inconsistent(ctx: SetContext) -> Iterator[Hit]:
    """One term is rendered more than one way across a file or across the files checked together.

    Bad:  ko/sharding.md `샤딩`, `샤딩된 배열` but ko/inference.md `sharding을 적용하면`.
    Good: one rendering everywhere (policy `consistent`), or the preferred one (policy `preferred`).
    Each use that differs from the majority (or the preferred) rendering is reported at its line.
    """
    matcher = active_matcher(ctx.config)
    if matcher is None:
        return
    glossary = matcher.glossary
    for entry, uses in _uses(ctx, glossary).items():
        preferred = glossary.policy_of(entry) is Policy.PREFERRED
        if preferred:
            target = glossary.preferred_of(entry)
            kind = Kind.ENGLISH if target == entry.term and target not in entry.ko else Kind.KOREAN
        else:
            target, kind = _majority(glossary, entry, uses)
        total = sum(1 for use in uses if use.rendering == target and use.kind is kind)
        files = len({use.path for use in uses if use.rendering == target and use.kind is kind})
        wanted = label(entry, target, kind)
        plural = "s" if files != 1 else ""
        basis = (
            f"the glossary prefers {wanted}"
            if preferred
            else f"the majority rendering is {wanted} ({total}× in {files} file{plural})"
        )
        per_file = Counter((use.path, use.rendering, use.kind) for use in uses)
        per_line = Counter(
            (use.path, use.line, use.rendering, use.kind)
            for use in uses
            if (use.rendering, use.kind) != (target, kind)
        )
        for (path, line, rendering, used_kind), count in sorted(
            per_line.items(), key=lambda i: i[0][:2]
        ):
            here = f" ({count}× on this line)" if count > 1 else ""
            in_file = per_file[(path, rendering, used_kind)]
            yield Hit(
                f"{entry.term!r} is written {label(entry, rendering, used_kind)}{here}; "
                f"{basis}; this file uses it {in_file}× and {wanted} "
                f"{per_file[(path, target, kind)]}×",
                target=Location(path, line),
                identity=f"{entry.term}\0{rendering}\0{used_kind.value}",
            )


@rule(
    "TC304",
    "glossary-first-mention",
    Severity.INFO,
    enabled=False,
    example=Example(
        en="""\
            # Serving

            Inference is memory-bound.

            Inference needs little compute.
            """,
        ko="""\
            # 서빙

            추론은 메모리에 묶입니다.

            추론(inference)은 연산이 적게 듭니다.
            """,
        glossary="""\
            terms:
              - term: inference
                ko: [추론]
            """,
    ),
)
def glossary_first_mention(ctx: PairContext) -> Iterator[Hit]:
    """A term's first use in a file must carry its gloss `한국어(English)`; later uses Korean only.

    Bad:  first use `추론은…`, later `추론(inference)은…` or `inference는…`.
    Good: first use `추론(inference)은…`, later `추론을…`.
    The rule the Kubernetes Korean localization guide writes down; off by default.
    """
    terms = pair_terms(ctx)
    if terms is None:
        return
    glossary = terms.glossary
    seen: set[Entry] = set()
    for mention in terms.target.mentions:
        occurrence = mention.occurrence
        entry = occurrence.entry
        if _is_forbidden(glossary, mention) or not glossary.wants_first_mention(entry):
            continue
        preferred = glossary.preferred_of(entry)
        korean = preferred if preferred in entry.ko else entry.ko[0]
        where = ctx.at_target(mention.line)
        if entry not in seen:
            seen.add(entry)
            if not occurrence.glossed:
                yield Hit(
                    f"first use of {entry.term!r} in this file should read {korean}({entry.term})",
                    target=where,
                )
        elif occurrence.glossed:
            yield Hit(
                f"{entry.term!r} is glossed again; only its first use needs ({entry.term})",
                target=where,
            )
        elif occurrence.kind is Kind.ENGLISH:
            yield Hit(
                f"{occurrence.surface!r}: after the first use write {korean}, not English",
                target=where,
            )
