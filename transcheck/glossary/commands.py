"""``transcheck glossary …``: stats, mine, validate and import, as a typer sub-app.

Only ``transcheck.cli`` imports this module (it wires the sub-app into the main app); the
commands parse arguments, call the glossary package, print, and exit 0/1/2 like ``check``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from transcheck.debugging import DebugOpt, guarded
from transcheck.glossary.shipped import is_shipped, shipped_names

# Each command imports what it runs: the CLI imports this module at every start-up.
if TYPE_CHECKING:
    from transcheck.config import Config
    from transcheck.glossary.matcher import Matcher

app = typer.Typer(
    rich_markup_mode="markdown",
    no_args_is_help=True,
    help="Glossary tools: term statistics, mining, validation and import.",
)

EXIT_PROBLEMS, EXIT_ERROR = 1, 2

SourceArg = Annotated[Path, typer.Argument(help="English file or folder.", show_default=False)]
TargetArg = Annotated[Path, typer.Argument(help="Korean file or folder.", show_default=False)]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="Config file (default: discovered upward).")
]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"transcheck: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _write(text: str, output: Path | None) -> None:
    from transcheck.outputs import write_output

    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text)


def with_glossaries(config: Config, names: list[str] | None) -> Config:
    """``config`` with the glossary files named on the command line added (made absolute)."""
    if not names:
        return config
    given = [n if is_shipped(n) else str(Path(n).resolve()) for n in names]
    group = dict(config.options.get("glossary", {}))
    group["files"] = (*config.option("glossary", "files"), *given)
    return dataclasses.replace(config, options={**config.options, "glossary": group})


def _matcher(config_path: Path | None, glossaries: list[str] | None) -> tuple[Config, Matcher]:
    """The config and the compiled glossary (the shipped general one under any named)."""
    from transcheck.config import ConfigError, load_config
    from transcheck.glossary.active import active_matcher

    try:
        config = with_glossaries(load_config(config_path), glossaries)
        matcher = active_matcher(config)
    except ConfigError as error:
        raise _fail(str(error)) from None
    if matcher is None:
        raise _fail("no glossary: glossary.shipped is false and no glossary file is named")
    return config, matcher


GlossaryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glossary",
        "-g",
        help=f"Glossary file or shipped name ({', '.join(shipped_names())}); repeatable.",
    ),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]


@app.command()
@guarded("counting the glossary terms of {source} ↔ {target}")
def stats(
    source: SourceArg,
    target: TargetArg,
    glossary: GlossaryOpt = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json or csv.")
    ] = "text",
    output: OutputOpt = None,
    config_path: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Count each glossary term's renderings (English kept included) per chapter and in total."""
    from transcheck.glossary.chapters import load_chapters
    from transcheck.glossary.stats import render_csv, render_json, render_text, term_stats
    from transcheck.pairing import PairingError

    if output_format not in ("text", "json", "csv"):
        raise _fail("--format must be text, json or csv")
    config, matcher = _matcher(config_path, glossary)
    try:
        chapters, problems = load_chapters(source, target, config)
    except PairingError as error:
        raise _fail(str(error)) from None
    for problem in problems:
        typer.echo(f"transcheck: cannot read {problem}", err=True)
    counted = term_stats(chapters, matcher)
    if output_format == "json":
        _write(render_json(counted) + "\n", output)
    elif output_format == "csv":
        _write(render_csv(counted, chapters), output)
    else:
        _write(render_text(counted, chapters), output)
    if problems:
        raise typer.Exit(EXIT_ERROR)


@app.command(name="mine")
@guarded("mining glossary terms from {source} ↔ {target}")
def mine_command(
    source: SourceArg,
    target: TargetArg,
    output: OutputOpt = None,
    limit: Annotated[int, typer.Option(help="Propose at most this many entries (0: all).")] = 0,
    config_path: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Propose glossary entries from the text: recurring English terms and their renderings."""
    from transcheck.config import ConfigError, load_config
    from transcheck.glossary.chapters import load_chapters
    from transcheck.glossary.mine import mine, mined_yaml
    from transcheck.pairing import PairingError

    try:
        config = load_config(config_path)
        chapters, problems = load_chapters(source, target, config)
    except (ConfigError, PairingError) as error:
        raise _fail(str(error)) from None
    for problem in problems:
        typer.echo(f"transcheck: cannot read {problem}", err=True)
    proposals = mine(chapters)
    _write(mined_yaml(proposals[:limit] if limit else proposals, len(chapters)), output)


@app.command()
@guarded("validating the glossary files {files}")
def validate(
    files: Annotated[list[Path], typer.Argument(help="Glossary files.", show_default=False)],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    debug: DebugOpt = False,
) -> None:
    """Check glossary files: unknown keys, duplicate terms, bad regexes, conflicting renderings."""
    import json

    from transcheck.glossary.load import read_glossary

    problems = []
    terms = 0
    for path in files:
        glossary, found = read_glossary(path)
        problems += found
        terms += len(glossary.entries)
    if output_format == "json":
        listing = [dataclasses.asdict(problem) for problem in problems]
        typer.echo(json.dumps({"version": 1, "problems": listing}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            typer.echo(str(problem))
        if not problems:
            typer.echo(f"{len(files)} file(s), {terms} term(s): valid")
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command(name="import")
@guarded("importing the glossary table {file}")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV, TSV or Markdown table.", show_default=False)],
    output: OutputOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Convert a CSV/TSV glossary or a Markdown table (English | 한글 | 비고) to glossary YAML."""
    from transcheck.glossary.importer import TableError, import_glossary
    from transcheck.parse.source import read_named_file

    try:
        text = read_named_file(file)
        _write(import_glossary(text, file.name), output)
    except (OSError, UnicodeDecodeError, TableError) as error:
        raise _fail(str(error)) from None
