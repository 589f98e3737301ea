"""Rules and what a check sees: a Rule is a code, a kebab-case name, a severity and a docstring.

A check is a generator decorated with ``@rule``; its docstring's first line is the rule's one-line
description and the rest (a Bad/Good example) is what ``transcheck explain`` prints, together with
the finding the rule's ``example`` gives when it is run. Rules that the pipeline itself emits
(unreadable input, missing files) are declared with ``declare``.
"""

from __future__ import annotations

import dataclasses
import inspect
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from enum import StrEnum
from typing import Any

from transcheck.align import Alignment
from transcheck.config import Config
from transcheck.findings import NOWHERE, Location, Severity
from transcheck.fixes.model import Fix, Replacement, Safety, SourceText
from transcheck.links import LinkIndex
from transcheck.model import Document
from transcheck.records import mutable, record


class Scope(StrEnum):
    """What a rule looks at: one aligned pair, all pairs checked together (cross-chapter rules),
    or nothing (findings the pipeline emits itself)."""

    PAIR = "pair"
    SET = "set"
    PIPELINE = "pipeline"


@record(slots=True)
class Hit:
    """What a check reports; the runner adds the rule's code, name and severity."""

    message: str
    source: Location = NOWHERE
    target: Location = NOWHERE
    identity: str = ""  # what the finding is about, when the message also carries counts
    fix: Fix | None = None  # from PairContext.fix: edits that resolve it on the Korean file


@mutable
class PairContext:
    """Everything a pair check may read: both documents, their alignment, config and link index."""

    source: Document
    target: Document
    alignment: Alignment
    config: Config
    source_rel: str  # file path relative to its tree root, for resolving links
    target_rel: str
    source_index: LinkIndex
    target_index: LinkIndex
    counterparts: Mapping[str, str]  # English file -> its Korean file, relative to the roots
    sources: Mapping[str, str]  # the inverse: Korean file -> the English file it translates
    memo: dict[str, Any] = field(default_factory=dict)
    target_text: SourceText | None = None  # the Korean file as read; None: no fixes
    source_text: SourceText | None = None  # the English file as read, for its lines
    # Section alignments by (English file, Korean file), shared by every pair of the run: a
    # chapter pair is aligned once, whether for its own check or for a link into it.
    alignments: dict[tuple[str, str], Alignment] = field(default_factory=dict)

    def fix(self, description: str, safety: Safety, *replacements: Replacement) -> Fix | None:
        """A fix of the Korean file that makes these replacements, or None when one cannot be
        placed exactly (see fixes.model) or the Korean text is not at hand."""
        if self.target_text is None:
            return None
        return self.target_text.fix(description, safety, replacements)

    def at_source(self, line: int | None) -> Location:
        """A location in the English file."""
        return Location(self.source.path, line)

    def at_target(self, line: int | None) -> Location:
        """A location in the Korean file."""
        return Location(self.target.path, line)

    def source_section_of(self, target_line: int) -> int | None:
        """The index of the English section aligned with the Korean section holding a line."""
        return self.alignment.source_of.get(self.target.section_at(target_line).index)

    def source_heading_line(self, target_line: int) -> int | None:
        """The heading line of the English section aligned with the Korean section holding a
        line (None when that Korean section translates none)."""
        section = self.source_section_of(target_line)
        return self.source.sections[section].line if section is not None else None

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a value shared by several rules of one family once per pair."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


@mutable
class SetContext:
    """What a cross-chapter rule collected from every aligned pair of the run, in pair order.

    A set rule runs in two steps so pairs can be checked in parallel processes: ``collect``
    takes what it needs from each PairContext (plain, picklable data) where the pair is
    checked, and the check reads all of it here.
    """

    collected: tuple[Any, ...]
    config: Config


@record
class Example:
    """A small input on which a rule reports: ``transcheck explain`` runs it and shows the finding.

    ``en`` and ``ko`` are the English and Korean chapter (None: no such file); ``files`` adds
    other files of the example folder by path (``en/usage.md``); ``glossary`` is a glossary YAML
    the run uses instead of the shipped one; ``config`` holds settings as a transcheck.yaml
    writes them (``select`` defaults to the rule alone); ``encoding`` is how the Korean chapter
    is saved. Texts are dedented, so they can be indented with the code that declares them.
    """

    en: str | None
    ko: str | None
    config: Mapping[str, Any] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)
    glossary: str | None = None
    encoding: str = "utf-8"

    def __post_init__(self) -> None:
        """Dedent every text once, here, so each reader sees the file as written to disk."""
        for name in ("en", "ko", "glossary"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, textwrap.dedent(value))
        dedented = {path: textwrap.dedent(text) for path, text in self.files.items()}
        object.__setattr__(self, "files", dedented)


