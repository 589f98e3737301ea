"""The glossary a run uses: the shipped one under the files the config or command line names.

The shipped glossary (``glossary/ko.yaml`` in the repository) is installed as package data, so
it is found the same way from a checkout and from ``pip install .``.
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

RULE_OPTIONS["glossary"] = {"files": [], "shipped": True, "policy": ""}

SHIPPED_NAME = "ko"  # ``--glossary ko`` names the shipped glossary wherever you run from


def shipped_path() -> Path:
    """The shipped Korean glossary file (package data; a plain file in any normal install)."""
    return Path(str(files("transcheck.glossary") / "data" / f"{SHIPPED_NAME}.yaml"))


def _config_folder(config: Config) -> Path:
    """Where relative glossary paths of a config file start: the config file's folder."""
    if config.path is None:
        return Path.cwd()
    return Path(config.path).resolve().parent


def glossary_files(config: Config) -> tuple[Path, ...]:
    """The glossary files of a run, in merge order: shipped (unless turned off), then the named."""
    named = []
    for name in config.option("glossary", "files"):
        path = Path(name)
        if name == SHIPPED_NAME and not path.is_file():
            path = shipped_path()
        named.append(path if path.is_absolute() else _config_folder(config) / path)
    if not named:
        return ()
    shipped = shipped_path()
    first = [shipped] if config.option("glossary", "shipped") and shipped not in named else []
    return tuple(dict.fromkeys([*first, *(p.resolve() for p in named)]))


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
    """The compiled glossary of a run, or None when the run names no glossary.

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
