"""One check run over paired trees: read and parse both sides once, align each pair, run the
rules, place cross-chapter findings, apply inline suppressions; the result is a Report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from transcheck.align import align_sections
from transcheck.changes import SourceChange, stale_sections
from transcheck.chapterview import chapter_view
from transcheck.checks import PairContext, SetContext
from transcheck.checks.inputs import UNREADABLE_FILE
from transcheck.checks.staleness import SOURCE_CHANGED
from transcheck.checks.structure import SOURCE_MISSING, TRANSLATION_MISSING
from transcheck.checks.untranslated import translated_share
from transcheck.config import Config
from transcheck.findings import Finding, Location
from transcheck.links import LinkIndex
from transcheck.model import Document
from transcheck.pairing import FilePair, Pairing, Tree
from transcheck.parse import InputError, parse_markdown, read_markdown
from transcheck.results import PairResult, Report
from transcheck.runner import (
    active_rules,
    apply_suppressions,
    by_code,
    run_pair,
    run_set,
    stamp,
)


@dataclass
class Side:
    """One language side: its tree, parsed documents, and the read errors met."""

    tree: Tree
    config: Config
    documents: dict[str, Document] = field(default_factory=dict)
    errors: dict[str, InputError] = field(default_factory=dict)

    def load(self, rel: str) -> Document | None:
        """Parse ``rel`` once; a read error is remembered and gives None."""
        if rel in self.documents:
            return self.documents[rel]
        if rel in self.errors:
            return None
        path = self.tree.root / rel
        try:
            text = read_markdown(path, self.tree.display(rel))
        except InputError as error:
            self.errors[rel] = error
            return None
        document = parse_markdown(
            text, self.tree.display(rel), self.config.slug_style, self.config.dialect
        )
        self.documents[rel] = document
        return document

    def index(self) -> LinkIndex:
        """The link index over this side's documents, loading other files on demand."""
        return LinkIndex(self.tree.root, self.documents, self.load)


def _source_changed(ctx: PairContext, change: SourceChange) -> tuple[str, Location, Location]:
    """The message and locations of a source-changed finding: at the first Korean section
    that needs the update (the Korean file when none aligns), English at its first change."""
    sections = stale_sections(ctx.alignment, change.hunks)
    first_english = next((hunk.lines[0] for hunk in change.hunks if hunk.lines), None)
    korean_lines = [s.korean_line for s in sections if s.korean_line is not None]
    parts = [
        f"{s.english_name!r} → {s.korean_name!r} (line {s.korean_line})"
        if s.korean_name
        else f"{s.english_name!r} (no Korean counterpart)"
        for s in sections
    ]
    message = (
        f"the English file changed since {change.rev} (merge-base {change.base[:7]}) and the "
        "Korean file did not: the translation may be stale"
        + (f"; changed sections: {', '.join(parts)}" if parts else "")
    )
    return (
        message,
        ctx.at_source(first_english),
        ctx.at_target(korean_lines[0] if korean_lines else None),
    )


