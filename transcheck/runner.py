"""Running rules: which rules are on (select/ignore, longest match wins), at which severity,
turning their hits into sorted findings, and applying the Korean file's inline suppressions.

Every step of a pair runs inside a Guard: an unexpected exception in one rule (or in parsing or
aligning) becomes an internal-error finding for that pair, and the other rules and pairs run."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from pathlib import PurePath
from typing import Any

from transcheck.checks import REGISTRY, PairContext, Rule, Scope, SetContext, find_rule
from transcheck.checks.directives import UNUSED_SUPPRESSION
from transcheck.checks.inputs import INTERNAL_ERROR
from transcheck.config import Config, ConfigError
from transcheck.findings import NOWHERE, Finding, Location, Severity
from transcheck.fixes.model import Fix
from transcheck.model import Comment, Document
from transcheck.records import mutable, record
from transcheck.suppress import Suppressions, partition


@record
class ActiveRule:
    """A rule that will run, with the severity it reports at."""

    rule: Rule
    severity: Severity


def _specificity(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule``: 0 not at all, else longer is more specific.

    ``ALL`` is the least specific, a code prefix counts its length, a name or full code the most.
    A rule that is off by default is only turned on by ``ALL``, its full code or its name.
    """
    if selector.upper() == "ALL":
        return 1
    if selector.lower() == rule.name or selector.upper() == rule.code:
        return 100
    return len(selector) if rule.code.startswith(selector.upper()) else 0


def is_known_selector(selector: str) -> bool:
    """Whether ``selector`` (a code, code prefix, name or ``ALL``) names at least one rule."""
    return selector.upper() == "ALL" or any(_specificity(selector, r) for r in REGISTRY)


def _validate(config: Config) -> dict[str, Severity]:
    """Check every rule reference of ``config``; the severity overrides keyed by rule code."""
    for key in ("select", "ignore"):
        for index, selector in enumerate(getattr(config, key)):
            if not is_known_selector(selector):
                raise config.error(
                    f"{key}.{index}",
                    f"unknown rule {selector!r}; `transcheck rules` lists codes and names",
                )
    overrides: dict[str, Severity] = {}
    for key, severity in config.severity.items():
        found = find_rule(key)
        if found is None:
            raise config.error(f"severity.{key}", f"unknown rule {key!r}")
        overrides[found.code] = severity
    return overrides


def is_selected(rule: Rule, config: Config) -> bool:
    """Whether ``rule`` runs: the most specific of select and ignore wins, ignore on a tie."""
    selected = max((_specificity(s, rule) for s in config.select), default=0)
    ignored = max((_specificity(s, rule) for s in config.ignore), default=0)
    if not rule.enabled and selected not in (1, 100):
        return False
    if selected or ignored:
        return selected > ignored
    return not config.select


def active_rules(config: Config) -> tuple[ActiveRule, ...]:
    """The rules that run under ``config``, in code order; a bad rule reference is a
    ConfigError at its key and line."""
    overrides = _validate(config)
    return tuple(
        ActiveRule(rule, overrides.get(rule.code, rule.severity))
        for rule in REGISTRY
        if is_selected(rule, config)
    )


def stamp(
    active: ActiveRule,
    message: str,
    source: Location,
    target: Location,
    identity: str = "",
    section: str = "",
    fix: Fix | None = None,
) -> Finding:
    """A finding of ``active`` at its configured severity (its fix, if any, as given)."""
    rule = active.rule
    return Finding(
        rule.code,
        rule.name,
        active.severity,
        message,
        source,
        target,
        identity=identity,
        section=section,
        fix=fix,
    )


LOG = logging.getLogger("transcheck")


def describe_exception(error: BaseException) -> str:
    """``Type: message (at module.py:line)`` on one line, the place being where it was raised
    (relative to the package inside transcheck): what a bug report needs first."""
    text = " ".join(str(error).split())
    if len(text) > 200:
        text = text[:199] + "…"
    described = f"{type(error).__name__}: {text}" if text else type(error).__name__
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return described
    path, package = PurePath(frames[-1].filename), PurePath(__file__).parent
    shown = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
    return f"{described} (at {shown}:{frames[-1].lineno})"


@mutable
class Guard:
    """Runs the steps of one pair (or of the cross-chapter rules) so that an unexpected
    exception in one becomes an internal-error finding naming the step, the files and the
    exception, and the other steps still run. The finding is reported even when select/ignore
    leave internal-error out: a crash is never hidden. The traceback goes to the ``transcheck``
    logger at debug level (``--debug`` prints it on stderr)."""

    source: Location
    target: Location
    rules: Iterable[ActiveRule] = ()
    findings: list[Finding] = field(default_factory=list)

    def step(self, what: str) -> _Step:
        """Run the body of the ``with``; an exception ends the body and becomes a finding."""
        return _Step(self, what)

    def failed(self, what: str, error: Exception) -> None:
        """Report a step that raised ``error`` as an internal-error finding."""
        LOG.debug("transcheck failed while %s:", what, exc_info=error)
        active = by_code(self.rules).get(INTERNAL_ERROR.code)
        active = active or ActiveRule(INTERNAL_ERROR, INTERNAL_ERROR.severity)
        files = f"{self.source.path or '-'} ↔ {self.target.path or '-'}"
        message = (
            f"transcheck failed while {what} on {files}: {describe_exception(error)}; the "
            "other rules and pairs were checked. This is a bug in transcheck: please "
            "report it (--debug prints the traceback)"
        )
        self.findings.append(stamp(active, message, self.source, self.target))


