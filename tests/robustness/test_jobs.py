"""Checking in parallel processes gives the same report as one process, cross-chapter rules
included, and errors met in a worker reach the user as they would otherwise."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from typer.testing import CliRunner

from transcheck.api import check_paths
from transcheck.cli import app
from transcheck.config import Config, ConfigError
from transcheck.glossary.load import GlossaryError, Problem
from transcheck.parse import InputError
from transcheck.report import FORMATS
from transcheck.report.options import RenderOptions


def _glossary_config() -> Config:
    config = Config()
    group = {"files": ["ko"]}
    return dataclasses.replace(config, options={**config.options, "glossary": group})


def test_two_jobs_give_the_same_report_as_one_on_the_corpus(corpus: Path) -> None:
    config = _glossary_config()
    serial = check_paths(corpus / "en", corpus / "ko", config, jobs=1)
    parallel = check_paths(corpus / "en", corpus / "ko", config, jobs=2)
    assert parallel.findings == serial.findings
    assert parallel.summary() == serial.summary()
    assert any(f.code == "TC303" for f in parallel.findings)  # cross-chapter, from all pairs
    json = FORMATS["json"]
    assert json(parallel, RenderOptions()) == json(serial, RenderOptions())


def test_errors_survive_the_trip_from_a_worker() -> None:
    errors: list[Exception] = [
        InputError("ko/x.md", "not valid UTF-8", 3),
        ConfigError("t.yaml", "select", "unknown rule", 2),
        GlossaryError([Problem("g.yaml", 4, "duplicate term 'kernel'")]),
    ]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)


def test_cli_jobs_output_is_identical_and_a_bad_glossary_is_a_usage_error(
    corpus: Path, chdir_tmp: Path
) -> None:
    runner = CliRunner()
    args = ["check", str(corpus / "en"), str(corpus / "ko"), "--format", "json"]
    one = runner.invoke(app, [*args, "--jobs", "1"])
    two = runner.invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    (chdir_tmp / "bad.yaml").write_text("terms:\n  - term: kernel\n    bogus: 1\n", "utf-8")
    bad = runner.invoke(app, [*args, "--jobs", "2", "--glossary", "bad.yaml"])
    assert bad.exit_code == 2 and "bad.yaml:3" in bad.stderr
