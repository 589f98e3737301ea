"""The glossary a run uses: the shipped general glossary ``ko`` under the files the config or
command line names (a shipped domain glossary such as ``ko-ml`` by its name, or a project file).

Shipped glossaries (``glossary/*.yaml`` in the repository) are installed as package data, so they
are found the same way from a checkout and from ``pip install .``. A run with no glossary named
still uses ``ko`` (and the terms learned from the tree, see checks/glossary.py); a glossary the
project names is *curated*, which turns glossary-missing on.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from transcheck.config import RULE_OPTIONS, Config
from transcheck.glossary.load import POLICIES, GlossaryError, Problem, load_glossaries
from transcheck.glossary.matcher import Matcher
from transcheck.glossary.model import Policy

RULE_OPTIONS["glossary"] = {"files": [], "shipped": True, "learn": True, "policy": ""}

SHIPPED_NAME = "ko"  # the general glossary every run uses unless ``glossary.shipped: false``


@lru_cache(maxsize=64)
def shipped_path(name: str = SHIPPED_NAME) -> Path:
    """A shipped glossary file by name, ``ko`` or ``ko-ml`` (package data; a plain file)."""
    return Path(str(files("transcheck.glossary") / "data" / f"{name}.yaml"))


@lru_cache(maxsize=1)
def shipped_resolved() -> Path:
    """The general shipped glossary's path, resolved (asked for by every rule of every pair)."""
    return shipped_path().resolve()


def shipped_names() -> tuple[str, ...]:
    """The names of the shipped glossaries (``ko``, ``ko-ml``)."""
    return tuple(sorted(path.stem for path in shipped_path().parent.glob("*.yaml")))


def is_shipped(name: str) -> bool:
    """Whether ``name`` names a shipped glossary rather than a file."""
    return name in shipped_names() and not Path(name).is_file()


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
