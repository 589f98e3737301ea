"""Running rules: which rules are on (select/ignore, longest match wins), at which severity,
and turning their hits into sorted findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transcheck.checks import REGISTRY, PairContext, Rule, Scope, SetContext, find_rule
from transcheck.config import Config, ConfigError
from transcheck.findings import Finding, Location, Severity


@dataclass(frozen=True)
class ActiveRule:
    """A rule that will run, with the severity it reports at."""

    rule: Rule
    severity: Severity


def _specificity(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule``: 0 not at all, else longer is more specific."""
    if selector.upper() == "ALL":
        return 1
    if selector.lower() == rule.name:
        return 100
    return len(selector) if rule.code.startswith(selector.upper()) else 0


def _validate(selectors: Iterable[str], key: str, config: Config) -> None:
    for selector in selectors:
        known = selector.upper() == "ALL" or any(_specificity(selector, r) for r in REGISTRY)
        if not known:
            raise ConfigError(
                config.path or "command line",
                key,
                f"unknown rule {selector!r}; `transcheck rules` lists codes and names",
            )


def active_rules(config: Config) -> tuple[ActiveRule, ...]:
    """The rules that run under ``config``, in code order."""
    _validate(config.select, "select", config)
    _validate(config.ignore, "ignore", config)
    overrides: dict[str, Severity] = {}
    for key, severity in config.severity.items():
        found = find_rule(key)
        if found is None:
            raise ConfigError(config.path or "command line", f"severity.{key}", "unknown rule")
        overrides[found.code] = severity
    active = []
    for rule in REGISTRY:
        selected = max((_specificity(s, rule) for s in config.select), default=0)
        ignored = max((_specificity(s, rule) for s in config.ignore), default=0)
        on = selected > ignored if selected or ignored else rule.enabled and not config.select
        if on:
            active.append(ActiveRule(rule, overrides.get(rule.code, rule.severity)))
    return tuple(active)


def stamp(active: ActiveRule, message: str, source: Location, target: Location) -> Finding:
    """A finding of ``active`` at its configured severity."""
    return Finding(active.rule.code, active.rule.name, active.severity, message, source, target)


def run_pair(ctx: PairContext, rules: Iterable[ActiveRule]) -> list[Finding]:
    """Run every pair rule on one aligned pair; findings sorted by line."""
    findings = [
        stamp(active, hit.message, hit.source, hit.target)
        for active in rules
        if active.rule.scope is Scope.PAIR and active.rule.check is not None
        for hit in active.rule.check(ctx)
    ]
    return sorted(findings, key=Finding.sort_key)


def run_set(ctx: SetContext, rules: Iterable[ActiveRule]) -> list[Finding]:
    """Run every cross-chapter rule over all pairs of the run."""
    return [
        stamp(active, hit.message, hit.source, hit.target)
        for active in rules
        if active.rule.scope is Scope.SET and active.rule.set_check is not None
        for hit in active.rule.set_check(ctx)
    ]


def by_code(rules: Iterable[ActiveRule]) -> Mapping[str, ActiveRule]:
    """Active rules keyed by code, for the pipeline's own findings."""
    return {active.rule.code: active for active in rules}