class Run:
    """One check run over paired trees: both sides, their link indexes, the active rules.

    ``source_changes`` (from ``--changed-since``) adds a source-changed finding to those pairs.
    """

    def __init__(
        self,
        pairing: Pairing,
        config: Config,
        source_changes: Mapping[FilePair, SourceChange] | None = None,
    ) -> None:
        """Read and parse every paired file once; build both link indexes."""
        self.pairing = pairing
        self.config = config
        self.source_changes = source_changes or {}
        self.rules = active_rules(config)
        self.emitted = by_code(self.rules)
        self.english = Side(pairing.source, config)
        self.korean = Side(pairing.target, config)
        for pair in pairing.pairs:
            if pair.source is not None:
                self.english.load(pair.source)
            if pair.target is not None:
                self.korean.load(pair.target)
        self.english_index = self.english.index()
        self.korean_index = self.korean.index()
        self.counterparts = {
            p.source: p.target
            for p in pairing.pairs
            if p.source is not None and p.target is not None
        }

    def _emit(self, code: str, message: str, source: Location, target: Location) -> list[Finding]:
        """A finding of a pipeline rule, or none when that rule is not active."""
        active = self.emitted.get(code)
        return [stamp(active, message, source, target)] if active else []

    def check(self, pair: FilePair) -> tuple[list[Finding], PairContext | None]:
        """Findings of one pair (missing counterpart, unreadable files, or the pair rules)."""
        if pair.target is None:
            assert pair.source is not None
            where = Location(self.english.tree.display(pair.source), None)
            message = "no Korean translation of this file"
            return self._emit(TRANSLATION_MISSING.code, message, where, Location()), None
        if pair.source is None:
            where = Location(self.korean.tree.display(pair.target), None)
            message = "no English source file for this Korean file"
            return self._emit(SOURCE_MISSING.code, message, Location(), where), None
        failures = []
        english_file = Location(self.english.tree.display(pair.source))
        korean_file = Location(self.korean.tree.display(pair.target))
        for side, rel, english in (
            (self.english, pair.source, True),
            (self.korean, pair.target, False),
        ):
            error = side.errors.get(rel)
            if error is not None:
                where = Location(error.path, error.line)
                source, target = (where, korean_file) if english else (english_file, where)
                failures += self._emit(UNREADABLE_FILE.code, error.message, source, target)
        source_doc = self.english.documents.get(pair.source)
        target_doc = self.korean.documents.get(pair.target)
        if source_doc is None or target_doc is None:
            return failures, None
        ctx = PairContext(
            source=source_doc,
            target=target_doc,
            alignment=align_sections(source_doc, target_doc, self.config.rewrite_link),
            config=self.config,
            source_rel=pair.source,
            target_rel=pair.target,
            source_index=self.english_index,
            target_index=self.korean_index,
            counterparts=self.counterparts,
        )
        findings = run_pair(ctx, self.rules)
        change = self.source_changes.get(pair)
        if change is not None:
            findings += self._emit(SOURCE_CHANGED.code, *_source_changed(ctx, change))
        return findings, ctx

    def _suppress(
        self, pair: FilePair, findings: list[Finding]
    ) -> tuple[list[Finding], list[Finding]]:
        """A pair's findings after the Korean file's inline suppressions: kept and silenced."""
        document = self.korean.documents.get(pair.target) if pair.target else None
        if document is None:
            return findings, []
        silenced = apply_suppressions(findings, document, self.rules)
        return silenced.kept + silenced.unused, silenced.silenced

    def report(
        self, chapters: bool = False, progress: Callable[[int, int], None] | None = None
    ) -> Report:
        """Check every pair, then the cross-chapter rules, place those findings in their pairs,
        and apply each Korean file's suppressions. ``chapters`` adds the views the html format
        shows; ``progress`` is called with (pairs done, pairs in all) after each pair."""
        per_pair: list[list[Finding]] = []
        contexts: list[PairContext] = []
        shares: list[float | None] = []
        for done, pair in enumerate(self.pairing.pairs, 1):
            findings, ctx = self.check(pair)
            per_pair.append(findings)
            shares.append(translated_share(ctx) if ctx is not None else None)
            if ctx is not None:
                contexts.append(ctx)
            if progress is not None:
                progress(done, len(self.pairing.pairs))
        displays = [
            (
                self.pairing.source.display(p.source) if p.source is not None else None,
                self.pairing.target.display(p.target) if p.target is not None else None,
            )
            for p in self.pairing.pairs
        ]
        home = {path: n for n, paths in enumerate(displays) for path in paths if path}
        for finding in run_set(SetContext(tuple(contexts), self.config), self.rules):
            slot = home.get(finding.primary.path or "")
            if slot is not None:
                per_pair[slot].append(finding)
        results = []
        for pair, display, findings, share in zip(
            self.pairing.pairs, displays, per_pair, shares, strict=True
        ):
            kept, silenced = self._suppress(pair, findings)
            results.append(
                PairResult(
                    display[0],
                    display[1],
                    tuple(sorted(kept, key=Finding.sort_key)),
                    share,
                    tuple(sorted(silenced, key=Finding.sort_key)),
                )
            )
        errors = [
            error
            for pair in self.pairing.pairs
            for side, rel in ((self.english, pair.source), (self.korean, pair.target))
            if rel is not None and (error := side.errors.get(rel)) is not None
        ]
        views = tuple(chapter_view(ctx) for ctx in contexts) if chapters else ()
        return Report(tuple(results), self.rules, tuple(errors), chapters=views)
