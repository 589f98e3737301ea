"""A tree checked live, as an editor needs it: one file checked on its unsaved text against the
saved state of the rest of the tree, and the English line a Korean line translates.

The trees are paired as ``check`` pairs them (the English side may be a git revision, as with
``--source-rev``) and indexed once (every pair checked on its saved files, in ``index``); a live
check then parses only what the earlier runs have not (the edited file, through
``unsaved_texts``) and checks its pair with the same Run as ``check``. Cross-chapter findings
(glossary consistency) and each glossary term's uses across the tree come from the saved files;
files saved, created or deleted are read and paired again (``changed``), and their pairs and the
cross-chapter rules checked again in the background (``refresh``). Before the index is done the
cross-chapter findings are left out.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import cast

from transcheck.align.blocks import block_alignment
from transcheck.chapterview import TermUse, chapter_view
from transcheck.checks import PairContext, Scope, SetContext
from transcheck.checks.glossary import tree_terms
from transcheck.config import Config
from transcheck.findings import Finding, Location
from transcheck.glossary.decide import CODE as GLOSSARY_CODE
from transcheck.glossary.decide import Use, by_rendering, spread
from transcheck.glossary.scan import split_lines
from transcheck.links import Status, normalize_fragment
from transcheck.pairing import FilePair, Pairing, pair_paths, pair_sides, pair_trees
from transcheck.parse import InputError, read_markdown, unsaved_texts
from transcheck.records import cached_property, record
from transcheck.run import PairOutcome, Run
from transcheck.runner import Guard

_NOTHING = PairOutcome((), None, None, None, (), None)
# Rules whose findings are defects of the English source, shown in the English file too.
ENGLISH_SIDE = frozenset({"source-link-broken", "source-math-corrected"})


def absolute(display: str) -> Path:
    """The file a finding's path names (paths are shown relative to the working directory)."""
    return Path(os.path.abspath(display))


@record(eq=True)
class Aligned:
    """The English block (or heading) a Korean line translates, with its file."""

    path: Path
    display: str  # the path as findings show it
    line: int
    end_line: int
    text: str


@record(eq=True)
class LinkTarget:
    """A link of the Korean file (its line and URL as written) and where it leads."""

    line: int
    url: str
    path: Path
    target_line: int


@record(eq=True)
class LiveCheck:
    """One file checked on its (unsaved) text: its findings, and the run that checked it (for
    the alignment and the glossary mentions of its pair, computed when first asked)."""

    path: Path
    text: str
    korean: bool  # whether the file is the Korean side of its pair
    findings: tuple[Finding, ...]
    run: Run
    pair: FilePair
    tree: LiveTree  # the tree it belongs to, for what its saved files hold now

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

    def file(self, display: str) -> Path:
        """The file a finding's path names: a file of the pair (the English one of a git
        revision is its exported copy), else the path as shown, from the working directory."""
        pairing = self.run.pairing
        for tree, rel in ((pairing.source, self.pair.source), (pairing.target, self.pair.target)):
            if rel is not None and tree.display(rel) == display:
                return Path(os.path.abspath(tree.root / rel))
        return absolute(display)

    def terms(self, line: int) -> tuple[TermUse, ...]:
        """The glossary mentions on Korean ``line`` (1-based)."""
        return tuple(term for term in self.mentions if term.line == line)

    def elsewhere(self, term: str) -> str | None:
        """How the other Korean files of the tree render ``term`` (a glossary term), as
        glossary-inconsistent counts them on their saved text: ``추론 21× in 8 files, kept in
        English 3× in 2 files``; None when no other file uses it (or before the index)."""
        here = self.run.pairing.target.display(self.pair.target or "")
        others = [use for use in self.tree.uses.get(term, ()) if use.path != here]
        return spread(by_rendering(others)) if others else None

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
            return _english_lines(ctx, self.file(ctx.source.path), first, last)
        return None


def _english_lines(ctx: PairContext, path: Path, first: int, last: int) -> Aligned | None:
    """Lines ``first``..``last`` of a pair's English file at ``path`` (None when it cannot be
    read)."""
    display = ctx.source.path
    limit = int(ctx.config.option("limits", "file_bytes"))
    try:
        lines = split_lines(read_markdown(path, display, None, limit))
    except InputError:
        return None
    return Aligned(path, display, first, last, "\n".join(lines[first - 1 : last]))


