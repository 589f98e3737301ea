"""Reading a Markdown file as text, with a clear error for what cannot be read as UTF-8.

The reading policy: only a regular file inside its tree's root is opened. A symlink that resolves
outside the root, a dangling one, a folder, device, FIFO or socket is refused before anything is
opened; a file over the size limit is refused by its size and never read past the limit.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

DEFAULT_FILE_BYTES = 5_000_000  # config key limits.file_bytes


class InputError(Exception):
    """A file that cannot be read as Markdown text; names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        """``path`` as shown to the user, what is wrong, and the 1-based line when known."""
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.message = message
        self.line = line

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        """Pickle by the constructor's arguments, so a worker process can hand it back."""
        return (InputError, (self.path, self.message, self.line))


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _guess_legacy(data: bytes) -> str:
    """Name the likely legacy encoding of bytes that are not UTF-8 (Korean files: CP949)."""
    try:
        data.decode("cp949")
    except UnicodeDecodeError:
        return "an unknown encoding"
    return "CP949/EUC-KR"


def _looks_utf16(data: bytes) -> bool:
    """True when the start decodes as UTF-16 (either byte order) into printable text that is
    mostly ASCII or Hangul, as a Korean document is. Korean syllables such as 가 (U+AC00) hold
    NUL bytes too, so NUL positions alone do not tell; binary bytes read as UTF-16 give a
    scatter of unrelated ideographs instead."""
    head = data[:4000]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = head[: len(head) - len(head) % 2].decode(encoding, errors="ignore")
        if not text or not all(ch.isprintable() or ch in "\n\r\t" for ch in text):
            continue
        familiar = sum(1 for ch in text if ch < "\u0080" or "\uac00" <= ch <= "\ud7a3")
        if familiar * 10 >= len(text) * 8:
            return True
    return False


def decode_markdown(data: bytes, path: str) -> str:
    """Decode file bytes as UTF-8 (a BOM is dropped) or raise InputError saying what they are."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "file is UTF-16 encoded; save it as UTF-8", 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            raise InputError(path, "file looks UTF-16 encoded (no BOM); save it as UTF-8", 1)
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(path, "binary file (NUL byte); not Markdown text", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); looks like {_guess_legacy(data)}, "
            "save it as UTF-8",
            line,
        ) from None


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _too_large(display: str, size: int, limit: int) -> InputError:
    return InputError(
        display,
        f"file is {_megabytes(size)}, over the limit of {_megabytes(limit)} per file; not read "
        "(raise the config key limits.file_bytes to check it)",
    )


def broken_symlink(path: Path | str) -> str:
    """What is wrong with a symlink that leads to no file: 'dangling symlink (to X)' or, when
    following it comes back to a link, 'symlink loop (to X)'."""
    kind = "symlink loop" if os.path.islink(os.path.realpath(path)) else "dangling symlink"
    return f"{kind} (to {os.readlink(path)})"


def _checked_target(path: Path, display: str, root: Path) -> tuple[str, os.stat_result]:
    """The real path of ``path`` and its stat, when it is a regular file inside ``root``
    (symlinks followed only while they stay inside); else the InputError saying why not."""
    try:
        link = os.lstat(path)
    except OSError as error:
        raise InputError(display, f"cannot read: {error.strerror or error}") from None
    real = os.path.realpath(path)
    points_to = os.readlink(path) if stat.S_ISLNK(link.st_mode) else None
    if points_to is not None and not os.path.exists(real):
        raise InputError(display, f"{broken_symlink(path)}; not read")
    if not Path(real).is_relative_to(os.path.realpath(root)):
        what = f"symlink to {points_to}" if points_to is not None else f"path leads to {real}"
        raise InputError(
            display,
            f"{what}: resolves outside its tree {root}; refused, not read (only files inside "
            "the checked folders are read)",
        )
    try:
        info = os.stat(real)
    except OSError as error:
        raise InputError(display, f"cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(display, f"{_kind(info.st_mode)}, not a regular file; not read")
    return real, info


# Texts that stand for files while they are read (an editor's unsaved buffers), by absolute path.
_UNSAVED: ContextVar[Mapping[Path, str] | None] = ContextVar("unsaved", default=None)


@contextmanager
def unsaved_texts(texts: Mapping[Path, str]) -> Iterator[None]:
    """Within the ``with``, reading these files gives these texts instead of what is saved:
    every reader of a file (the pair, its links, the glossary's line placing) sees the same
    unsaved text."""
    token = _UNSAVED.set({Path(os.path.abspath(path)): text for path, text in texts.items()})
    try:
        yield
    finally:
        _UNSAVED.reset(token)


def read_limited(path: Path, display: str, root: Path | None = None, limit: int = 0) -> bytes:
    """The bytes of ``path`` under the reading policy (see the module docstring); ``root``
    defaults to the file's folder, ``limit`` (bytes) to DEFAULT_FILE_BYTES. Every refusal
    and OS error is an InputError naming ``display``. An unsaved text given through
    unsaved_texts stands for the file (as UTF-8), under the same size limit."""
    limit = limit or DEFAULT_FILE_BYTES
    unsaved = _UNSAVED.get()
    text = unsaved.get(Path(os.path.abspath(path))) if unsaved else None
    if text is not None:
        data = text.encode("utf-8")
        if len(data) > limit:
            raise _too_large(display, len(data), limit)
        return data
    real, info = _checked_target(path, display, root if root is not None else path.parent)
    if info.st_size > limit:
        raise _too_large(display, info.st_size, limit)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        handle = os.open(real, flags)
    except OSError as error:
        raise InputError(display, f"cannot read: {error.strerror or error}") from None
    with os.fdopen(handle, "rb") as stream:
        opened = os.fstat(handle)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino) or not stat.S_ISREG(
            opened.st_mode
        ):
            raise InputError(display, "file changed while it was opened; not read")
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise InputError(display, f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:  # it grew after the stat
        raise _too_large(display, max(len(data), os.stat(real).st_size), limit)
    return data


def read_markdown(path: Path, display: str, root: Path | None = None, limit: int = 0) -> str:
    """Read (see read_limited) and decode one file; every problem is an InputError naming
    ``display``."""
    return decode_markdown(read_limited(path, display, root, limit), display)


def read_named_file(path: Path, encoding: str = "utf-8-sig") -> str:
    """A file the user names wherever it lives (config, glossary, baseline, a table to import):
    symlinks are followed anywhere, but it must be a regular file within DEFAULT_FILE_BYTES, so a
    config naming ``/dev/zero`` or a FIFO cannot exhaust memory or hang. OSError (with the
    reason) or UnicodeDecodeError otherwise."""
    try:
        data = read_limited(path, str(path), Path(os.sep))
    except InputError as error:
        raise OSError(error.message) from None
    return data.decode(encoding)
