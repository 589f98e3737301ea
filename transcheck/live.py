"""A tree checked live, as an editor needs it: one file checked on its unsaved text against the
saved state of the rest of the tree, and the English line a Korean line translates.

The tree is indexed once (every pair checked on its saved files, in ``index``); a live check then
parses only what the earlier runs have not (the edited file, through ``unsaved_texts``) and checks
its pair with the same Run as ``check``. Cross-chapter findings (glossary consistency) come from
the saved tree, checked again when a file is saved; before the index is done they are left out.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from transcheck.align.blocks import block_alignment
from transcheck.chapterview import TermUse, chapter_view
from transcheck.checks import PairContext, Scope
from transcheck.config import Config
from transcheck.findings import Finding, Location
from transcheck.glossary.scan import split_lines
from transcheck.links import Status, normalize_fragment
from transcheck.pairing import FilePair, Pairing, pair_paths
from transcheck.parse import InputError, read_markdown, unsaved_texts
from transcheck.run import PairOutcome, Run
from transcheck.runner import Guard

_NOTHING = PairOutcome((), None, None, None, (), None)
# Rules whose findings are defects of the English source, shown in the English file too.
ENGLISH_SIDE = frozenset({"source-link-broken", "source-math-corrected"})


def absolute(display: str) -> Path:
    """The file a finding's path names (paths are shown relative to the working directory)."""
    return Path(os.path.abspath(display))


@dataclass(frozen=True)
class Aligned:
    """The English block (or heading) a Korean line translates, with its file."""

    path: Path
    display: str  # the path as findings show it
    line: int
    end_line: int
    text: str


@dataclass(frozen=True)
class LinkTarget:
    """A link of the Korean file (its line and URL as written) and where it leads."""

    line: int
    url: str
    path: Path
    target_line: int


@dataclass(frozen=True)
class LiveCheck:
    """One file checked on its (unsaved) text: its findings, and the run that checked it (for
    the alignment and the glossary mentions of its pair, computed when first asked)."""

    path: Path
    text: str
    korean: bool  # whether the file is the Korean side of its pair
    findings: tuple[Finding, ...]
    run: Run
    pair: FilePair

    @cached_property
    def context(self) -> PairContext | None:
        """The pair as its rules read it (None for an English file, or a side missing)."""
        if not self.korean:
            return None
        with unsaved_texts({self.path: self.text}):
            return self.run.context(self.pair, Guard(Location(), Location()))[1]

    @cached_property
    def mentions(self) -> tuple[TermUse, ...]:
        """The glossary mentions of the Korean file (none without a glossary)."""
        if self.context is None:
            return ()
        with unsaved_texts({self.path: self.text}):
            terms = chapter_view(self.context).terms
        return tuple(term for term in terms or () if term.korean)

    def terms(self, line: int) -> tuple[TermUse, ...]:
        """The glossary mentions on Korean ``line`` (1-based)."""
        return tuple(term for term in self.mentions if term.line == line)

    def links(self) -> tuple[LinkTarget, ...]:
        """Where the Korean file's links lead in its tree: a page of the tree, and the heading
        of their ``#anchor`` when it has one (external links, assets and broken links are left
        out: the editor opens URLs itself, and the diagnostics tell the broken ones)."""
        ctx = self.context
        if ctx is None:
            return ()
        index, found = ctx.target_index, []
        for link in (link for section in ctx.target.sections for link in section.links):
            resolution = index.resolve(ctx.target_rel, link.path_part)
            if resolution.status is Status.FRAGMENT:
                rel: str | None = ctx.target_rel
            else:
                rel = resolution.target if resolution.status is Status.FOUND else None
            document = index.document(rel) if rel is not None else None
            if rel is None or document is None or index.root is None:
                continue
            line = 1
            if link.fragment:
                section = document.anchors.get(normalize_fragment(link.fragment))
                if section is None:
                    continue
                line = document.sections[section].line
            found.append(LinkTarget(link.line, link.url, Path(index.root, rel).absolute(), line))
        return tuple(found)

    def aligned(self, line: int) -> Aligned | None:
        """The English block aligned with Korean ``line`` (1-based), as its saved file writes
        it: the block pair holding the line, else the heading of the English section of the
        Korean section holding it."""
        ctx = self.context
        if ctx is None:
            return None
        for section in block_alignment(ctx.alignment, ctx.config.rewrite_link):
            if not section.target.line <= line <= section.target.end_line:
                continue
            first = last = section.source.line
            for pair in section.blocks:
                if pair.source and pair.target and pair.target.line <= line <= pair.target.end_line:
                    first, last = pair.source.line, pair.source.end_line
                    break
            return _english_lines(ctx, first, last)
        return None