class _Step:
    """One guarded step (see Guard.step). A class, not a generator-based context manager: a run
    enters one per rule and pair, and contextlib's machinery cost ~1% of a check."""

    __slots__ = ("guard", "what")

    def __init__(self, guard: Guard, what: str) -> None:
        self.guard = guard
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: Any
    ) -> bool:
        # no error; or a broken config or glossary, or a BaseException: it stops the run
        if not isinstance(error, Exception) or isinstance(error, ConfigError):
            return False
        self.guard.failed(self.what, error)
        return True


def concerned_section(ctx: PairContext, source: Location, target: Location) -> str:
    """The heading id of the English section a finding concerns, for its fingerprint: the one
    holding its English line, else the one aligned with its Korean line's section; a Korean
    section without English source gives the id of the English section it follows, plus
    " +". Ids do not change when a Korean heading is reworded or an English one recased."""
    if source.line is not None and source.path == ctx.source.path:
        return ctx.source.section_at(source.line).anchor
    if target.line is None or target.path != ctx.target.path:
        return ""
    korean = ctx.target.section_at(target.line).index
    for index in range(korean, -1, -1):
        english = ctx.alignment.source_of.get(index)
        if english is not None:
            anchor = ctx.source.sections[english].anchor
            return anchor if index == korean else f"{anchor} +"
    return "+"


def run_pair(ctx: PairContext, rules: Iterable[ActiveRule], guard: Guard) -> list[Finding]:
    """Run every pair rule on one aligned pair, each inside ``guard`` (which keeps the internal
    errors); findings sorted by line, without those of the rules a reporting rule supersedes."""
    findings: list[Finding] = []
    superseded: set[str] = set()
    for active in rules:
        check = active.rule.check
        if active.rule.scope is not Scope.PAIR or check is None:
            continue
        with guard.step(f"running rule {active.rule.code} {active.rule.name}"):
            hits = list(check(ctx))
            findings += [
                stamp(
                    active,
                    hit.message,
                    hit.source,
                    hit.target,
                    hit.identity,
                    concerned_section(ctx, hit.source, hit.target),
                    hit.fix,
                )
                for hit in hits
            ]
            if hits:
                superseded |= active.rule.supersedes
    if superseded:
        findings = [finding for finding in findings if finding.code not in superseded]
    return sorted(findings, key=Finding.sort_key)


def collect_set(ctx: PairContext, rules: Iterable[ActiveRule], guard: Guard) -> dict[str, Any]:
    """What each active cross-chapter rule takes from one pair, by rule code; a rule whose
    collecting fails is left out (and ``guard`` reports it)."""
    collected = {}
    for active in rules:
        collect = active.rule.collect
        if active.rule.scope is Scope.SET and collect is not None:
            with guard.step(f"collecting for rule {active.rule.code} {active.rule.name}"):
                collected[active.rule.code] = collect(ctx)
    return collected


def run_set(
    collected: Sequence[Mapping[str, Any]],
    config: Config,
    rules: Iterable[ActiveRule],
    guard: Guard,
) -> list[Finding]:
    """Run every cross-chapter rule over what it collected from each pair, in pair order, each
    inside ``guard``."""
    findings = []
    for active in rules:
        check = active.rule.set_check
        code = active.rule.code
        if active.rule.scope is not Scope.SET or check is None:
            continue
        ctx = SetContext(tuple(pair[code] for pair in collected if code in pair), config)
        with guard.step(f"running the cross-chapter rule {code} {active.rule.name}"):
            findings += [
                stamp(active, h.message, h.source, h.target, h.identity, fix=h.fix)
                for h in list(check(ctx))
            ]
    return findings


def by_code(rules: Iterable[ActiveRule]) -> Mapping[str, ActiveRule]:
    """Active rules keyed by code, for the pipeline's own findings."""
    return {active.rule.code: active for active in rules}


@record
class Silenced:
    """One Korean file's findings after its inline suppressions: kept, silenced, and the
    unused-suppression findings for directives that silenced nothing."""

    kept: list[Finding]
    silenced: list[Finding]
    unused: list[Finding]


@record
class SuppressionSource:
    """What suppressions need of a Korean file (picklable, so a worker can hand it back)."""

    path: str
    comments: tuple[Comment, ...]
    line_count: int

    @classmethod
    def of(cls, document: Document) -> SuppressionSource:
        """The suppression-relevant part of a parsed Korean document."""
        return cls(document.path, document.comments, document.line_count)


def apply_suppressions(
    findings: Sequence[Finding], document: SuppressionSource, rules: Sequence[ActiveRule]
) -> Silenced:
    """Apply the ``transcheck-disable`` comments of a Korean file to its findings."""
    suppressions = Suppressions.of_comments(document.comments, document.line_count)
    kept, silenced = partition(findings, suppressions, document.path)
    active = by_code(rules).get(UNUSED_SUPPRESSION.code)
    if active is None:
        return Silenced(kept, silenced, [])

    def ran(selector: str) -> bool | None:
        """Whether a rule named in a directive ran; None when no rule has that name."""
        if not is_known_selector(selector):
            return None
        return any(_specificity(selector, a.rule) for a in rules)

    unused = []
    for directive, why in suppressions.unused(ran):
        message = f"the suppression {directive} {why}: remove it or fix the rule names"
        where = Location(document.path, directive.line)
        unused.append(stamp(active, message, NOWHERE, where))
    return Silenced(kept, silenced, unused)
