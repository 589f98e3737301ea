"""Running rules: which rules are on (select/ignore, longest match wins), at which severity,
turning their hits into sorted findings, and applying the Korean file's inline suppressions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transcheck.checks import REGISTRY, PairContext, Rule, Scope, SetContext, find_rule
from transcheck.checks.directives import UNUSED_SUPPRESSION
from transcheck.config import Config
from transcheck.findings import NOWHERE, Finding, Location, Severity
from transcheck.model import Comment, Document
from transcheck.suppress import Suppressions, partition


@dataclass(frozen=True)
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
    active: ActiveRule, message: str, source: Location, target: Location, identity: str = ""
) -> Finding:
    """A finding of ``active`` at its configured severity."""
    return Finding(
        active.rule.code, active.rule.name, active.severity, message, source, target, identity
    )


def run_pair(ctx: PairContext, rules: Iterable[ActiveRule]) -> list[Finding]:
    """Run every pair rule on one aligned pair; findings sorted by line."""
    findings = [
        stamp(active, hit.message, hit.source, hit.target, hit.identity)
        for active in rules
        if active.rule.scope is Scope.PAIR and active.rule.check is not None
        for hit in active.rule.check(ctx)
    ]
    return sorted(findings, key=Finding.sort_key)


def collect_set(ctx: PairContext, rules: Iterable[ActiveRule]) -> dict[str, Any]:
    """What each active cross-chapter rule takes from one pair, by rule code."""
    return {
        active.rule.code: active.rule.collect(ctx)
        for active in rules
        if active.rule.scope is Scope.SET and active.rule.collect is not None
    }


def run_set(
    collected: Sequence[Mapping[str, Any]], config: Config, rules: Iterable[ActiveRule]
) -> list[Finding]:
    """Run every cross-chapter rule over what it collected from each pair, in pair order."""
    findings = []
    for active in rules:
        check = active.rule.set_check
        if active.rule.scope is not Scope.SET or check is None:
            continue
        ctx = SetContext(tuple(pair[active.rule.code] for pair in collected), config)
        findings += [stamp(active, h.message, h.source, h.target, h.identity) for h in check(ctx)]
    return findings


def by_code(rules: Iterable[ActiveRule]) -> Mapping[str, ActiveRule]:
    """Active rules keyed by code, for the pipeline's own findings."""
    return {active.rule.code: active for active in rules}


@dataclass(frozen=True)
class Silenced:
    """One Korean file's findings after its inline suppressions: kept, silenced, and the
    unused-suppression findings for directives that silenced nothing."""

    kept: list[Finding]
    silenced: list[Finding]
    unused: list[Finding]


@dataclass(frozen=True)
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