@record
class Illustration:
    """A finding written by hand for a rule whose input cannot be built on the spot (it needs a
    git history); ``explain`` prints it labelled as an illustration, never as a real run."""

    message: str
    source: Location
    target: Location
    needs: str  # what a real finding needs, e.g. "a git history"


PairCheck = Callable[[PairContext], Iterator[Hit]]
SetCheck = Callable[[SetContext], Iterator[Hit]]
Collect = Callable[[PairContext], Any]


@record
class Rule:
    """A rule's identity and documentation, and its check when it has one."""

    code: str
    name: str
    severity: Severity
    summary: str
    details: str
    scope: Scope
    check: PairCheck | None = None
    set_check: SetCheck | None = None
    collect: Collect | None = None  # set rules: what each pair contributes
    enabled: bool = True  # off-by-default rules run only when selected
    example: Example | Illustration | None = None  # what `transcheck explain` runs or shows
    # rules whose findings on a pair give way to this rule's finding there: one cause, one
    # finding (a page that follows another version of its English, not its blocks one by one)
    supersedes: frozenset[str] = frozenset()


_DECLARED: list[Rule] = []


def _split_doc(doc: str | None, name: str) -> tuple[str, str]:
    text = inspect.cleandoc(doc or "")
    if not text:
        raise ValueError(f"rule {name} needs a docstring")
    summary, _, details = text.partition("\n")
    return summary.strip(), details.strip()


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    enabled: bool = True,
    example: Example | None = None,
    supersedes: frozenset[str] = frozenset(),
) -> Callable[[PairCheck], PairCheck]:
    """Register a pair check as a rule; the docstring documents it, ``example`` shows it;
    where it reports, the rules it ``supersedes`` do not (see ``Rule.supersedes``)."""

    def register(check: PairCheck) -> PairCheck:
        _declare_checked(
            code, name, severity, check.__doc__, Scope.PAIR, enabled, example,
            check=check, supersedes=supersedes,
        )  # fmt: skip
        return check

    return register


def _declare_checked(
    code: str,
    name: str,
    severity: Severity,
    doc: str | None,
    scope: Scope,
    enabled: bool,
    example: Example | None,
    **checks: Any,
) -> None:
    """Register a rule with a check: its docstring documents it, ``example`` shows it."""
    summary, details = _split_doc(doc, name)
    rule = Rule(code, name, severity, summary, details, scope, enabled=enabled, example=example)
    _DECLARED.append(dataclasses.replace(rule, **checks))


def set_rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    collect: Collect,
    enabled: bool = True,
    example: Example | None = None,
) -> Callable[[SetCheck], SetCheck]:
    """Register a cross-chapter check: ``collect`` runs on each pair, the check on all of what
    was collected (see SetContext); the docstring documents it, ``example`` shows it."""

    def register(check: SetCheck) -> SetCheck:
        _declare_checked(
            code,
            name,
            severity,
            check.__doc__,
            Scope.SET,
            enabled,
            example,
            set_check=check,
            collect=collect,
        )
        return check

    return register


def declare(
    code: str,
    name: str,
    severity: Severity,
    doc: str,
    *,
    example: Example | Illustration | None = None,
) -> Rule:
    """Register a rule that the pipeline emits itself (not computed from an aligned pair)."""
    summary, details = _split_doc(doc, name)
    declared = Rule(code, name, severity, summary, details, Scope.PIPELINE, example=example)
    _DECLARED.append(declared)
    return declared


def declared_rules() -> tuple[Rule, ...]:
    """Every rule registered so far, sorted by code; checks/__init__ freezes this."""
    codes = [r.code for r in _DECLARED]
    names = [r.name for r in _DECLARED]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise RuntimeError("duplicate rule code or name")
    return tuple(sorted(_DECLARED, key=lambda r: r.code))
