"""One check run over paired trees: read and parse both sides once, align each pair, run the
rules, place cross-chapter findings, apply inline suppressions; the result is a Report."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import field, replace
from typing import TYPE_CHECKING, Any

from transcheck.align import Alignment, align_sections
from transcheck.budget import OverBudget, time_budget
from transcheck.checks import PairContext
from transcheck.checks.inputs import UNREADABLE_FILE
from transcheck.checks.staleness import SOURCE_CHANGED
from transcheck.checks.structure import SOURCE_MISSING, TRANSLATION_MISSING
from transcheck.checks.untranslated import translated_share
from transcheck.config import Config, ConfigError
from transcheck.findings import Finding, Location
from transcheck.fixes import SourceText
from transcheck.history import SectionStale
from transcheck.links import LinkIndex
from transcheck.model import Document
from transcheck.pairing import FilePair, Pairing, Tree
from transcheck.parse import InputError, decode_markdown, parse_markdown, read_limited
from transcheck.records import mutable, record
from transcheck.results import PairResult, Report
from transcheck.runner import (
    ActiveRule,
    Guard,
    SuppressionSource,
    active_rules,
    apply_suppressions,
    by_code,
    collect_set,
    run_pair,
    run_set,
    stamp,
)
from transcheck.siteurl import discover_site_url

if TYPE_CHECKING:  # imported where used: most runs need neither (see _outcome, _source_changed)
    from transcheck.changes import SourceChange
    from transcheck.chapterview import ChapterView

PARALLEL_MIN_PAIRS = 4  # fewer pairs are checked in this process: forking would cost more
# Parsed documents a side keeps for links into them (and section alignments a run keeps): the
# least recently used beyond it are dropped and parsed again if a link needs them, so memory
# stays bounded on a large tree; a tree of this many files or fewer is parsed once. Each kept
# alignment holds its two documents too, so up to about 4x this many stay parsed: at 600 they
# were most of a 20x vue-docs run's 250 MB; at 200, 4% more parses (links into dropped ones).
DOCUMENTS_KEPT = 200


@mutable
class Side:
    """One language side: its tree, parsed documents (the last DOCUMENTS_KEPT used), and the
    read errors met."""

    tree: Tree
    config: Config
    documents: dict[str, Document] = field(default_factory=dict)  # least recently used first
    errors: dict[str, InputError] = field(default_factory=dict)
    texts: dict[str, SourceText] = field(default_factory=dict)  # as read, for fixes

    def load(self, rel: str) -> Document | None:
        """Parse ``rel`` (once while it is among the documents kept); a read error is
        remembered and gives None."""
        if rel in self.documents:
            self.documents[rel] = self.documents.pop(rel)  # now the most recently used
            return self.documents[rel]
        if rel in self.errors:
            return None
        path = self.tree.root / rel
        limit = int(self.config.option("limits", "file_bytes"))
        try:
            display = self.tree.display(rel)
            data = read_limited(path, display, self.tree.root, limit)
            text = decode_markdown(data, display)
        except InputError as error:
            self.errors[rel] = error
            return None
        self.texts[rel] = SourceText.of(data, text)
        document = parse_markdown(
            text, self.tree.display(rel), self.config.slug_style, self.config.dialect
        )
        self.documents[rel] = document
        if len(self.documents) > DOCUMENTS_KEPT:
            dropped = next(iter(self.documents))
            del self.documents[dropped]
            self.texts.pop(dropped, None)
        return document

    def index(self) -> LinkIndex:
        """The link index over this side's documents, loading other files on demand."""
        links = self.config
        return LinkIndex(
            self.tree.root,
            self.documents,
            self.load,
            self.tree.files,
            links.link_routes,
            links.link_roots,
            links.site_url,
        )


