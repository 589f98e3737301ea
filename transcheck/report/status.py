"""``transcheck status``: one line per chapter with its verdict (up-to-date, outdated,
untranslated, orphan) and what it rests on, then its reasons: the English diff stat and the
Korean sections to update (in git), the findings an English change left; or the same as JSON
(version 2)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from transcheck.changes import StaleSection
from transcheck.checks.staleness import SECTION_STALE
from transcheck.counted import plural
from transcheck.findings import Finding
from transcheck.status import STATES, ChapterStatus


def _name(chapter: ChapterStatus) -> str:
    """The file a translator opens: the Korean one, else the English one."""
    return chapter.target or chapter.source or "-"


def _detail(chapter: ChapterStatus) -> str:
    """What the history rests on: the base commit and how it was found, or a note."""
    if chapter.note:
        return chapter.note
    if chapter.base is None:
        return chapter.based_on
    return f"based on {chapter.base[:7]} ({chapter.based_on})"


def section_line(chapter: ChapterStatus, section: StaleSection) -> str:
    """``ko/x.md:88 "## 샤딩 전략" ← en/x.md:80 "## Sharding strategies" changed upstream``."""
    if section.korean_name is None:
        korean = f"{chapter.target} (no Korean section)"
    else:
        korean = f'{chapter.target}:{section.korean_line} "{section.korean_name}"'
    english = f'{chapter.source}:{section.english_line} "{section.english_name}"'
    return f"{korean} ← {english} changed upstream"


def finding_line(finding: Finding) -> str:
    """``ko/x.md:12 ← en/x.md:12 TC704 content-drift: message``."""
    return f"{finding.target} ← {finding.source} {finding.code} {finding.rule}: {finding.message}"


def _evidence(chapter: ChapterStatus) -> list[Finding]:
    """The findings behind a verdict other than section-stale (shown as sections)."""
    return [f for f in chapter.findings if f.code != SECTION_STALE.code]


def totals(chapters: Sequence[ChapterStatus]) -> str:
    """``15 chapters: 12 up-to-date, 2 outdated, 1 untranslated, 0 orphan.`` (unknown only
    when any)."""
    counts = Counter(chapter.state for chapter in chapters)
    parts = [f"{counts[s]} {s}" for s in STATES if s != "unknown" or counts[s]]
    return f"{plural(len(chapters), 'chapter')}: {', '.join(parts)}."


def render_text(chapters: Sequence[ChapterStatus]) -> str:
    """Aligned chapter lines; under each its reasons, then, for an outdated one, its diff stat,
    its stale sections, the findings behind the verdict and, when asked for, the English diff."""
    width = max((len(_name(c)) for c in chapters), default=0)
    lines = []
    for chapter in chapters:
        lines.append(f"{_name(chapter):<{width}}  {chapter.state:<12}  {_detail(chapter)}".rstrip())
        lines += [f"    {reason}" for reason in chapter.reasons]
        lines += [f"    {row.strip()}" for row in chapter.diff_stat.splitlines()]
        lines += [f"  {section_line(chapter, s)}" for s in chapter.sections]
        lines += [f"  {finding_line(f)}" for f in _evidence(chapter)]
        lines += [f"    {row}".rstrip() for row in chapter.diff.splitlines()]
    lines += ["", totals(chapters)]
    return "\n".join(lines) + "\n"


def _row(chapter: ChapterStatus) -> dict[str, Any]:
    """One chapter as JSON."""
    return {
        "source": chapter.source,
        "target": chapter.target,
        "state": chapter.state,
        "reasons": list(chapter.reasons),
        "base": chapter.base,
        "based_on": chapter.based_on or None,
        "note": chapter.note or None,
        "diff_stat": chapter.diff_stat or None,
        "sections": [
            {
                "source": {"line": s.english_line, "heading": s.english_name},
                "target": {"line": s.korean_line, "heading": s.korean_name},
            }
            for s in chapter.sections
        ],
        "findings": [f.to_dict() for f in chapter.findings],
    }


def render_json(chapters: Sequence[ChapterStatus]) -> str:
    """``{"version": 2, "chapters": [...], "findings": [...], "summary": {state: n}}``."""
    counts = Counter(chapter.state for chapter in chapters)
    document = {
        "version": 2,
        "chapters": [_row(chapter) for chapter in chapters],
        "findings": [f.to_dict() for chapter in chapters for f in chapter.findings],
        "summary": {state: counts[state] for state in STATES},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS: Mapping[str, Callable[[Sequence[ChapterStatus]], str]] = {
    "text": render_text,
    "json": render_json,
}
