"""The glossary a run uses: the shipped general glossary ``ko`` under the files the config or
command line names (a shipped domain glossary such as ``ko-ml`` by its name, or a project file).

Shipped glossaries are found by ``glossary.shipped``. A run with no glossary named
still uses ``ko`` (and the terms learned from the tree, see checks/glossary.py); a glossary the
project names is *curated*, which turns glossary-missing on.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from transcheck.config import RULE_OPTIONS, Config
from transcheck.glossary.load import POLICIES, GlossaryError, Problem, load_glossaries
from transcheck.glossary.matcher import Matcher
from transcheck.glossary.model import Policy
from transcheck.glossary.shipped import is_shipped, shipped_path, shipped_resolved

RULE_OPTIONS["glossary"] = {"files": [], "shipped": True, "learn": True, "policy": ""}


def curated(config: Config) -> bool:
    """Whether the project names glossaries of its own (config or ``--glossary``), so that a term
    without an accepted rendering is worth a finding (glossary-missing)."""
    return bool(config.option("glossary", "files"))


def _config_folder(config: Config) -> Path:
    """Where relative glossary paths of a config file start: the config file's folder."""
    if config.path is None:
        return Path.cwd()
    return Path(config.path).resolve().parent


def named_files(config: Config) -> tuple[Path, ...]:
    """The glossary files the project names (config or ``--glossary``), resolved."""
    named = []
    for name in config.option("glossary", "files"):
        path = shipped_path(name) if is_shipped(name) else Path(name)
        named.append(path if path.is_absolute() else _config_folder(config) / path)
    return tuple(path.resolve() for path in named)


def glossary_files(config: Config) -> tuple[Path, ...]:
    """The glossary files of a run, in merge order: the general ``ko`` (unless turned off), then
    the named ones."""
    named = named_files(config)
    shipped = shipped_path()
    keep = config.option("glossary", "shipped") and shipped_resolved() not in named
    return tuple(dict.fromkeys([*([shipped] if keep else []), *named]))


def _stamp(path: Path) -> int:
    """A file's modification time, so an edited glossary is reloaded (-1: unreadable)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


@lru_cache(maxsize=16)
def _matcher(stamped: tuple[tuple[Path, int], ...], policy: str) -> Matcher:
    glossary = load_glossaries(path for path, _ in stamped)
    if policy:
        glossary = dataclasses.replace(glossary, policy=Policy(policy))
    return Matcher(glossary)


def active_matcher(config: Config) -> Matcher | None:
    """The compiled glossary of a run, or None when it has none (``shipped: false``, no files).

    Raises GlossaryError (a ConfigError) naming file and line when a glossary is invalid.
    """
    paths = glossary_files(config)
    if not paths:
        return None
    policy = config.option("glossary", "policy")
    if policy and policy not in POLICIES:
        where = config.path or "command line"
        message = f"glossary.policy must be one of {', '.join(POLICIES)} (got {policy!r})"
        raise GlossaryError([Problem(where, None, message)])
    return _matcher(tuple((path, _stamp(path)) for path in paths), policy)
