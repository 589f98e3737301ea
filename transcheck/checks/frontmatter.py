"""Front-matter rules (TC401-TC402): the keys of the page survive translation, and a Distill
``toc:`` names headings that exist.

``*_url`` keys are links: link-changed and link-target-missing compare them under the link rewrite
rules, so they are left out here. Front matter that does not parse is frontmatter-invalid's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.config import RULE_OPTIONS
from transcheck.counted import clipped, listed, plural
from transcheck.findings import Location, Severity
from transcheck.lazy import compiled
from transcheck.model import BlockKind, Document, FrontMatter
from transcheck.records import record

RULE_OPTIONS["frontmatter"] = {
    "identical_keys": [
        "layout",
        "date",
        "section_number",
        "authors",
        "bibliography",
        "giscus_comments",
        "hidden",
        # page settings of VitePress, Hugo and Docusaurus: layout, not prose
        "outline",
        "aside",
        "sidebar",
        "pageClass",
        "weight",
        "draft",
        "sidebar_position",
    ],
    # the source's own review workflow (Hugo sites such as Kubernetes list who reviews the
    # English page): a translation drops them, as its own reviewers are another team's
    "source_only_keys": ["reviewers", "approvers"],
    # what a translation records about the source it follows (MDN's `l10n: sourceCommit:`,
    # the older `translation_of`/`original_slug`,
    # OpenTelemetry's `default_lang_commit:`/`drifted_from_default:`) and who translated it
    # (webpack.kr's `translators:`): Korean-only by nature, never compared; so is any Korean-only
    # key whose value is a commit id
    "translation_keys": [
        "l10n",
        "translation_of",
        "original_slug",
        "translators",
        "translator",
        "default_lang_commit",
        "drifted_from_default",
        # the translation's language and date (NYU's Deep Learning course notes)
        "lang",
        "locale",
        "translation-date",
        "translation_date",
        # Microsoft's localized docs: how and when the page was translated
        "ms.translationtype",
        "ms.contentlocale",
        "ms.lasthandoff",
        "ms.locfileid",
        "ms.sourcegitcommit",
    ],
    # what each language keeps for itself: its old URLs (Hugo's `aliases`, relative to the
    # language's site) and its spell checker's word list (`spelling: cSpell:ignore …`): may be
    # added, left out or differ
    "own_keys": ["aliases", "spelling", "cSpell:ignore"],
    # keys the site takes from the English page when the translation leaves them out (MDN's
    # translated-content drops `page-type` and `browser-compat`): compared only when present
    "inherited_keys": ["page-type", "browser-compat", "spec-urls"],
}
_SHOWN = 60  # characters of a value shown in a message
# a git commit id (7 to 40 hex digits, a letter and a digit among them): the value of a key
# that records which English revision the translation follows, whatever the site names it
_COMMIT = compiled(r"(?=[0-9a-f]*[a-f])(?=[a-f]*[0-9])[0-9a-f]{7,40}")


# Keys whose text a page setting shows the reader (Starlight's `sidebar: {label: …, badge:
# {text: …}}`): translated, while the setting's other values stay as in English.
_SHOWN_TEXT = frozenset({"label", "title", "text", "description", "summary", "caption", "alt"})


def _same_setting(english: Any, korean: Any) -> bool:
    """Whether a Korean setting is the English one, its shown text aside: the same keys and
    values, where a string under a key such as ``label`` may be translated."""
    if isinstance(english, dict) and isinstance(korean, dict):
        return english.keys() == korean.keys() and all(
            (key in _SHOWN_TEXT and isinstance(value, str) and isinstance(korean[key], str))
            or _same_setting(value, korean[key])
            for key, value in english.items()
        )
    if isinstance(english, list) and isinstance(korean, list):
        return len(english) == len(korean) and all(
            _same_setting(a, b) for a, b in zip(english, korean, strict=True)
        )
    return bool(english == korean)


def _usable(front: FrontMatter | None) -> FrontMatter | None:
    """The front matter when it parsed (invalid YAML is frontmatter-invalid's)."""
    return front if front is not None and front.error is None else None


def _show(value: Any) -> str:
    """A front-matter value for a message, clipped; a date as YAML writes it (``2022-06-16``),
    not as Python's ``datetime.date(2022, 6, 16)``."""
    text = value.isoformat() if isinstance(value, date) else repr(value)
    return clipped(text, _SHOWN)


def _items(value: Any) -> list[str] | None:
    """The names a value lists (a YAML list of scalars, or a string split at its commas, such
    as ``authors: a, b, c``), or None for a value of another kind."""
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return [str(item) for item in value]
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return None


def _changed(english: Any, korean: Any) -> str:
    """How a setting differs: the names the Korean lacks or adds when a side lists several (a
    long author list clipped alike on both sides would show no difference), else both values."""
    en_items, ko_items = _items(english), _items(korean)
    if en_items is not None and ko_items is not None and max(len(en_items), len(ko_items)) > 1:
        lacks = [repr(item) for item in en_items if item not in ko_items]
        adds = [repr(item) for item in ko_items if item not in en_items]
        parts = [f"{verb} {listed(items, 3)}" for verb, items in
                 (("lacks", lacks), ("adds", adds)) if items]  # fmt: skip
        if parts:
            return f"the Korean {' and '.join(parts)}"
    return f"English {_show(english)}, Korean {_show(korean)}"


@rule(
    "TC401",
    "frontmatter-mismatch",
    Severity.ERROR,
    example=Example(
        en="""\
            ---
            layout: distill
            title: "Sharding"
            section_number: 3
            bibliography: main.bib
            ---

            # Sharding
            """,
        ko="""\
            ---
            layout: distill
            title: "샤딩"
            section_number: 4
            ---

            # 샤딩
            """,
    ),
)
def frontmatter_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """Front-matter keys are missing, extra, or changed where they must stay identical.

    Bad:  en `section_number: 3` ↔ ko `section_number: 4`, or ko without `bibliography:`.
    Good: ko has every English key; `layout`, `date`, `section_number`, `authors`, … unchanged
    (the list is the config option `frontmatter.identical_keys`); titles may be translated.
    The source's review workflow (`reviewers:`, `approvers:`; the option
    `frontmatter.source_only_keys`) may be left out of the translation. Keys only the Korean
    has are named beside keys it lacks or changes, never alone. A Korean-only record of
    the source (`l10n: {sourceCommit: …}`, `frontmatter.translation_keys`, or any key whose value
    is a commit id) is no extra key; keys the site inherits from English
    (`frontmatter.inherited_keys`) may be left out; each language's own keys (old URLs, a spell
    checker's words: `frontmatter.own_keys`) are not compared. Several keys
    that differ on one page (a front matter that follows an older English) are one finding.
    """
    en, ko = _usable(ctx.source.front_matter), _usable(ctx.target.front_matter)
    if en is None or (ko is None and ctx.target.front_matter is not None):
        return
    if ko is None:
        yield Hit(
            f"the Korean file has no front matter; the English has {plural(len(en.data), 'key')} "
            f"({listed(list(en.data), 4)}): copy it and translate title and description",
            ctx.at_source(en.line),
            ctx.at_target(1),
        )
        return
    identical = set(ctx.config.option("frontmatter", "identical_keys"))
    source_only = set(ctx.config.option("frontmatter", "source_only_keys"))
    recorded = set(ctx.config.option("frontmatter", "translation_keys"))
    inherited = set(ctx.config.option("frontmatter", "inherited_keys"))
    own = set(ctx.config.option("frontmatter", "own_keys"))
    lacks: list[_Key] = []
    changes: list[_Key] = []
    adds: list[_Key] = []
    for key, value in en.data.items():
        if key.endswith("_url") or key in source_only or key in own:
            continue
        en_at = ctx.at_source(en.key_lines.get(key, en.line))
        if key not in ko.data and key not in inherited:
            lacks.append(_Key(key, f"English: {_show(value)}", en_at, ctx.at_target(ko.line)))
        elif key in identical and not _same_setting(value, ko.data[key]):
            ko_at = ctx.at_target(ko.key_lines.get(key, ko.line))
            changes.append(_Key(key, _changed(value, ko.data[key]), en_at, ko_at))
    for key, value in ko.data.items():
        if key in en.data or key.endswith("_url") or key in recorded or key in own:
            continue
        if not _COMMIT().fullmatch(str(value)):  # a commit id records the English translated
            ko_at = ctx.at_target(ko.key_lines.get(key, ko.line))
            adds.append(_Key(key, "", ctx.at_source(en.line), ko_at))
    # a key only the Korean has is a page setting its team chose (Hugo's `show_lastmod`,
    # Starlight's `tableOfContents`): named beside keys lacked or changed, where it tells an
    # older front matter (`short` for `linkTitle`), never a finding of its own
    yield from _differences(lacks, changes, adds if lacks or changes else [])


@record(slots=True)
class _Key:
    """A front-matter key that differs: its name, what to show of it, and where it stands."""

    name: str
    shown: str  # the English value of a key the Korean lacks; how a changed key changed
    source: Location
    target: Location


def _differences(lacks: list[_Key], changes: list[_Key], adds: list[_Key]) -> Iterator[Hit]:
    """frontmatter-mismatch's findings from the keys the Korean lacks, changes and adds (adds
    only beside the others): one finding for one key, else one for the page at its first key
    naming them all (one cause: a front matter that follows an older English)."""
    keys = lacks + changes + adds
    if len(keys) == 1:  # a lacked or changed key (an added one is only named beside those)
        key = keys[0]
        if lacks:
            message = f"front-matter key {key.name!r} is missing in Korean ({key.shown})"
        else:
            message = f"front-matter {key.name} must stay as in English: {key.shown}"
        yield Hit(message, key.source, key.target)
        return
    if not keys:
        return
    named = [f"{verb} {listed(items)}" for verb, items in (
        ("lacks", [f"{key.name!r} ({key.shown})" for key in lacks]),
        ("adds", [repr(key.name) for key in adds]),
    ) if items]  # fmt: skip
    said = [f"the Korean {'; it '.join(named)}"] if named else []
    said += [f"{key.name} must stay as in English: {key.shown}" for key in changes]
    yield Hit(
        f"front matter differs from the English in {len(keys)} keys: {'; '.join(said)}",
        keys[0].source,
        keys[0].target,
        identity="front matter differs from the English: "
        + ", ".join(sorted(key.name for key in keys)),
    )


@record(slots=True)
class TocName:
    """One ``name:`` of a Distill ``toc:``; depth 0 for top-level entries."""

    name: str
    depth: int


def toc_names(entries: Any, depth: int = 0) -> list[TocName]:
    """The names of a ``toc:`` list, subsections included, in order."""
    names: list[TocName] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("name"), str):
            names.append(TocName(entry["name"], depth))
        names += toc_names(entry.get("subsections"), depth + 1)
    return names