def _english_lines(ctx: PairContext, first: int, last: int) -> Aligned | None:
    """Lines ``first``..``last`` of a pair's English file (None when it cannot be read)."""
    display = ctx.source.path
    limit = int(ctx.config.option("limits", "file_bytes"))
    try:
        lines = split_lines(read_markdown(absolute(display), display, None, limit))
    except InputError:
        return None
    return Aligned(absolute(display), display, first, last, "\n".join(lines[first - 1 : last]))


class LiveTree:
    """An English tree and its Korean tree, checked file by file as they are edited.

    Thread-safe: ``index`` may run in one thread while ``check`` runs in another.
    """

    def __init__(self, source: Path, target: Path, config: Config) -> None:
        """Pair the trees (as ``check`` does); nothing is checked yet."""
        self.pairing: Pairing = pair_paths(
            source.absolute(), target.absolute(), config.pairing, config.extensions
        )
        self.saved = Run(self.pairing, config)
        self.config = self.saved.config
        self.set_codes = frozenset(
            a.rule.code for a in self.saved.rules if a.rule.scope is Scope.SET
        )
        self.outcomes: list[PairOutcome | None] = [None] * len(self.pairing.pairs)
        self.cross: list[tuple[Finding, ...]] = []  # cross-chapter findings by pair, saved
        self.indexed = False
        self._lock = threading.Lock()

    def index(self) -> None:
        """Check every pair on its saved files, then the cross-chapter rules over them."""
        for number in range(len(self.pairing.pairs)):
            with self._lock:
                self.outcomes[number] = self.saved.outcome(number, False)
        self._cross_chapter()
        self.indexed = True

    def _cross_chapter(self) -> None:
        """The cross-chapter findings of each pair on the saved state (suppressed ones too: a
        live check applies the suppressions of the unsaved text to them)."""
        with self._lock:
            report = self.saved.assemble([o or _NOTHING for o in self.outcomes])
        self.cross = [
            tuple(f for f in pair.findings + pair.suppressed if f.code in self.set_codes)
            for pair in report.pairs
        ]

    def find(self, path: Path) -> tuple[int, bool] | None:
        """The pair of a file and whether the file is its Korean side; None outside the trees."""
        path = Path(os.path.abspath(path))
        for korean, tree in ((True, self.pairing.target), (False, self.pairing.source)):
            try:
                rel = path.relative_to(Path(os.path.abspath(tree.root))).as_posix()
            except ValueError:
                continue
            for number, pair in enumerate(self.pairing.pairs):
                if (pair.target if korean else pair.source) == rel:
                    return number, korean
        return None

    def saved_change(self, path: Path) -> None:
        """A file was saved or changed on disk: later checks read it again, and the saved
        outcome of its pair and the cross-chapter findings are checked again (once indexed)."""
        found = self.find(path)
        if found is None:
            return
        number, _ = found
        pair = self.pairing.pairs[number]
        with self._lock:
            for side, rel in ((self.saved.english, pair.source), (self.saved.korean, pair.target)):
                if rel is not None:
                    side.documents.pop(rel, None)
                    side.errors.pop(rel, None)
            # the link indexes copy the documents: a fresh Run over what is still parsed
            parsed = (dict(self.saved.english.documents), dict(self.saved.korean.documents))
            self.saved = Run(self.pairing, self.config, parsed=parsed)
            if not self.indexed:
                return
            self.outcomes[number] = self.saved.outcome(number, False)
        self._cross_chapter()

    def check(self, path: Path, text: str) -> LiveCheck | None:
        """The findings of the file at ``path`` with ``text`` as its content (None when the
        file is in neither tree): the Korean file's own, or for an English file those that
        belong to the English (no Korean location, or a defect of the source). Cross-chapter
        findings are those of the saved tree (none before ``index`` is done)."""
        found = self.find(path)
        if found is None:
            return None
        number, korean = found
        pair: FilePair = self.pairing.pairs[number]
        edited = pair.target if korean else pair.source
        assert edited is not None
        with self._lock:
            sides = (self.saved.english.documents, self.saved.korean.documents)
            parsed = tuple(
                {rel: doc for rel, doc in docs.items() if rel != edited or is_korean != korean}
                for is_korean, docs in zip((False, True), sides, strict=True)
            )
            cross = self.cross[number] if self.indexed else ()
            saved = self.saved
        with unsaved_texts({path: text}):
            run = Run(self.pairing, self.config, parsed=(parsed[0], parsed[1]), like=saved)
            outcome = run.outcome(number, False)
        outcomes = [_NOTHING] * len(self.pairing.pairs)
        outcomes[number] = replace(outcome, findings=outcome.findings + cross, collected=None)
        report = run.assemble(outcomes)
        display = (self.pairing.target if korean else self.pairing.source).display(edited)
        findings = tuple(
            f
            for f in report.pairs[number].findings
            if (f.target.path == display if korean else f.source.path == display)
            and (korean or f.target.path is None or f.rule in ENGLISH_SIDE)
        )
        return LiveCheck(Path(os.path.abspath(path)), text, korean, findings, run, pair)
