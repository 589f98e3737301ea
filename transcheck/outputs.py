"""Where each report format goes: ``--format NAME`` to standard output (or ``--output FILE``),
``--format NAME=FILE`` to a file; files are written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path


class OutputError(Exception):
    """Format options that cannot be honoured (a usage error)."""


@dataclass(frozen=True)
class Output:
    """One format and its destination (None: standard output)."""

    format: str
    path: Path | None


def plan_outputs(
    specs: Sequence[str], output: Path | None, formats: Collection[str]
) -> list[Output]:
    """The outputs that ``--format`` specs and ``--output`` ask for, in the order given.

    At most one format may go to standard output; ``--output`` names the file of the one format
    given without ``=FILE``; no file may receive two formats.
    """
    planned = []
    for spec in specs or ("text",):
        name, _, path = spec.partition("=")
        name = name.strip()
        if name not in formats:
            raise OutputError(f"unknown format {name!r}; valid: {', '.join(formats)}")
        if "=" in spec and not path:
            raise OutputError(f"--format {spec}: give a file after '='")
        planned.append(Output(name, Path(path) if path else None))
    bare = [o for o in planned if o.path is None]
    if len(bare) > 1:
        raise OutputError(
            "only one --format can go to standard output; write the others to files, as in "
            f"--format {bare[1].format}={bare[1].format}.out"
        )
    if output is not None:
        if not bare:
            raise OutputError("--output names the file of a --format given without =FILE")
        planned = [Output(o.format, output) if o.path is None else o for o in planned]
    files = [o.path.resolve() for o in planned if o.path is not None]
    if len(set(files)) != len(files):
        raise OutputError("two formats would write the same file")
    return planned


def _umask() -> int:
    """The process umask (read by setting it, then restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a reader never sees half of it;
    missing folders are made. OSError when the file cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is not
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
