"""Isolation: a rule that raises on one pair gives that pair an internal-error finding (TC005),
every other rule and pair is still reported, and the exit code is 2; ``--debug`` shows the
traceback, nothing else does.

No rule of transcheck is known to crash any more, so the crashing rules here are plugin-style
rules written in this test: real ``Rule`` objects with a real (buggy) check, given to the real
``Run`` through its ``rules`` argument, exactly as a plugin's rules would be. Nothing of
transcheck is replaced or mocked. They run on real chapters of the book.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from transcheck.checks import Hit, PairContext, Rule, Scope, SetContext
from transcheck.cli import exit_code
from transcheck.config import Config
from transcheck.debugging import DebugOpt, guarded
from transcheck.findings import Severity
from transcheck.model import BlockKind
from transcheck.pairing import pair_paths
from transcheck.report import FORMATS, RenderOptions
from transcheck.results import Report
from transcheck.run import Run
from transcheck.runner import ActiveRule, active_rules

# Chapters of the book: README and roofline have code blocks, the other three have none.
CHAPTERS = ("README.md", "applied-training.md", "conclusion.md", "dropdown.md", "roofline.md")
WITHOUT_CODE = ("applied-training.md", "conclusion.md", "dropdown.md")


def prose_per_code(ctx: PairContext) -> Iterator[Hit]:
    """Korean prose blocks per code block (a plugin's buggy rule: no code divides by zero)."""
    blocks = [b for s in ctx.target.sections for b in s.blocks]
    code = sum(1 for b in blocks if b.kind is BlockKind.CODE)
    ratio = len(blocks) / code
    if ratio > 1000:
        yield Hit(f"{ratio} prose blocks per code block", ctx.at_target(1))


def collect_titles(ctx: PairContext) -> str:
    """What the buggy cross-chapter rule takes from each pair: the Korean file's title."""
    return ctx.target.sections[-1].title


def titles_unique(ctx: SetContext) -> Iterator[Hit]:
    """Every chapter title is unique (a plugin's buggy set rule: it indexes past the end)."""
    titles = sorted(ctx.collected)
    yield Hit(f"{titles[len(titles)]} repeats")


PLUGIN = Rule(
    "TC991", "prose-per-code", Severity.INFO, "Prose per code.", "", Scope.PAIR, prose_per_code
)
SET_PLUGIN = Rule(
    "TC992",
    "titles-unique",
    Severity.INFO,
    "Titles unique.",
    "",
    Scope.SET,
    set_check=titles_unique,
    collect=collect_titles,
)


@pytest.fixture(scope="module")
def book(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five real chapter pairs of the book in a temp tree."""
    root = tmp_path_factory.mktemp("book")
    for side in ("en", "ko"):
        (root / side).mkdir()
        for name in CHAPTERS:
            shutil.copy(corpus / side / name, root / side / name)
    return root


def checked(book: Path, plugins: tuple[Rule, ...], jobs: int = 1) -> Report:
    config = Config()
    pairing = pair_paths(book / "en", book / "ko", config.pairing, config.extensions)
    rules = active_rules(config) + tuple(ActiveRule(p, p.severity) for p in plugins)
    return Run(pairing, config, jobs=jobs, rules=rules).report()


def test_a_crashing_rule_is_one_finding_per_pair_and_the_rest_is_reported(book: Path) -> None:
    plain = checked(book, ())
    report = checked(book, (PLUGIN,))
    crashes = report.internal_errors
    assert sorted(Path(f.target.path or "").name for f in crashes) == list(WITHOUT_CODE)
    for finding in crashes:
        assert (finding.code, finding.rule, finding.severity) == (
            "TC005",
            "internal-error",
            Severity.ERROR,
        )
        assert finding.source.path and finding.source.path.endswith(
            Path(finding.target.path or "").name
        )
        assert "\n" not in finding.message
        assert "running rule TC991 prose-per-code on " in finding.message
        assert "ZeroDivisionError: division by zero (at test_isolation.py:" in finding.message
    # Every other finding of every pair (crashed ones included) is still there.
    others = [f for f in report.findings if f.code != "TC005"]
    assert others == list(plain.findings)
    assert exit_code(report, "error") == 2
    assert exit_code(plain, "never") == 0
    document = json.loads(FORMATS["json"](report, RenderOptions()))
    assert [f["code"] for f in document["findings"]].count("TC005") == 3


def test_the_same_findings_come_back_from_worker_processes(book: Path) -> None:
    one = checked(book, (PLUGIN, SET_PLUGIN))
    forked = checked(book, (PLUGIN, SET_PLUGIN), jobs=2)
    assert forked.findings == one.findings
    assert len(one.internal_errors) == 4  # three pairs, and the cross-chapter rule once


def test_a_crashing_cross_chapter_rule_is_reported_once_at_a_pair(book: Path) -> None:
    report = checked(book, (SET_PLUGIN,))
    [crash] = report.internal_errors
    assert "running the cross-chapter rule TC992 titles-unique on " in crash.message
    assert "IndexError: list index out of range" in crash.message
    assert crash.source.path and crash.target.path


def test_the_traceback_goes_to_the_debug_log_only(
    book: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="transcheck"):
        checked(book, (PLUGIN,))
    tracebacks = [r for r in caplog.records if r.exc_info is not None]
    assert len(tracebacks) == 3
    assert all(r.levelno == logging.DEBUG for r in tracebacks)


def _app() -> typer.Typer:
    """A plugin-style command under transcheck's real last-resort guard."""
    app = typer.Typer()

    @app.command()
    @guarded("reading {path}")
    def read(path: Path, debug: DebugOpt = False) -> None:
        """Parse a number out of a file (a buggy plugin command)."""
        typer.echo(str(int(path.read_text(encoding="utf-8"))))

    @app.command()
    def other() -> None:
        """Present so typer keeps the command names."""

    return app


def test_a_crashing_command_is_one_line_and_exit_2(tmp_path: Path) -> None:
    number = tmp_path / "n.txt"
    number.write_text("twelve", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["read", str(number)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"transcheck: error: internal error while reading {number}: ValueError: invalid literal "
        "for int() with base 10: 'twelve' (at test_isolation.py:"
    )
    assert result.stderr.endswith(
        "). This is a bug in transcheck: please report it (--debug prints the traceback)\n"
    )
    assert result.stderr.count("\n") == 1
    debug = CliRunner().invoke(_app(), ["read", str(number), "--debug"])
    assert debug.exit_code == 2
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.endswith(result.stderr)
    number.write_text("12", encoding="utf-8")
    fine = CliRunner().invoke(_app(), ["read", str(number)])
    assert (fine.exit_code, fine.stdout) == (0, "12\n")