class LiveTree:
    """An English tree and its Korean tree, checked file by file as they are edited.

    Paired as ``check`` pairs them (``source_rev``: the English side at that git revision, as
    ``check --source-rev`` reads it). Thread-safe: ``index`` and ``refresh`` may run in one
    thread while ``check`` and ``changed`` run in another.
    """

    def __init__(
        self, source: Path, target: Path, config: Config, source_rev: str | None = None
    ) -> None:
        """Pair the trees (as ``check`` does); nothing is checked yet."""
        # the English files of a revision are exported here, for as long as the tree is live
        self._scratch = (
            tempfile.TemporaryDirectory(prefix="transcheck-lsp-") if source_rev else None
        )
        scratch = Path(self._scratch.name) if self._scratch else Path()
        self.pairing: Pairing = pair_sides(
            source.absolute(), target.absolute(), config, source_rev, scratch
        )
        self.saved = Run(self.pairing, config)
        self.config = self.saved.config
        self.set_codes = frozenset(
            a.rule.code for a in self.saved.rules if a.rule.scope is Scope.SET
        )
        self.outcomes: list[PairOutcome | None] = [None] * len(self.pairing.pairs)
        # cross-chapter findings by pair, on the saved state (suppressed ones too: a live check
        # applies the suppressions of the unsaved text to them)
        self.cross: dict[FilePair, tuple[Finding, ...]] = {}
        self.uses: Mapping[str, tuple[Use, ...]] = {}  # glossary term -> its uses, saved
        self.indexed = False
        self._lock = threading.Lock()

    def index(self) -> None:
        """Check every pair on its saved files, then the cross-chapter rules over them."""
        self.indexed = True
        self.refresh()

    def refresh(self) -> None:
        """Once indexed: check the pairs not checked yet on their saved files (each under the
        lock, so a live check waits for one pair at most; pairs may come meanwhile, from
        ``changed``), then the cross-chapter rules over all of them."""
        while self.indexed:
            with self._lock:
                number = next((n for n, o in enumerate(self.outcomes) if o is None), None)
                if number is None:
                    outcomes = cast(list[PairOutcome], list(self.outcomes))
                    saved, pairs = self.saved, self.pairing.pairs
                    break
                self.outcomes[number] = self.saved.outcome(number, False)
        else:
            return
        report = saved.assemble(outcomes)  # the cross-chapter rules, outside the lock
        self.uses = _term_uses(outcomes, saved.config)
        self.cross = {
            pair: tuple(f for f in result.findings + result.suppressed if f.code in self.set_codes)
            for pair, result in zip(pairs, report.pairs, strict=True)
        }

    def _relative(self, path: Path) -> tuple[str | None, str | None]:
        """``path`` relative to the English root and to the Korean root (None outside each;
        a tree read from git holds no file of the work tree)."""
        path = Path(os.path.abspath(path))
        found: list[str | None] = []
        for tree in (self.pairing.source, self.pairing.target):
            root = Path(os.path.abspath(tree.root))
            inside = tree.git is None and path.is_relative_to(root)
            found.append(path.relative_to(root).as_posix() if inside else None)
        return found[0], found[1]

    def find(self, path: Path) -> tuple[int, bool] | None:
        """The pair of a file and whether the file is its Korean side; None outside the trees."""
        english, korean = self._relative(path)
        for is_korean, rel in ((True, korean), (False, english)):
            for number, pair in enumerate(self.pairing.pairs):
                if rel is not None and (pair.target if is_korean else pair.source) == rel:
                    return number, is_korean
        return None

    def unknown(self, path: Path) -> bool:
        """Whether ``path`` is a Markdown file on disk below a tree's root that no tree lists
        yet (created since): ``changed`` pairs it."""
        english, korean = self._relative(path)
        known = (english, self.pairing.source.files), (korean, self.pairing.target.files)
        unlisted = [rel not in files for rel, files in known if rel is not None]
        return (
            bool(unlisted)
            and all(unlisted)
            and path.name.endswith(self.config.extensions)
            and path.is_file()
        )

    def changed(self, paths: Iterable[Path]) -> None:
        """Files were saved, created, changed or deleted on disk: later checks read them again,
        the trees are paired again when a file came or went, and the saved outcomes of their
        pairs are dropped, for ``refresh`` to check again (the saved outcomes serve the
        cross-chapter rules, which collect from each pair alone). Cheap: no pair is checked."""
        english: set[str] = set()
        korean: set[str] = set()
        for path in paths:
            if not path.name.endswith(self.config.extensions):
                continue
            rels = self._relative(path)
            english.update(rel for rel in rels[:1] if rel is not None)
            korean.update(rel for rel in rels[1:] if rel is not None)
        if not english and not korean:
            return
        came_or_went = any(
            (rel in tree.files) != (tree.root / rel).is_file()
            for tree, rels in ((self.pairing.source, english), (self.pairing.target, korean))
            for rel in rels
        )
        pairing = _paired_again(self.pairing, self.config) if came_or_went else self.pairing
        with self._lock:
            parsed = []
            for side, changed in ((self.saved.english, english), (self.saved.korean, korean)):
                parsed.append({r: d for r, d in side.documents.items() if r not in changed})
            kept = {
                pair: outcome
                for pair, outcome in zip(self.pairing.pairs, self.outcomes, strict=True)
                if pair.source not in english and pair.target not in korean
            }
            self.saved = Run(pairing, self.config, parsed=(parsed[0], parsed[1]), like=self.saved)
            self.pairing = pairing
            self.outcomes = [kept.get(pair) for pair in pairing.pairs]

    def check(self, path: Path, text: str) -> LiveCheck | None:
        """The findings of the file at ``path`` with ``text`` as its content (None when the
        file is in neither tree): the Korean file's own, or for an English file those that
        belong to the English (no Korean location, or a defect of the source). Cross-chapter
        findings are those of the saved tree (none before ``index`` is done)."""
        with self._lock:
            found = self.find(path)
            if found is None:
                return None
            number, korean = found
            pairing, saved = self.pairing, self.saved
            pair: FilePair = pairing.pairs[number]
            edited = pair.target if korean else pair.source
            assert edited is not None
            sides = (saved.english.documents, saved.korean.documents)
            parsed = tuple(
                {rel: doc for rel, doc in docs.items() if rel != edited or is_korean != korean}
                for is_korean, docs in zip((False, True), sides, strict=True)
            )
            cross = self.cross.get(pair, ()) if self.indexed else ()
        with unsaved_texts({path: text}):
            run = Run(
                pairing,
                self.config,
                rules=saved.rules,
                parsed=(parsed[0], parsed[1]),
                like=saved,
                cross_chapter=False,
            )
            outcome = run.outcome(number, False)
        outcomes = [_NOTHING] * len(pairing.pairs)
        outcomes[number] = replace(outcome, findings=outcome.findings + cross)
        report = run.assemble(outcomes)
        display = (pairing.target if korean else pairing.source).display(edited)
        findings = tuple(
            f
            for f in report.pairs[number].findings
            if (f.target.path == display if korean else f.source.path == display)
            and (korean or f.target.path is None or f.rule in ENGLISH_SIDE)
        )
        return LiveCheck(Path(os.path.abspath(path)), text, korean, findings, run, pair, self)


def _term_uses(
    outcomes: Sequence[PairOutcome | None], config: Config
) -> dict[str, tuple[Use, ...]]:
    """Every accepted use of every glossary term in the Korean files, by term: what
    glossary-inconsistent decides on, from what it collected of each pair (nothing when the
    rule is off); the rule's own result when it has just run over the same outcomes."""
    units = tuple(
        o.collected[GLOSSARY_CODE]
        for o in outcomes
        if o is not None and o.collected and GLOSSARY_CODE in o.collected
    )
    _, uses = tree_terms(SetContext(units, config))
    return {entry.term: tuple(found) for entry, found in uses.items()}


def _paired_again(pairing: Pairing, config: Config) -> Pairing:
    """The trees of ``pairing`` paired again (files came or went); the English side of a git
    revision is not exported again (the revision's files do not change)."""
    if pairing.source.git is None:
        return pair_paths(
            pairing.source.root, pairing.target.root, config.pairing, config.extensions
        )
    again = pair_trees(pairing.source.root, pairing.target.root, config.pairing, config.extensions)
    return replace(again, source=pairing.source)
