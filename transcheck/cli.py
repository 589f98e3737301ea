"""The command line: arguments -> api -> report -> exit code. The only module that exits.

Exit codes: 0 no finding reaches --fail-on; 1 one does; 2 usage, config or input errors.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from transcheck.align import SectionPair
from transcheck.api import Report, align_files, check_paths
from transcheck.checks import REGISTRY, find_rule
from transcheck.checks.structure import describe
from transcheck.config import FAIL_ON, Config, ConfigError, load_config
from transcheck.findings import Severity
from transcheck.model import Section
from transcheck.pairing import PairingError
from transcheck.parse import SLUG_STYLES, InputError
from transcheck.report import FORMATS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check a Korean Markdown translation against its English source.",
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> typer.Exit:
    typer.echo(f"transcheck: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def _config(
    config_path: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    slug_style: str | None,
) -> Config:
    """The discovered or named config, with command-line options applied on top."""
    try:
        config = load_config(config_path)
    except ConfigError as error:
        raise _fail(str(error)) from None
    changes: dict[str, object] = {}
    if select:
        changes["select"] = _split(select)
    if ignore:
        changes["ignore"] = config.ignore + _split(ignore)
    if fail_on:
        if fail_on not in FAIL_ON:
            raise _fail(f"--fail-on must be one of {', '.join(FAIL_ON)}")
        changes["fail_on"] = fail_on
    if slug_style:
        if slug_style not in SLUG_STYLES:
            raise _fail(f"--slug-style must be one of {', '.join(SLUG_STYLES)}")
        changes["slug_style"] = slug_style
    return dataclasses.replace(config, **changes)  # type: ignore[arg-type]


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a reader never sees half of it."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def exit_code(report: Report, fail_on: str) -> int:
    """2 when a file could not be read, 1 when a finding reaches ``fail_on``, else 0."""
    if report.unreadable:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity(fail_on).rank
    hit = any(f.severity.rank >= threshold for f in report.findings)
    return EXIT_FINDINGS if hit else EXIT_CLEAN


SourceArg = Annotated[Path, typer.Argument(help="English file or folder.", show_default=False)]
TargetArg = Annotated[Path, typer.Argument(help="Korean file or folder.", show_default=False)]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="Config file (default: discovered upward).")
]


@app.command()
def check(
    source: SourceArg,
    target: TargetArg,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    config_path: ConfigOpt = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules (codes, prefixes or names).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Also skip these rules.")] = None,
    fail_on: Annotated[
        str | None, typer.Option(help="Lowest severity that fails: error|warning|info|never.")
    ] = None,
    slug_style: Annotated[
        str | None, typer.Option(help="Heading ids: github (default) or kramdown.")
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Color text output.")
    ] = None,
) -> None:
    """Check Korean Markdown against its English source: files or folders paired by path."""
    if output_format not in FORMATS:
        raise _fail(f"unknown format {output_format!r}; valid: {', '.join(FORMATS)}")
    config = _config(config_path, select, ignore, fail_on, slug_style)
    try:
        report = check_paths(source, target, config)
    except (PairingError, ConfigError) as error:
        raise _fail(str(error)) from None
    for pair in report.pairs:
        for finding in pair.findings:
            if finding.code == "TC001":
                typer.echo(
                    f"transcheck: cannot read {finding.primary}: {finding.message}", err=True
                )
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    rendered = FORMATS[output_format](report, use_color)
    if output is None:
        typer.echo(rendered, nl=False)
    else:
        write_atomically(output, rendered)
    raise typer.Exit(exit_code(report, config.fail_on))


@app.command()
def align(
    source: SourceArg,
    target: TargetArg,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    config_path: ConfigOpt = None,
) -> None:
    """Show how the sections of two files align: EN line, heading, KO line, heading, confidence."""
    config = _config(config_path, None, None, None, None)
    try:
        alignment = align_files(source, target, config)
    except InputError as error:
        raise _fail(str(error)) from None
    rows = [
        {
            "source_line": p.source.line if p.source else None,
            "source_heading": _heading(p.source),
            "target_line": p.target.line if p.target else None,
            "target_heading": _heading(p.target),
            "confidence": round(p.score, 2),
            "status": _status(p),
        }
        for p in alignment.pairs
    ]
    if output_format == "json":
        typer.echo(json.dumps({"version": 1, "sections": rows}, ensure_ascii=False, indent=2))
        return
    if output_format != "text":
        raise _fail("--format must be text or json")
    typer.echo(f"{'EN':>5}  {'English heading':<44} {'KO':>5}  {'Korean heading':<44} conf  status")
    for row in rows:
        typer.echo(
            f"{_cell(row['source_line']):>5}  {_clip(row['source_heading']):<44} "
            f"{_cell(row['target_line']):>5}  {_clip(row['target_heading']):<44} "
            f"{row['confidence']:.2f}  {row['status']}"
        )


def _heading(section: Section | None) -> str | None:
    return describe(section) if section is not None else None


def _status(pair: SectionPair) -> str:
    if pair.source is None:
        return "extra"
    if pair.target is None:
        return "missing"
    return "moved" if pair.moved else "ok"


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def _clip(text: object, width: int = 44) -> str:
    value = "-" if text is None else str(text)
    return value if len(value) <= width else value[: width - 1] + "…"


@app.command()
def rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every rule: code, name, default severity and one-line description."""
    if output_format == "json":
        listing = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "summary": r.summary,
                "enabled": r.enabled,
            }
            for r in REGISTRY
        ]
        typer.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    for r in REGISTRY:
        flag = "" if r.enabled else " (off by default)"
        typer.echo(f"{r.code}  {r.name:<24} {r.severity.value:<8} {r.summary}{flag}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule code or name.")]) -> None:
    """Print a rule's documentation with a Bad/Good example."""
    found = find_rule(rule)
    if found is None:
        raise _fail(f"unknown rule {rule!r}; `transcheck rules` lists them")
    typer.echo(f"{found.code} {found.name} ({found.severity.value})\n\n{found.summary}\n")
    if found.details:
        typer.echo(found.details)


def main() -> None:
    """Console-script entry point."""
    app()
