"""The mutation fuzzer (tests/fuzz/mutations.py) over the real chapters of both shared corpora:
no pair may crash (an exception or an internal-error finding), every line must be inside its
file, and the CLI must exit 0 or 1 with valid JSON.

The default run checks a few hundred mutated pairs; the tests marked ``slow`` check several
thousand and every cross pairing of the book's chapters. The default run leaves them out
(``addopts`` in pyproject.toml); run them with ``python -m pytest -m slow tests/fuzz``.
Tests skip when a corpus is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.mutations import Chapter, corpus_chapters, mutated_pairs
from transcheck.api import check_pair
from transcheck.findings import Finding, Location, Severity

REPO = Path(__file__).resolve().parents[2]
SEED = 20261206


def line_count(text: str) -> int:
    """Lines as transcheck counts them: CR LF and a lone CR are one break each."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def assert_sound(findings: list[Finding], sizes: dict[str, int]) -> None:
    """No internal error, and every line inside its file."""
    crashes = [f.message for f in findings if f.code == "TC005"]
    assert not crashes, crashes
    for finding in findings:
        for where in (finding.source, finding.target):
            if where.line is not None:
                assert where.path in sizes, finding
                assert 1 <= where.line <= max(sizes[where.path], 1), finding


@pytest.fixture(scope="module")
def chapters() -> list[Chapter]:
    found = corpus_chapters("scaling-book") + corpus_chapters("vue-docs")
    if not found:
        pytest.skip("no shared corpus found")
    return found


def fuzz_in_process(chapters: list[Chapter], count: int, seed: int) -> None:
    for rel, english, korean in mutated_pairs(chapters, count, seed):
        source, target = f"en/{rel}", f"ko/{rel}"
        findings = check_pair(english, korean, source_path=source, target_path=target)
        assert_sound(findings, {source: line_count(english), target: line_count(korean)})


def fuzz_cli(chapters: list[Chapter], root: Path, count: int, seed: int) -> None:
    """Write ``count`` mutated pairs as two trees and check them with the real CLI (two
    processes): exit 0 or 1, valid JSON, no internal error, lines inside their files. NUL
    characters are left out: a file holding one is binary, refused as unreadable (exit 2)."""
    sizes = {}
    for n, (_, english, korean) in enumerate(mutated_pairs(chapters, count, seed)):
        for side, text in (("en", english.replace("\0", "")), ("ko", korean.replace("\0", ""))):
            path = root / side / f"p{n}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            sizes[f"{side}/p{n}.md"] = line_count(text)
    result = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "en", "ko", "--format", "json", "-j", "2"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    document = json.loads(result.stdout)
    findings = [
        Finding(
            f["code"],
            f["rule"],
            Severity(f["severity"]),
            f["message"],
            Location(f["source"]["path"], f["source"]["line"]),
            Location(f["target"]["path"], f["target"]["line"]),
        )
        for f in document["findings"]
    ]
    assert_sound(findings, sizes)


def test_mutated_chapters_never_crash(chapters: list[Chapter]) -> None:
    fuzz_in_process(chapters, 200, SEED)


def test_mutated_trees_through_the_cli(chapters: list[Chapter], tmp_path: Path) -> None:
    fuzz_cli(chapters, tmp_path, 24, SEED + 1)


def cross_check(english: Chapter, korean: Chapter) -> None:
    """One English chapter against another chapter's Korean translation."""
    findings = check_pair(english.english, korean.korean)
    assert_sound(
        findings, {"en.md": line_count(english.english), "ko.md": line_count(korean.korean)}
    )


@pytest.fixture(scope="module")
def book() -> list[Chapter]:
    found = corpus_chapters("scaling-book")
    if not found:
        pytest.skip("no scaling-book corpus")
    return found


def test_each_book_chapter_against_another_korean_chapter(book: list[Chapter]) -> None:
    """Each English chapter against the Korean chapter eight places on, tpus against gpus among
    them (a Korean preamble the English lacks once crashed block-missing); every pairing is the
    slow test below."""
    shifted = book[8:] + book[:8]
    assert ("tpus.md", "gpus.md") in {(a.rel, b.rel) for a, b in zip(book, shifted, strict=True)}
    for english, korean in zip(book, shifted, strict=True):
        cross_check(english, korean)


@pytest.mark.slow
def test_thousands_of_mutated_chapters_never_crash(chapters: list[Chapter]) -> None:
    fuzz_in_process(chapters, 3000, SEED + 2)


@pytest.mark.slow
def test_many_mutated_trees_through_the_cli(chapters: list[Chapter], tmp_path: Path) -> None:
    fuzz_cli(chapters, tmp_path, 300, SEED + 3)


@pytest.mark.slow
def test_every_cross_pairing_of_the_book_checks(book: list[Chapter]) -> None:
    """Each English chapter of the book against each Korean chapter (15 x 15)."""
    assert len(book) == 15
    for english in book:
        for korean in book:
            cross_check(english, korean)
