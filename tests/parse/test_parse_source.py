"""Reading files: UTF-8 with or without BOM; CP949, UTF-16 and binary files are named errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transcheck.parse import InputError, decode_markdown, read_markdown


def test_utf8_with_and_without_bom() -> None:
    assert decode_markdown("# 제목\n".encode(), "a.md") == "# 제목\n"
    assert decode_markdown(b"\xef\xbb\xbf# \xec\xa0\x9c\n", "a.md") == "# 제\n"


def test_cp949_file_names_file_line_and_encoding() -> None:
    data = "# Title\n\n한국어 문장\n".encode("cp949")
    with pytest.raises(InputError) as caught:
        decode_markdown(data, "ko/tpus.md")
    error = caught.value
    assert (error.path, error.line) == ("ko/tpus.md", 3)
    assert "CP949" in error.message and "UTF-8" in error.message
    assert str(error).startswith("ko/tpus.md:3: not valid UTF-8 (byte 0xc7)")


def test_utf16_with_bom_is_named() -> None:
    for codec in ("utf-16", "utf-16-be"):
        data = ("\ufeff" if codec == "utf-16-be" else "") + "# 제목\n"
        with pytest.raises(InputError) as caught:
            decode_markdown(data.encode(codec), "ko/a.md")
        assert (caught.value.line, "UTF-16" in caught.value.message) == (1, True)


def test_nul_byte_is_a_binary_file_at_its_line() -> None:
    with pytest.raises(InputError) as caught:
        decode_markdown(b"line one\nline two\nbad\x00byte\n", "img.md")
    assert caught.value.line == 3
    assert "binary" in caught.value.message


def test_invalid_bytes_not_cp949_are_an_unknown_encoding() -> None:
    with pytest.raises(InputError) as caught:
        decode_markdown(b"ok\n\xff\xfe\xfd\n", "a.md")
    assert caught.value.line == 2
    assert "unknown encoding" in caught.value.message


def test_read_markdown_missing_and_unreadable(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_markdown(tmp_path / "missing.md", "ko/missing.md")
    assert caught.value.path == "ko/missing.md"
    assert caught.value.line is None
    assert str(caught.value).startswith("ko/missing.md: cannot read")
    folder = tmp_path / "dir.md"
    folder.mkdir()
    with pytest.raises(InputError):
        read_markdown(folder, "dir.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_read_markdown_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# x\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        read_markdown(path, "secret.md")
    assert "cannot read" in caught.value.message


def test_read_markdown_decodes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ko.md"
    path.write_bytes("\ufeff# 제목\r\n".encode())
    assert read_markdown(path, "ko.md") == "# 제목\r\n"


def test_utf16_without_bom_is_named_not_called_binary() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        for text in ("# Title\n\nText.\n", "# 제목\n\n한국어 문장입니다.\n"):
            with pytest.raises(InputError) as caught:
                decode_markdown(text.encode(codec), "en/a.md")
            assert caught.value.message == "file looks UTF-16 encoded (no BOM); save it as UTF-8"
