"""The glossaries shipped with transcheck (``glossary/*.yaml`` in the repository), installed as
package data so they are found the same way from a checkout and from ``pip install .``; kept apart
from the loader so the command line can name them in its help without loading a glossary."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

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