def _source_changed(ctx: PairContext, change: SourceChange) -> tuple[str, Location, Location]:
    """The message and locations of a source-changed finding: at the first Korean section
    that needs the update (the Korean file when none aligns), English at its first change."""
    from transcheck.changes import stale_sections  # git and hunks: only with --changed-since

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


@record
class PairOutcome:
    """What checking one pair gives, as plain data: a worker process hands it back whole."""

    findings: tuple[Finding, ...]
    share: float | None  # translated share (None without both documents)
    collected: Mapping[str, Any] | None  # what each cross-chapter rule took from the pair
    suppression: SuppressionSource | None  # the Korean file's suppression comments
    errors: tuple[InputError, ...]  # the pair's files that could not be read
    view: ChapterView | None  # the side-by-side view, when the html format asks


# The run a forked worker process checks pairs of (set just before the pool forks).
_WORKER_RUN: Run | None = None


def _work(task: tuple[int, bool]) -> tuple[int, PairOutcome]:
    """In a worker: check pair ``index`` of the run inherited from the parent."""
    index, chapters = task
    assert _WORKER_RUN is not None
    outcome = _WORKER_RUN.outcome(index, chapters)
    _WORKER_RUN.settle()
    return index, outcome


def _can_fork() -> bool:
    """Whether worker processes can be forked here (multiprocessing is imported only then)."""
    from multiprocessing import get_all_start_methods

    return "fork" in get_all_start_methods()


