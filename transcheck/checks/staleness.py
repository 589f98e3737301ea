"""Staleness rules (TC7xx) that git history gives: an English file or section that changed
after its translation. The pipeline emits them (``--changed-since`` and ``transcheck status``)."""

from __future__ import annotations

from transcheck.checks.registry import Illustration, declare
from transcheck.findings import Location, Severity

SOURCE_CHANGED = declare(
    "TC702",
    "source-changed",
    Severity.WARNING,
    """An English file changed in the checked range and its Korean file did not: may be stale.

    Bad:  a pull request edits en/gpus.md and leaves ko/gpus.md as it was.
    Good: the same pull request (or a follow-up) brings ko/gpus.md up to date.
    """,
    example=Illustration(
        "the English file changed since origin/main (merge-base 1a2b3c4) and the Korean file "
        "did not: the translation may be stale; changed sections: '## GPU memory' → "
        "'## GPU 메모리' (line 40)",
        Location("en/gpus.md", 42),
        Location("ko/gpus.md", 40),
        needs="a git history; `transcheck check en ko --changed-since REV` reports it",
    ),
)

SECTION_STALE = declare(
    "TC703",
    "section-stale",
    Severity.WARNING,
    """An English section changed after the commit its translation is based on.

    Bad:  en/x.md:80 "## Sharding strategies" gained a paragraph upstream after ko/x.md was
          translated (its source_commit), and ko/x.md:88 "## 샤딩 전략" still lacks it.
    Good: translate the change into "## 샤딩 전략" and move source_commit to the new commit.
    """,
    example=Illustration(
        "'## Sharding strategies' changed upstream since 1a2b3c4 (source_commit): "
        "update '## 샤딩 전략'",
        Location("en/x.md", 80),
        Location("ko/x.md", 88),
        needs="a git history: the Korean files in a repository, or --source-rev",
    ),
)