def _text(value: str) -> str:
    """A heading or toc name as compared: NFC, single spaces."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def headings(document: Document) -> list[tuple[int, str, int]]:
    """(level, text, line) of every heading: Markdown headings and HTML ``<h1>``-``<h6>``."""
    found = [(s.level, _text(s.title), s.line) for s in document.sections if not s.is_preamble]
    for section in document.sections:
        for block in section.blocks:
            first = block.markup[0].name if block.kind is BlockKind.HTML and block.markup else ""
            if re.fullmatch(r"h[1-6]", first):
                found.append((int(first[1]), _text(block.text), block.line))
    return sorted(found, key=lambda heading: heading[2])


def toc_problems(document: Document) -> Iterator[tuple[int, str]]:
    """(line, message) for each toc name with no heading and each top-level heading not in toc."""
    front = _usable(document.front_matter)
    if front is None or "toc" not in front.data:
        return
    names = toc_names(front.data["toc"])
    found = headings(document)
    texts = {text for _, text, _ in found}
    toc_line = front.key_lines.get("toc", front.line)
    for entry in names:
        if _text(entry.name) not in texts:
            yield (
                toc_line,
                f"toc name {entry.name!r} matches no heading of the file, so its table-of-"
                "contents link is broken; use the heading's exact text",
            )
    levels = [
        level for level, text, _ in found if text in {_text(n.name) for n in names if not n.depth}
    ]
    top = min(levels, default=2)
    listed = {_text(n.name) for n in names}
    for level, text, line in found:
        if level == top and text not in listed:
            yield line, f"heading {text!r} is missing from the front-matter toc: add it as a name"


@rule(
    "TC402",
    "toc-mismatch",
    Severity.WARNING,
    example=Example(
        en="""\
            ---
            toc:
              - name: What Is a TPU?
              - name: Sharding
            ---

            ## What Is a TPU?

            ## Sharding
            """,
        ko="""\
            ---
            toc:
              - name: TPU란 무엇인가?
              - name: Sharding
            ---

            ## TPU란 무엇인가?

            ## 샤딩
            """,
    ),
)
def toc_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """A Distill ``toc:`` name matches no heading of its file, or a heading is missing from it.

    Bad:  ko toc `- name: Sharding` ↔ ko heading `## 샤딩` (the contents link breaks).
    Good: ko toc `- name: 샤딩`, the exact heading text. English files are checked too: their
    findings carry only the English location (a defect to report upstream).
    """
    for line, message in toc_problems(ctx.target):
        yield Hit(message, target=ctx.at_target(line))
    for line, message in toc_problems(ctx.source):
        yield Hit(f"English source: {message}", source=Location(ctx.source.path, line))
