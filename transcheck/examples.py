"""Run a rule's example for ``transcheck explain``: write its files to a temporary folder and
check them with the same pipeline as ``transcheck check``, so the finding shown is a real one."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from transcheck.api import check_paths
from transcheck.checks import Rule
from transcheck.checks.registry import Example
from transcheck.config import load_config
from transcheck.findings import Finding, Location
from transcheck.pairing import display_path
from transcheck.records import record

CHAPTER = "chapter.md"  # the example's English and Korean chapter: en/chapter.md, ko/chapter.md
GLOSSARY = "glossary.yaml"
CONFIG = "transcheck.yaml"


@record(eq=True)
class ExampleRun:
    """What an example is and what it gave: its files (path, text) in the order shown, and the
    findings with paths relative to the example folder."""

    files: tuple[tuple[str, str], ...]
    findings: tuple[Finding, ...]


def example_files(example: Example) -> dict[str, str]:
    """Every file of the example by its path in the example folder (config aside)."""
    chapters = (("en", example.en), ("ko", example.ko))
    files = {f"{side}/{CHAPTER}": text for side, text in chapters if text is not None}
    files.update(sorted(example.files.items()))
    if example.glossary is not None:
        files[GLOSSARY] = example.glossary
    return files


def settings(rule: Rule, example: Example) -> dict[str, Any]:
    """The config the example runs with: the rule alone selected, the example's glossary in
    place of the shipped one, then the example's own settings."""
    config: dict[str, Any] = {"select": [rule.code]}
    if example.glossary is not None:
        config["glossary"] = {"files": [GLOSSARY], "shipped": False}
    return config | dict(example.config)


def _relative(location: Location, root: Path) -> Location:
    """A place with its path relative to the example folder."""
    if location.path is None:
        return location
    path = Path(os.path.abspath(location.path)).relative_to(root).as_posix()
    return replace(location, path=path)


def _in_folder(finding: Finding, root: Path) -> Finding:
    """A finding as if checked from inside the example folder: paths in its places and its
    message relative to it, never the name of a temporary folder."""
    message = finding.message
    for shown in dict.fromkeys((root.as_posix(), display_path(root))):
        message = message.replace(f"{shown}/", "")
    return replace(
        finding,
        message=message,
        source=_relative(finding.source, root),
        target=_relative(finding.target, root),
    )


def run_example(rule: Rule, example: Example) -> ExampleRun:
    """Check ``example`` as ``transcheck check en ko`` would, in a folder deleted afterwards."""
    files = example_files(example)
    config = settings(rule, example)
    with tempfile.TemporaryDirectory(prefix="transcheck-example-") as scratch:
        root = Path(os.path.abspath(scratch))
        for side in ("en", "ko"):
            (root / side).mkdir()
        for path, text in files.items():
            encoding = example.encoding if path == f"ko/{CHAPTER}" else "utf-8"
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(text.encode(encoding))
        (root / CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        report = check_paths(root / "en", root / "ko", load_config(root / CONFIG))
        findings = tuple(_in_folder(finding, root) for finding in report.findings)
    return ExampleRun(tuple(files.items()), findings)
