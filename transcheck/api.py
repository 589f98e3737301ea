"""The public pipeline: config -> pair -> parse -> align -> run checks -> Report. Never prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transcheck.align import Alignment, align_sections
from transcheck.checks import PairContext, SetContext
from transcheck.checks.inputs import UNREADABLE_FILE
from transcheck.checks.structure import SOURCE_MISSING, TRANSLATION_MISSING
from transcheck.checks.untranslated import translated_share
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity
from transcheck.links import LinkIndex
from transcheck.model import Document
from transcheck.pairing import FilePair, Pairing, Tree, pair_paths
from transcheck.parse import InputError, parse_markdown, read_markdown
from transcheck.runner import ActiveRule, active_rules, by_code, run_pair, run_set, stamp


@dataclass(frozen=True)
class PairResult:
    """One file pair as checked: display paths (None for a missing side) and its findings."""

    source: str | None
    target: str | None
    findings: tuple[Finding, ...]
    translated: float | None = None  # share of English paragraphs translated (untranslated.py)


@dataclass(frozen=True)
class Report:
    """Everything a format renders: per-pair results, the active rules, and input failures."""

    pairs: tuple[PairResult, ...]
    rules: tuple[ActiveRule, ...]
    input_errors: tuple[InputError, ...] = ()  # paired files that could not be read

    @property
    def unreadable(self) -> int:
        """How many paired files could not be read (any makes the exit code 2)."""
        return len(self.input_errors)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings, pair by pair, each pair's sorted by line."""
        return tuple(f for pair in self.pairs for f in pair.findings)

    def summary(self) -> dict[str, Any]:
        """Totals by severity and by rule code, how many pairs and files were seen, and each
        Korean file's translated share (by paragraphs)."""
        findings = self.findings
        by_severity = Counter(f.severity.value for f in findings)
        return {
            "pairs": len(self.pairs),
            "findings": len(findings),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in reversed(Severity)},
            "by_rule": dict(sorted(Counter(f.code for f in findings).items())),
            "unreadable_files": self.unreadable,
            "translated": {
                pair.target: round(pair.translated, 4)
                for pair in self.pairs
                if pair.target is not None and pair.translated is not None
            },
        }


@dataclass
class _Side:
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
        document = parse_markdown(text, self.tree.display(rel), self.config.slug_style)
        self.documents[rel] = document
        return document

    def index(self) -> LinkIndex:
        """The link index over this side's documents, loading other files on demand."""
        return LinkIndex(self.tree.root, self.documents, self.load)


class _Run:
    """One check run over paired trees: both sides, their link indexes, the active rules."""

    def __init__(self, pairing: Pairing, config: Config) -> None:
        self.pairing = pairing
        self.config = config
        self.rules = active_rules(config)
        self.emitted = by_code(self.rules)
        self.english = _Side(pairing.source, config)
        self.korean = _Side(pairing.target, config)
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
        return run_pair(ctx, self.rules), ctx

    def report(self) -> Report:
        """Check every pair, then the cross-chapter rules, and collect the findings per pair."""
        per_pair: list[list[Finding]] = []
        contexts: list[PairContext] = []
        shares: list[float | None] = []
        for pair in self.pairing.pairs:
            findings, ctx = self.check(pair)
            per_pair.append(findings)
            shares.append(translated_share(ctx) if ctx is not None else None)
            if ctx is not None:
                contexts.append(ctx)
        displays = [
            (
                self.pairing.source.display(p.source) if p.source is not None else None,
                self.pairing.target.display(p.target) if p.target is not None else None,
            )
            for p in self.pairing.pairs
        ]
        home = {path: n for n, pair_paths in enumerate(displays) for path in pair_paths if path}
        for finding in run_set(SetContext(tuple(contexts), self.config), self.rules):
            slot = home.get(finding.primary.path or "")
            if slot is not None:
                per_pair[slot].append(finding)
        results = tuple(
            PairResult(source, target, tuple(sorted(findings, key=Finding.sort_key)), share)
            for (source, target), findings, share in zip(displays, per_pair, shares, strict=True)
        )
        errors = [
            error
            for pair in self.pairing.pairs
            for side, rel in ((self.english, pair.source), (self.korean, pair.target))
            if rel is not None and (error := side.errors.get(rel)) is not None
        ]
        return Report(results, self.rules, tuple(errors))


def check_pairing(pairing: Pairing, config: Config) -> Report:
    """Check already-paired trees (see check_paths)."""
    return _Run(pairing, config).report()


def check_paths(source: Path, target: Path, config: Config | None = None) -> Report:
    """Check an English file or tree against its Korean file or tree.

    Raises PairingError for paths that cannot be paired and ConfigError for a bad config;
    unreadable files become TC001 findings and the other pairs are still checked.
    """
    config = config or Config()
    pairing = pair_paths(source, target, config.pairing, config.extensions)
    return check_pairing(pairing, config)


def check_pair(
    source_text: str,
    target_text: str,
    config: Config | None = None,
    source_path: str = "en.md",
    target_path: str = "ko.md",
) -> list[Finding]:
    """Check two Markdown strings (no files involved); links to other pages are not resolved."""
    config = config or Config()
    source = parse_markdown(source_text, source_path, config.slug_style)
    target = parse_markdown(target_text, target_path, config.slug_style)
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
    )
    return run_pair(ctx, active_rules(config))


def align_files(source: Path, target: Path, config: Config | None = None) -> Alignment:
    """Parse two files and align their sections (for ``transcheck align``)."""
    config = config or Config()
    documents = []
    for path in (source, target):
        text = read_markdown(path, str(path))
        documents.append(parse_markdown(text, str(path), config.slug_style))
    return align_sections(documents[0], documents[1], config.rewrite_link)
