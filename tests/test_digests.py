"""The SHA-256 digests fixes and fingerprints record are hashlib's, whichever module makes them."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from transcheck.digests import _SHA256, sha256_hex


@given(st.binary(max_size=5000) | st.text(max_size=2000).map(lambda text: text.encode("utf-8")))
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_the_interpreters_own_module_is_used_where_it_exists() -> None:
    assert _SHA256.__name__ in ("_sha256", "_sha2")
