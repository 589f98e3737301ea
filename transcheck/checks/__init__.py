"""The checks layer: one module per rule family, imported in order into an immutable REGISTRY."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from transcheck.checks import (
    anchors,
    blocks,
    code,
    directives,
    drift,
    frontmatter,
    glossary,
    headingdrift,
    headingids,
    images,
    inputs,
    links,
    markup,
    mathematics,
    numbers,
    staleness,
    structure,
    unclosed,
    untranslated,
    versions,
)
from transcheck.checks.registry import Hit, PairContext, Rule, Scope, SetContext, declared_rules

_FAMILIES = (
    inputs,
    directives,
    structure,
    blocks,
    drift,
    headingdrift,
    headingids,
    links,
    images,
    anchors,
    glossary,
    frontmatter,
    code,
    mathematics,
    numbers,
    markup,
    unclosed,
    untranslated,
    staleness,
    versions,
)

REGISTRY: tuple[Rule, ...] = declared_rules()
BY_CODE: Mapping[str, Rule] = MappingProxyType({r.code: r for r in REGISTRY})
BY_NAME: Mapping[str, Rule] = MappingProxyType({r.name: r for r in REGISTRY})


def find_rule(key: str) -> Rule | None:
    """A rule by code (``TC201``, any case) or name (``link-missing``)."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())


__all__ = [
    "BY_CODE",
    "BY_NAME",
    "REGISTRY",
    "Hit",
    "PairContext",
    "Rule",
    "Scope",
    "SetContext",
    "find_rule",
]
