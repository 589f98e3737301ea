"""Hostile and odd files, each checked through the real CLI on real files.

Every run ends with a report and a documented exit code (2 when an input could not be read, the
other pairs still checked), and no input file is ever written.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.api import check_pairing
from transcheck.cli import app
from transcheck.config import Config
from transcheck.pairing import pair_paths

ENGLISH = (
    "# Title\n\nSee [the docs](https://example.com/docs).\n\n## Part Two\n\nMore [text](#title).\n"
)
KOREAN = (
    "# 제목\n\n[문서](https://example.com/docs)를 보세요.\n\n## 둘째 부분\n\n더 많은 [글](#제목).\n"
)


def _tree(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def book(chdir_tmp: Path) -> Path:
    """en/ and ko/ with one clean pair (good.md); tests add a hostile Korean file next to it."""
    _tree(chdir_tmp, {"en/good.md": ENGLISH.encode(), "ko/good.md": KOREAN.encode()})
    _tree(chdir_tmp, {"en/odd.md": ENGLISH.encode()})
    return chdir_tmp


def _check(root: Path) -> tuple[int, list[str], str]:
    """Run ``transcheck check en ko --format json``: exit code, finding codes, stderr.
    No input file may change."""
    before = _digests(root)
    result = CliRunner().invoke(app, ["check", "en", "ko", "--format", "json"])
    assert _digests(root) == before, "an input file was written"
    codes = [finding["code"] for finding in json.loads(result.stdout)["findings"]]
    return result.exit_code, codes, result.stderr


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (KOREAN.encode("cp949"), ["ko/odd.md", "CP949"]),
        (KOREAN.encode("utf-16"), ["ko/odd.md", "UTF-16"]),
        (KOREAN.encode("utf-16-le"), ["ko/odd.md", "UTF-16"]),
        (b"# \xec\xa0\x9c\xeb\xaa\xa9\n\x00\x01\x02binary", ["ko/odd.md", "NUL"]),
    ],
    ids=["cp949", "utf16-bom", "utf16-no-bom", "nul-byte"],
)
def test_unreadable_encodings_name_the_file_and_the_rest_is_checked(
    book: Path, data: bytes, words: list[str]
) -> None:
    _tree(book, {"ko/odd.md": data})
    code, codes, err = _check(book)
    assert code == 2
    for word in words:
        assert word in err
    assert "TC001" in codes and "ko/good.md" not in err


def test_bom_crlf_and_lone_cr_do_not_shift_lines(book: Path) -> None:
    broken = KOREAN.replace("(#제목)", "(#없음)")
    variants = {
        "ko/odd.md": ("\ufeff" + broken).encode(),
        "en/crlf.md": ENGLISH.replace("\n", "\r\n").encode(),
        "ko/crlf.md": broken.replace("\n", "\r\n").encode(),
        "en/cr.md": ENGLISH.replace("\n", "\r").encode(),
        "ko/cr.md": broken.replace("\n", "\r").encode(),
    }
    _tree(book, variants)
    pairing = pair_paths(Path("en"), Path("ko"), (), (".md",))
    report = check_pairing(pairing, Config())
    broken_lines = {(f.target.path, f.target.line) for f in report.findings if f.code == "TC204"}
    assert broken_lines == {("ko/odd.md", 7), ("ko/crlf.md", 7), ("ko/cr.md", 7)}


def test_nfd_korean_matches_nfc_text(book: Path) -> None:
    nfd = unicodedata.normalize("NFD", KOREAN).replace(
        "(#제목)", "(#" + unicodedata.normalize("NFC", "제목") + ")"
    )
    assert nfd != unicodedata.normalize("NFC", nfd)
    _tree(book, {"ko/odd.md": nfd.encode()})
    code, codes, _ = _check(book)
    assert code == 0, codes


def test_empty_korean_file_is_one_finding(book: Path) -> None:
    _tree(book, {"ko/odd.md": b""})
    code, codes, _ = _check(book)
    assert code == 0  # empty-file is a warning; nothing failed to read
    assert codes == ["TC003"]


def test_huge_line_and_deep_nesting_check_cleanly(book: Path) -> None:
    long_line = "# 제목\n\n" + "가나다 " * 25_000 + "\n"
    nested = "# 제목\n\n" + "\n".join(">" * depth + " 인용" for depth in range(1, 5_000)) + "\n"
    lists = "# 제목\n\n" + "\n".join("  " * depth + "- 항목" for depth in range(2_000)) + "\n"
    _tree(
        book,
        {
            "ko/odd.md": long_line.encode(),
            "en/nested.md": ENGLISH.encode(),
            "ko/nested.md": nested.encode(),
            "en/lists.md": ENGLISH.encode(),
            "ko/lists.md": lists.encode(),
            ".transcheck.yaml": b"limits:\n  file_bytes: 20000000\n",  # nested.md: 12.5 MB
        },
    )
    code, codes, err = _check(book)
    assert code == 1 and err == ""
    assert codes.count("TC101") == 3  # each lost "Part Two": reported, not crashed


def test_symlink_loop_in_a_tree_is_not_followed(book: Path) -> None:
    _tree(book, {"ko/odd.md": KOREAN.encode()})
    (book / "ko" / "loop").symlink_to(book / "ko", target_is_directory=True)
    (book / "en" / "loop").symlink_to(book / "en", target_is_directory=True)
    code, codes, _ = _check(book)
    assert code == 0, codes


def test_file_vanishing_between_listing_and_reading(book: Path) -> None:
    _tree(book, {"ko/odd.md": KOREAN.encode()})
    pairing = pair_paths(Path("en"), Path("ko"), (), (".md",))
    os.remove("ko/odd.md")
    report = check_pairing(pairing, Config())
    assert report.unreadable == 1
    failures = [f for f in report.findings if f.code == "TC001"]
    assert [(f.target.path, "cannot read" in f.message) for f in failures] == [("ko/odd.md", True)]
    assert any(p.target == "ko/good.md" for p in report.pairs)


def test_twenty_megabyte_file_is_checked(book: Path) -> None:
    paragraph = "이 문단은 [링크](https://example.com/docs)와 숫자 1,000을 담고 있습니다. " * 4
    body = "".join(f"## 부분 {n}\n\n{paragraph}\n\n" for n in range(60_000))
    data = ("# 제목\n\n" + body).encode()
    assert len(data) > 20_000_000
    limits = b"limits:\n  file_bytes: 30000000\n  pair_seconds: 900\n"  # as a user would raise them
    _tree(book, {"ko/odd.md": data, ".transcheck.yaml": limits})
    result = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "en/odd.md", "ko/odd.md", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert '"TC102"' in result.stdout  # the Korean file has sections the English lacks