class Run:
    """One check run over paired trees: both sides, their link indexes, the active rules.

    Files are read and parsed when a pair (or a link) first needs them, once. ``jobs`` > 1
    checks pairs in that many forked processes; the report is the same as with one.
    ``source_changes`` (from ``--changed-since``) adds a source-changed finding to those pairs.
    ``rules`` replaces the rules the config selects (a plugin's own rules, for instance).
    """

    def __init__(
        self,
        pairing: Pairing,
        config: Config,
        source_changes: Mapping[FilePair, SourceChange] | None = None,
        jobs: int = 1,
        rules: Sequence[ActiveRule] | None = None,
        parsed: tuple[Mapping[str, Document], Mapping[str, Document]] = ({}, {}),
        like: Run | None = None,
        cross_chapter: bool = True,
    ) -> None:
        """Prepare both sides and their link indexes; nothing is read yet but what ``parsed``
        does not already hold (English and Korean documents by path, from an earlier run).
        ``like``, an earlier run over the same pairing and config, lends its git history (a
        ``git log`` over the Korean files), so an editor's check per keystroke runs no git.
        ``cross_chapter`` False: nothing is collected for the cross-chapter rules and they do
        not run (an editor's check takes their findings from the saved tree)."""
        self.pairing = pairing
        if not config.site_url:  # absolute links to the site itself are site-relative
            config = replace(config, site_url=discover_site_url(pairing.target.root))
        self.config = config
        self.source_changes = source_changes or {}
        self.jobs = jobs
        self.cross_chapter = cross_chapter
        self.rules = tuple(rules) if rules is not None else active_rules(config)
        self.emitted = by_code(self.rules)
        self.history: SectionStale | None = (  # None outside git
            like.history if like is not None else SectionStale.of(pairing, self.emitted)
        )
        self.english = Side(pairing.source, config, dict(parsed[0]))
        self.korean = Side(pairing.target, config, dict(parsed[1]))
        self.english_index = self.english.index()
        self.korean_index = self.korean.index()
        self.counterparts = {
            p.source: p.target
            for p in pairing.pairs
            if p.source is not None and p.target is not None
        }
        self.sources: dict[str, str] = {}  # see PairContext.sources; the first, in pair order
        for english, korean in self.counterparts.items():
            self.sources.setdefault(korean, english)
        self.alignments: dict[tuple[str, str], Alignment] = {}  # see PairContext.alignments
        self.settling = False  # whether pairs' leftovers are frozen (see settle)

    def _emit(self, code: str, message: str, source: Location, target: Location) -> list[Finding]:
        """A finding of a pipeline rule, or none when that rule is not active."""
        active = self.emitted.get(code)
        return [stamp(active, message, source, target)] if active else []

    def check(self, pair: FilePair, guard: Guard) -> tuple[list[Finding], PairContext | None]:
        """Findings of one pair (missing counterpart, unreadable files, or the pair rules);
        every step runs inside ``guard``, which holds the internal errors."""
        findings, ctx = self.context(pair, guard)
        if ctx is None:
            return findings, None
        findings += run_pair(ctx, self.rules, guard)
        change = self.source_changes.get(pair)
        if change is not None:
            with guard.step("placing source-changed"):
                findings += self._emit(SOURCE_CHANGED.code, *_source_changed(ctx, change))
        elif self.history is not None:  # section-stale: what source-changed says in a range
            with guard.step("placing section-stale"):
                findings += self.history.findings(ctx)
        return findings, ctx

    def context(self, pair: FilePair, guard: Guard) -> tuple[list[Finding], PairContext | None]:
        """The context the rules of one pair read (both documents parsed and aligned), or
        None with the findings that tell why not (missing counterpart, unreadable files)."""
        if pair.target is None:
            assert pair.source is not None
            where = Location(self.english.tree.display(pair.source), None)
            message = "no Korean translation of this file"
            return self._emit(TRANSLATION_MISSING.code, message, where, Location()), None
        if pair.source is None:
            where = Location(self.korean.tree.display(pair.target), None)
            message = "no English source file for this Korean file"
            return self._emit(SOURCE_MISSING.code, message, Location(), where), None
        documents: list[Document | None] = [None, None]
        for index, (side, rel) in enumerate(
            ((self.english, pair.source), (self.korean, pair.target))
        ):
            with guard.step(f"parsing {side.tree.display(rel)}"):
                documents[index] = side.load(rel)
        source_doc, target_doc = documents
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
        if source_doc is None or target_doc is None:
            return failures, None
        alignment = self.alignments.get((pair.source, pair.target))
        if alignment is None:
            with guard.step("aligning the sections"):
                alignment = align_sections(source_doc, target_doc, self.config.rewrite_link)
                self.alignments[pair.source, pair.target] = alignment
        if alignment is None:
            return failures, None
        ctx = PairContext(
            source=source_doc,
            target=target_doc,
            alignment=alignment,
            config=self.config,
            source_rel=pair.source,
            target_rel=pair.target,
            source_index=self.english_index,
            target_index=self.korean_index,
            counterparts=self.counterparts,
            sources=self.sources,
            target_text=self.korean.texts.pop(pair.target, None),  # only this pair fixes it
            source_text=self.english.texts.get(pair.source),  # dropped after the pair
            alignments=self.alignments,
        )
        return failures, ctx

    def _guard(self, pair: FilePair) -> Guard:
        """The guard of one pair's steps, naming its files."""
        return Guard(
            Location(self.english.tree.display(pair.source) if pair.source else None),
            Location(self.korean.tree.display(pair.target) if pair.target else None),
            self.rules,
        )

    def outcome(self, index: int, chapters: bool) -> PairOutcome:
        """Check pair ``index`` within its time budget (limits.pair_seconds): a pair over it is
        reported as not checked (unreadable-file, exit 2) and the run goes on."""
        seconds = float(self.config.option("limits", "pair_seconds"))
        try:
            with time_budget(seconds):
                return self._outcome(index, chapters)
        except OverBudget:
            return self._unchecked(self.pairing.pairs[index], seconds)

    def _unchecked(self, pair: FilePair, seconds: float) -> PairOutcome:
        """A pair that ran past its time budget, reported as not checked."""
        korean = pair.target is not None
        tree, rel = (self.korean.tree, pair.target) if korean else (self.english.tree, pair.source)
        message = (
            f"not checked: this pair took over {seconds:g} s (raise the config key "
            "limits.pair_seconds to allow more)"
        )
        error = InputError(tree.display(rel or ""), message)
        where = Location(error.path)
        sides = (Location(), where) if korean else (where, Location())
        findings = self._emit(UNREADABLE_FILE.code, message, *sides)
        return PairOutcome(tuple(findings), None, None, None, (error,), None)

    def _outcome(self, index: int, chapters: bool) -> PairOutcome:
        """Check pair ``index`` and take everything the report needs from it; a step that fails
        gives an internal-error finding and leaves its part out."""
        pair = self.pairing.pairs[index]
        guard = self._guard(pair)
        findings, ctx = self.check(pair, guard)
        self.english.texts.pop(pair.source or "", None)  # no fix is made on an English file
        while len(self.alignments) > DOCUMENTS_KEPT:  # the least recently computed
            del self.alignments[next(iter(self.alignments))]
        korean = self.korean.documents.get(pair.target) if pair.target else None
        errors = tuple(
            error
            for side, rel in ((self.english, pair.source), (self.korean, pair.target))
            if rel is not None and (error := side.errors.get(rel)) is not None
        )
        share = collected = view = None
        if ctx is not None:
            with guard.step("measuring the translated share"):
                share = translated_share(ctx)
            collected = collect_set(ctx, self.rules, guard) if self.cross_chapter else None
            if chapters:
                from transcheck.chapterview import chapter_view  # the html format only

                with guard.step("building the side-by-side view"):
                    view = chapter_view(ctx)
        return PairOutcome(
            findings=tuple(findings + guard.findings),
            share=share,
            collected=collected,
            suppression=SuppressionSource.of(korean) if korean is not None else None,
            errors=errors,
            view=view,
        )

    def _crashed(self, index: int, error: BaseException) -> PairOutcome:
        """The outcome of a pair whose worker process failed outside every guard (it died, or
        its outcome could not be sent back): one internal-error finding."""
        guard = self._guard(self.pairing.pairs[index])
        with guard.step("checking the pair in a worker process"):
            raise error
        return PairOutcome(tuple(guard.findings), None, None, None, (), None)

    def _size(self, index: int) -> int:
        """Bytes of a pair's files (0 for a missing or unreadable side): its expected work."""
        pair = self.pairing.pairs[index]
        size = 0
        for tree, rel in ((self.pairing.source, pair.source), (self.pairing.target, pair.target)):
            if rel is not None:
                with contextlib.suppress(OSError):
                    size += (tree.root / rel).stat().st_size
        return size

    def _outcomes(
        self, chapters: bool, progress: Callable[[int, int], None] | None
    ) -> list[PairOutcome]:
        """Every pair's outcome, in pair order: here, or in forked worker processes."""
        total = len(self.pairing.pairs)
        results: list[PairOutcome | None] = [None] * total
        if self.jobs > 1 and total >= PARALLEL_MIN_PAIRS and _can_fork():
            from concurrent.futures import ProcessPoolExecutor, as_completed
            from multiprocessing import get_context

            # Largest pairs first, so no worker is left with a big one at the end; the smallest
            # is checked here first: what every pair needs once (the glossary, compiled
            # patterns) is then loaded before the fork, and a config error surfaces here.
            order = sorted(range(total), key=self._size, reverse=True)
            first = order.pop()
            results[first] = self.outcome(first, chapters)
            self.settle()
            if progress is not None:
                progress(1, total)
            global _WORKER_RUN
            _WORKER_RUN = self
            try:
                workers = min(self.jobs, len(order))  # never more processes than pairs
                with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
                    futures = {pool.submit(_work, (index, chapters)): index for index in order}
                    for done, future in enumerate(as_completed(futures), 2):
                        try:
                            results[futures[future]] = future.result()[1]
                        except ConfigError:
                            raise
                        except Exception as error:  # a worker died: its pair still gets a finding
                            results[futures[future]] = self._crashed(futures[future], error)
                        if progress is not None:
                            progress(done, total)
            finally:
                _WORKER_RUN = None
        else:
            for index in range(total):
                results[index] = self.outcome(index, chapters)
                self.settle()
                if progress is not None:
                    progress(index + 1, total)
        return [result for result in results if result is not None]

    def report(
        self, chapters: bool = False, progress: Callable[[int, int], None] | None = None
    ) -> Report:
        """Check every pair, then the cross-chapter rules, place those findings in their pairs,
        and apply each Korean file's suppressions. ``chapters`` adds the views the html format
        shows; ``progress`` is called with (pairs done, pairs in all) after each pair."""
        self.settling = gc.get_freeze_count() == 0  # a caller's own frozen objects: left be
        # While settling, the collector is paused too: what a pair leaves is frozen after it
        # (see settle), so a collection in between walks only the pair's own young objects,
        # which reference counting frees (on vue-docs 535 young collections, ~3% of a check,
        # found 193 objects in cycles); the few cycles wait for the end of the run.
        paused = self.settling and gc.isenabled()
        if paused:
            gc.disable()
        try:
            outcomes = self._outcomes(chapters, progress)
            # No pair is checked again: the cross-chapter rules read what the pairs collected,
            # so the parsed documents, texts and alignments go before they run (tens of MB kept
            # for links on a large tree, next to what those rules build over the whole tree).
            for side in (self.english, self.korean):
                side.documents.clear()
                side.texts.clear()
            self.alignments.clear()
            return self.assemble(outcomes)
        finally:
            if self.settling:
                gc.unfreeze()
                self.settling = False
            if paused:
                gc.enable()

    def settle(self) -> None:
        """After a pair: what the run holds by then (documents kept for links, alignments, what
        the cross-chapter rules collect, the outcomes) is moved out of the garbage collector's
        reach until the run ends. It lives that long anyway, and the full collections its
        growth triggers walked all of it again and again (~10% of a check's time on
        vue-docs); reference counting still frees what is dropped (the few cycles wait for
        the end of the run)."""
        if self.settling:
            gc.freeze()

    def assemble(self, outcomes: Sequence[PairOutcome]) -> Report:
        """The report of every pair's outcome (in pair order): the cross-chapter rules over what
        the pairs collected, their findings placed in their pairs, each Korean file's
        suppressions applied."""
        per_pair = [list(outcome.findings) for outcome in outcomes]
        displays = [
            (
                self.pairing.source.display(p.source) if p.source is not None else None,
                self.pairing.target.display(p.target) if p.target is not None else None,
            )
            for p in self.pairing.pairs
        ]
        home = {path: n for n, paths in enumerate(displays) for path in paths if path}
        collected = [o.collected for o in outcomes if o.collected is not None]
        first = next((n for n, paths in enumerate(displays) if all(paths)), 0)
        guard = Guard(Location(displays[first][0]), Location(displays[first][1]), self.rules)
        cross = run_set(collected, self.config, self.rules, guard) if self.cross_chapter else []
        for finding in cross + guard.findings:
            slot = home.get(finding.primary.path or "")
            if slot is not None:
                per_pair[slot].append(finding)
        results = []
        for outcome, display, findings in zip(outcomes, displays, per_pair, strict=True):
            kept, silenced = findings, []
            if outcome.suppression is not None:
                applied = apply_suppressions(findings, outcome.suppression, self.rules)
                kept, silenced = applied.kept + applied.unused, applied.silenced
            results.append(
                PairResult(
                    display[0],
                    display[1],
                    tuple(sorted(kept, key=Finding.sort_key)),
                    outcome.share,
                    tuple(sorted(silenced, key=Finding.sort_key)),
                )
            )
        errors = tuple(error for outcome in outcomes for error in outcome.errors)
        views = tuple(o.view for o in outcomes if o.view is not None)
        return Report(tuple(results), self.rules, errors, chapters=views)
