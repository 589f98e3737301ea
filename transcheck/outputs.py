"""Where each report format goes: ``--format NAME`` to standard output (or ``--output FILE``),
``--format NAME=FILE`` to a file: regular files atomically, pipes and devices as streams
(see write_output)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Collection, Sequence
from pathlib import Path

from transcheck.lazy import compiled
from transcheck.records import record


class OutputError(Exception):
    """Format options that cannot be honoured (a usage error)."""


@record
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


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """A new or regular file: a temporary file beside it, synced, then renamed over it, so a
    reader never sees half a report; missing folders are made. ``mode``: the permission bits
    to give it (default: a new file's, under the umask)."""
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        # mkstemp makes it private; a report is not
        os.chmod(temporary, 0o666 & ~_umask() if mode is None else mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # the rename itself survives a crash
        directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def replace_atomically(path: Path, data: bytes, mode: int) -> None:
    """Replace the regular file ``path`` with ``data`` atomically, giving it ``mode`` (``--fix``
    keeps a Korean file's permissions). OSError when it cannot be written."""
    _atomic(path, data, mode)


def _stream(path: Path, data: bytes) -> None:
    """A FIFO, character device or socket: written in place, never replaced."""
    handle = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    try:
        _write_all(handle, data)
    finally:
        os.close(handle)


_FD_PATH = compiled(r"/dev/(?:fd/(\d+)|(stdout)|(stderr))|/proc/self/fd/(\d+)")


def _open_descriptor(path: Path) -> int | None:
    """The descriptor that ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N`` (process
    substitution: ``--format json=>(jq .)``) or ``/proc/self/fd/N`` names, else None."""
    match = _FD_PATH().fullmatch(os.path.abspath(path))
    if match is None:
        return None
    number, stdout, stderr = match.group(1) or match.group(4), match.group(2), match.group(3)
    return 1 if stdout else 2 if stderr else int(number)


def write_output(path: Path, text: str) -> None:
    """Write a report or baseline to ``path`` without ever replacing a special file.

    ``/dev/stdout``, ``/dev/fd/N`` and the like are written through the open descriptor, in
    place (a redirected ``>>`` file is appended to, as the shell meant). A FIFO, character
    device or socket is written in place as a stream. A regular file, or a path that does not
    exist yet, is written atomically. A symlink is refused: a report path planted as a link in
    a checked-out pull request must not let transcheck overwrite the file it points to. A
    folder or block device is refused. OSError when the path cannot be written.
    """
    data = text.encode("utf-8")
    descriptor = _open_descriptor(path)
    if descriptor is not None:
        _write_all(descriptor, data)
        return
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        _atomic(path, data)
        return
    if stat.S_ISLNK(link.st_mode):
        raise OSError(
            errno.EPERM,
            f"is a symlink (to {os.readlink(path)}); transcheck does not write through symlinks: "
            "name the file itself",
        )
    if stat.S_ISREG(link.st_mode):
        _atomic(path, data)
    elif stat.S_ISFIFO(link.st_mode) or stat.S_ISCHR(link.st_mode) or stat.S_ISSOCK(link.st_mode):
        _stream(path, data)
    else:
        kind = "a folder" if stat.S_ISDIR(link.st_mode) else "a block device"
        raise OSError(errno.EPERM, f"is {kind}; not written")
