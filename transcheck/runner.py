"""Running rules: which rules are on (select/ignore, longest match wins), at which severity,
and turning their hits into sorted findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transcheck.checks import REGISTRY, PairContext, Rule, Scope, SetContext, find_rule
from transcheck.config import Config
from transcheck.findings import Finding, Location, Severity


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
