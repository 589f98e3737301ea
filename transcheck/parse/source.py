"""Reading a Markdown file as text, with a clear error for what cannot be read as UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path


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


def read_source(path: Path, display: str) -> tuple[bytes, str]:
    """Read one file: its bytes and their decoded text; any OS error becomes an InputError
    naming ``display``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(display, f"cannot read: {error.strerror or error}") from None
    return data, decode_markdown(data, display)


def read_markdown(path: Path, display: str) -> str:
    """Read and decode one file; any OS error becomes an InputError naming ``display``."""
    return read_source(path, display)[1]
