"""The public pipeline: config -> pair -> parse -> align -> run checks -> Report. Never prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transcheck.align import Alignment, align_sections
from transcheck.checks import PairContext
from transcheck.checks.inputs import UNREADABLE_FILE
from transcheck.checks.structure import SOURCE_MISSING, TRANSLATION_MISSING
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity
from transcheck.links import LinkIndex
from transcheck.model import Document
from transcheck.pairing import FilePair, Pairing, Tree, pair_paths
from transcheck.parse import InputError, parse_markdown, read_markdown
from transcheck.runner import ActiveRule, active_rules, by_code, run_pair, stamp


@dataclass(frozen=True)
class PairResult:
    """One file pair as checked: display paths (None for a missing side) and its findings."""

    source: str | None
    target: str | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Report:
    """Everything a format renders: per-pair results, the active rules, and input failures."""

    pairs: tuple[PairResult, ...]
    rules: tuple[ActiveRule, ...]
    unreadable: int = 0

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings, pair by pair, each pair's sorted by line."""
        return tuple(f for pair in self.pairs for f in pair.findings)

    def summary(self) -> dict[str, Any]:
        """Totals by severity and by rule code, and how many pairs and files were seen."""
        findings = self.findings
        by_severity = Counter(f.severity.value for f in findings)
        return {
            "pairs": len(self.pairs),
            "findings": len(findings),
            "by_severity": {s.value: by_severity.get(s.value, 0) for s in reversed(Severity)},
            "by_rule": dict(sorted(Counter(f.code for f in findings).items())),
            "unreadable_files": self.unreadable,
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


def _input_finding(rule: ActiveRule | None, error: InputError, english: bool) -> list[Finding]:
    if rule is None:
        return []
    where = Location(error.path, error.line)
    source, target = (where, Location()) if english else (Location(), where)
    return [stamp(rule, error.message, source, target)]


def check_pairing(pairing: Pairing, config: Config) -> Report:
    """Check already-paired trees (see check_paths)."""
    rules = active_rules(config)
    emitted = by_code(rules)
    english, korean = _Side(pairing.source, config), _Side(pairing.target, config)
    for pair in pairing.pairs:
        if pair.source is not None:
            english.load(pair.source)
        if pair.target is not None:
            korean.load(pair.target)
    english_index, korean_index = english.index(), korean.index()
    counterparts = {
        p.source: p.target for p in pairing.pairs if p.source is not None and p.target is not None
    }
    results = []
    for pair in pairing.pairs:
        findings = _check_one(
            pair, english, korean, english_index, korean_index, config, rules, emitted, counterparts
        )
        results.append(
            PairResult(
                pairing.source.display(pair.source) if pair.source is not None else None,
                pairing.target.display(pair.target) if pair.target is not None else None,
                tuple(findings),
            )
        )
    return Report(tuple(results), rules, len(english.errors) + len(korean.errors))


def _check_one(
    pair: FilePair,
    english: _Side,
    korean: _Side,
    english_index: LinkIndex,
    korean_index: LinkIndex,
    config: Config,
    rules: tuple[ActiveRule, ...],
    emitted: Mapping[str, ActiveRule],
    counterparts: Mapping[str, str],
) -> list[Finding]:
    """Findings of one pair: missing counterpart, unreadable files, or the pair rules."""
    if pair.target is None:
        assert pair.source is not None
        rule = emitted.get(TRANSLATION_MISSING.code)
        display = english.tree.display(pair.source)
        message = "no Korean translation of this file"
        return [stamp(rule, message, Location(display, None), Location())] if rule else []
    if pair.source is None:
        rule = emitted.get(SOURCE_MISSING.code)
        display = korean.tree.display(pair.target)
        message = "no English source file for this Korean file"
        return [stamp(rule, message, Location(), Location(display, None))] if rule else []
    unreadable = emitted.get(UNREADABLE_FILE.code)
    failures = []
    if pair.source in english.errors:
        failures += _input_finding(unreadable, english.errors[pair.source], english=True)
    if pair.target in korean.errors:
        failures += _input_finding(unreadable, korean.errors[pair.target], english=False)
    source, target = english.documents.get(pair.source), korean.documents.get(pair.target)
    if source is None or target is None:
        return failures
    ctx = PairContext(
        source=source,
        target=target,
        alignment=align_sections(source, target, config.rewrite_link),
        config=config,
        source_rel=pair.source,
        target_rel=pair.target,
        source_index=english_index,
        target_index=korean_index,
        counterparts=counterparts,
    )
    return run_pair(ctx, rules)


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
