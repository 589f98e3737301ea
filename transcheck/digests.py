"""SHA-256 hex digests (a fix's record of the file it edits, finding fingerprints) without
importing hashlib: its start-up loads OpenSSL and looks up every algorithm (~19 M instructions
on Python 3.11, against ~8 M for the interpreter's own SHA-256 module alone), for one digest
per checked Korean file. The digests are the same; a build without that module uses
hashlib's."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType


def _module() -> ModuleType:
    """The interpreter's own SHA-256 module (``_sha256`` up to Python 3.11, ``_sha2`` since),
    else hashlib."""
    for name in ("_sha256", "_sha2"):
        try:
            return import_module(name)
        except ImportError:
            continue
    return import_module("hashlib")


_SHA256 = _module()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, as 64 hexadecimal digits."""
    return str(_SHA256.sha256(data).hexdigest())
