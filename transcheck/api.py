"""The public pipeline: config -> pair -> parse -> align -> run checks -> Report. Never prints.

Git-aware runs read the English side from a revision (``source_rev``) or check only what a range
changed (``changed_since``); ``apply_baseline`` sets aside the findings a baseline accepted.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path

from transcheck.align import Alignment, align_sections
from transcheck.checks import PairContext
from transcheck.config import Config
from transcheck.findings import Finding
from transcheck.fixes import SourceText
from transcheck.links import LinkIndex
from transcheck.pairing import Pairing, pair_sides
from transcheck.parse import parse_markdown, read_markdown
from transcheck.results import PairResult, Report
from transcheck.run import Run
from transcheck.runner import (
    Guard,
    SuppressionSource,
    active_rules,
    apply_suppressions,
    run_pair,
)

__all__ = [
    "PairResult",
    "Report",
    "Run",
    "align_files",
    "apply_baseline",
    "check_pair",
    "check_pairing",
    "check_paths",
]


def check_pairing(
    pairing: Pairing,
    config: Config,
    chapters: bool = False,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> Report:
    """Check already-paired trees (see check_paths)."""
    return Run(pairing, config, jobs=jobs).report(chapters, progress)


def check_paths(
    source: Path,
    target: Path,
    config: Config | None = None,
    *,
    source_rev: str | None = None,
    changed_since: str | None = None,
    chapters: bool = False,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> Report:
    """Check an English file or tree against its Korean file or tree.

    ``source_rev`` reads the English side as it is at that git revision (``source`` may then be
    the Korean folder itself: an in-place translation). ``changed_since`` checks only the pairs
    with a side changed since merge-base(REV, HEAD), and reports English files changed without
    their Korean file (source-changed). Raises PairingError for paths that cannot be paired,
    GitError when git fails, ConfigError for a bad config; unreadable files become TC001 findings
    and the other pairs are still checked. ``chapters`` adds the views the html format shows;
    ``progress`` is called with (pairs done, pairs in all) after each pair; ``jobs`` > 1
    checks pairs in that many processes, with the same report.
    """
    config = config or Config()
    with tempfile.TemporaryDirectory(prefix="transcheck-") as scratch:
        pairing = pair_sides(source, target, config, source_rev, Path(scratch))
        if changed_since is None:
            return check_pairing(pairing, config, chapters, progress, jobs)
        from transcheck.changes import changed_pairs  # git diffs: with --changed-since only

        changes = changed_pairs(pairing, changed_since)
        subset = dataclasses.replace(pairing, pairs=changes.pairs)
        return Run(subset, config, changes.source_changes, jobs).report(chapters, progress)


def apply_baseline(
    report: Report, accepted: frozenset[str], path_key: Callable[[str], str]
) -> Report:
    """``report`` with the findings whose fingerprints ``accepted`` holds moved to each pair's
    ``baselined``; ``fixed`` counts accepted fingerprints no longer found."""
    from transcheck.baseline import split  # with --baseline only

    result = split(report.findings, accepted, path_key)
    unchanged = {id(finding) for finding in result.unchanged}
    pairs = tuple(
        dataclasses.replace(
            pair,
            findings=tuple(f for f in pair.findings if id(f) not in unchanged),
            baselined=tuple(f for f in pair.findings if id(f) in unchanged),
        )
        for pair in report.pairs
    )
    return dataclasses.replace(report, pairs=pairs, fixed=result.fixed)


def check_pair(
    source_text: str,
    target_text: str,
    config: Config | None = None,
    source_path: str = "en.md",
    target_path: str = "ko.md",
) -> list[Finding]:
    """Check two Markdown strings (no files involved); links to other pages are not resolved.
    Suppression comments in the Korean text apply."""
    config = config or Config()
    source = parse_markdown(source_text, source_path, config.slug_style, config.dialect)
    target = parse_markdown(target_text, target_path, config.slug_style, config.dialect)
    ctx = PairContext(
        source=source,
        target=target,
        alignment=align_sections(source, target, config.rewrite_link),
        config=config,
        source_rel=source_path,
        target_rel=target_path,
        source_index=LinkIndex(None, {source_path: source}, lambda rel: None),
        target_index=LinkIndex(None, {target_path: target}, lambda rel: None),
        counterparts={source_path: target_path},
        sources={target_path: source_path},
        target_text=SourceText.of(target_text.encode("utf-8"), target_text.removeprefix("\ufeff")),
    )
    rules = active_rules(config)
    guard = Guard(ctx.at_source(None), ctx.at_target(None), rules)
    findings = run_pair(ctx, rules, guard) + guard.findings
    silenced = apply_suppressions(findings, SuppressionSource.of(target), rules)
    return sorted(silenced.kept + silenced.unused, key=Finding.sort_key)


def align_files(source: Path, target: Path, config: Config | None = None) -> Alignment:
    """Parse two files and align their sections (for ``transcheck align``)."""
    config = config or Config()
    documents = []
    for path in (source, target):
        text = read_markdown(path, str(path), None, int(config.option("limits", "file_bytes")))
        documents.append(parse_markdown(text, str(path), config.slug_style, config.dialect))
    return align_sections(documents[0], documents[1], config.rewrite_link)
