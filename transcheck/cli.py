"""The command line: arguments -> api -> report -> exit code. The only module that exits.

Exit codes: 0 no finding reaches --fail-on; 1 one does; 2 usage, config or input errors.
``status``: 0 every chapter up to date; 1 one is in a state ``--fail-on`` names; 2 errors.
"""

# No ``from __future__ import annotations`` here: typer reads a command's parameters from its
# annotations, and from strings it evaluates and compiles each one twice per run (~19 M
# instructions for ``check``). Annotations naming what only a type checker imports are quoted.

from transcheck.lazy import uncollected

# The command line's own imports (typer and the standard modules it and dataclasses load) run
# with the collector paused too, as `check`'s imports do (see uncollected).
with uncollected():
    import copy
    import dataclasses
    import gc
    import os
    import sys
    from collections.abc import Mapping, Sequence
    from pathlib import Path
    from typing import TYPE_CHECKING, Annotated

    import typer
    from typer.main import get_command_name
    from typer.models import CommandInfo

    from transcheck.debugging import DebugOpt, click_errors, guarded
    from transcheck.glossary import commands as glossary_commands
    from transcheck.report import FORMATS

# Each command imports what it runs, so `--version`, `--help` and one command's start-up do not
# load the checks, the other commands or the formats they do not write (tests/test_startup.py).
if TYPE_CHECKING:
    from transcheck.api import Report
    from transcheck.config import Config
    from transcheck.outputs import Output
    from transcheck.report import RenderOptions

app = typer.Typer(
    add_completion=False,
    rich_markup_mode="markdown",
    no_args_is_help=True,
    help="Check a Korean Markdown translation against its English source.",
)

app.add_typer(glossary_commands.app, name="glossary")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _version(value: bool) -> None:
    """``--version``: print ``transcheck X.Y.Z`` (from the installed package's metadata)."""
    if not value:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        typer.echo(f"transcheck {version('transcheck')}")
    except PackageNotFoundError:
        typer.echo("transcheck (version unknown: not installed as a package)")
    raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _main_options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Check a Korean Markdown translation against its English source."""


def _fail(message: str) -> typer.Exit:
    """Print a usage error on stderr; the Exit (code 2) for the caller to raise."""
    typer.echo(f"transcheck: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated option values as one tuple."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def _config(
    config_path: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    slug_style: str | None,
) -> "Config":
    """The discovered or named config, with command-line options applied on top."""
    from transcheck.config import FAIL_ON, ConfigError, load_config
    from transcheck.parse.slugs import SLUG_STYLES
    from transcheck.runner import is_known_selector

    try:
        config = load_config(config_path)
    except ConfigError as error:
        raise _fail(str(error)) from None
    changes: dict[str, object] = {}
    for option, values in (("--select", _split(select)), ("--ignore", _split(ignore))):
        unknown = [value for value in values if not is_known_selector(value)]
        if unknown:
            raise _fail(f"{option}: unknown rule {unknown[0]!r}; `transcheck rules` lists them")
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


def exit_code(report: "Report", fail_on: str) -> int:
    """2 when a file could not be read or transcheck failed on a pair (internal-error), 1 when
    a finding reaches ``fail_on``, else 0."""
    from transcheck.findings import Severity

    if report.unreadable or report.internal_errors:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity(fail_on).rank
    hit = any(f.severity.rank >= threshold for f in report.findings)
    return EXIT_FINDINGS if hit else EXIT_CLEAN


def use_color(flag: bool | None, to_terminal: bool, environ: Mapping[str, str]) -> bool:
    """--color/--no-color when given; else off when NO_COLOR is set and not empty, on when
    FORCE_COLOR is (https://no-color.org); else color on a terminal only."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def _is_input(output: Path, source: Path, target: Path, config: "Config") -> bool:
    """Whether ``output`` is one of the checked files, or a Markdown file inside a checked tree:
    transcheck never writes to its input."""
    written = Path(os.path.realpath(output))  # never raises, a symlink loop included
    inside = written.suffix in config.extensions
    return any(
        written == given or (inside and given.is_dir() and written.is_relative_to(given))
        for given in (Path(os.path.realpath(source)), Path(os.path.realpath(target)))
    )


def _repo_root(source: Path, target: Path) -> Path:
    """The git work tree holding ``target``, else the folder holding both checked paths (never
    the working directory, so a run from another folder keys findings the same): report paths
    (SARIF, GitHub, rdjson, Markdown links, baselines) are relative to it."""
    from transcheck import gitrepo

    try:
        return gitrepo.repo_root(target.resolve())
    except gitrepo.GitError:
        roots = [p.resolve() if p.is_dir() else p.resolve().parent for p in (source, target)]
        return Path(os.path.commonpath(roots))


def _full_report(outputs: "list[Output]") -> str | None:
    """Where the complete report is, for the github format's closing notice: the files the other
    formats write, and the workflow run's page when running in GitHub Actions."""
    places = [str(o.path) for o in outputs if o.path is not None and o.format != "github"]
    env = os.environ
    if env.get("GITHUB_RUN_ID") and env.get("GITHUB_REPOSITORY"):
        server = env.get("GITHUB_SERVER_URL", "https://github.com")
        places.append(f"{server}/{env['GITHUB_REPOSITORY']}/actions/runs/{env['GITHUB_RUN_ID']}")
    return ", ".join(places) or None


def _write(path: Path, text: str) -> None:
    """Write a report or baseline file (see write_output); one that cannot be written exits 2."""
    from transcheck.outputs import write_output

    try:
        write_output(path, text)
    except OSError as error:
        raise _fail(f"{path}: cannot write: {error.strerror or error}") from None


def _baseline(report: "Report", path: Path, update: bool, options: "RenderOptions") -> "Report":
    """Write the baseline first when ``update``; then set aside what it accepts."""
    from transcheck.api import apply_baseline
    from transcheck.baseline import BaselineError, baseline_document, load_baseline

    if update:
        _write(path, baseline_document(report.findings, options.repo_path))
    try:
        accepted = load_baseline(path)
    except BaselineError as error:
        raise _fail(str(error)) from None
    return apply_baseline(report, accepted, options.repo_path)


SourceArg = Annotated[Path, typer.Argument(help="English file or folder.", show_default=False)]
TargetArg = Annotated[Path, typer.Argument(help="Korean file or folder.", show_default=False)]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="Config file (default: discovered upward).")
]
SourceRevOpt = Annotated[
    str | None,
    typer.Option(
        help="Read the English side from this git revision (in-place translations: "
        "`--source-rev upstream/main . .`).",
        show_default=False,
    ),
]


@app.command()
@guarded("checking {source} ↔ {target}")
def check(
    source: SourceArg,
    target: TargetArg,
    output_format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=f"One of {', '.join(FORMATS)}; NAME=FILE writes a file. Repeatable.",
            show_default="text",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File for the --format given without =FILE."),
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
        str | None, typer.Option(help="Heading ids: github (default), kramdown, mdn or vitepress.")
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Color text output.")
    ] = None,
    glossary: glossary_commands.GlossaryOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Check pairs in this many processes (default: the number of CPUs); the "
            "report is the same with any number.",
            show_default=False,
        ),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            help="Check only pairs changed since merge-base(REV, HEAD); flag English files "
            "changed without their Korean file.",
            show_default=False,
        ),
    ] = None,
    source_rev: SourceRevOpt = None,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Set aside the findings recorded in this baseline file."),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline", help="Write the current findings to the --baseline file."
        ),
    ] = False,
    link_base: Annotated[
        str | None,
        typer.Option(help="markdown: URL prefix for links to lines (URL/ko/x.md#L14)."),
    ] = None,
    debug: DebugOpt = False,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Apply the safe fixes to the Korean files, then check again."),
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff: unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the fixes as a unified diff; write nothing."),
    ] = False,
) -> None:
    """Check Korean Markdown against its English source: files or folders paired by path."""
    with uncollected():
        from transcheck import gitrepo
        from transcheck.api import check_paths
        from transcheck.config import ConfigError
        from transcheck.outputs import OutputError, plan_outputs
        from transcheck.pairing import PairingError
        from transcheck.progress import pair_progress, wanted
        from transcheck.report import RenderOptions

    try:
        outputs = plan_outputs(output_format or ["text"], output, FORMATS)
    except OutputError as error:
        raise _fail(str(error)) from None
    if update_baseline and baseline is None:
        raise _fail("--update-baseline needs --baseline FILE")
    if fix and diff:
        raise _fail("--diff shows the fixes and --fix applies them: give one of them")
    config = _config(config_path, select, ignore, fail_on, slug_style)
    config = glossary_commands.with_glossaries(config, glossary)
    for written in [o.path for o in outputs if o.path is not None] + [baseline]:
        if written is not None and _is_input(written, source, target, config):
            raise _fail(f"{written} would overwrite an input file; choose another path")
    formats = [planned.format for planned in outputs]

    def run() -> "Report":
        try:
            with pair_progress(wanted(formats, sys.stderr, os.environ)) as progress:
                return check_paths(
                    source,
                    target,
                    config,
                    source_rev=source_rev,
                    changed_since=changed_since,
                    chapters="html" in formats,
                    progress=progress,
                    jobs=min(jobs or os.cpu_count() or 1, os.cpu_count() or 1),
                )
        except (PairingError, ConfigError, gitrepo.GitError) as error:
            raise _fail(str(error)) from None

    report = run()
    for problem in report.input_errors:
        typer.echo(f"transcheck: {problem}", err=True)
    for crash in report.internal_errors:
        typer.echo(f"transcheck: {crash.message}", err=True)
    to_terminal = any(o.path is None for o in outputs) and sys.stdout.isatty()
    options = RenderOptions(
        color=use_color(color, to_terminal, os.environ),
        repo_root=_repo_root(source, target),
        source_rev=source_rev,
        link_base=link_base,
        full_report=_full_report(outputs),
    )
    if baseline is not None:
        report = _baseline(report, baseline, update_baseline, options)
    failed = False
    if diff:
        from transcheck.fixes import session

        text, results = session.diff(report, unsafe_fixes)
        typer.echo(text, nl=False)
        for line in [*session.problems(results), session.diff_summary(results)]:
            typer.echo(f"transcheck: {line}", err=True)
        raise typer.Exit(EXIT_ERROR if session.problems(results) else int(bool(text)))
    if fix:
        from transcheck.fixes import session

        def recheck() -> "Report":
            again = run()
            return _baseline(again, baseline, False, options) if baseline else again

        fixed = session.fix(report, recheck, unsafe_fixes)
        report, failed = fixed.report, bool(fixed.errors)
        for line in [*session.problems(fixed.last), session.fixed_summary(fixed, unsafe_fixes)]:
            typer.echo(f"transcheck: {line}", err=True)
    for planned in outputs:
        if planned.path is None:
            typer.echo(FORMATS[planned.format](report, options), nl=False, color=options.color)
        else:
            plain = dataclasses.replace(options, color=False)
            _write(planned.path, FORMATS[planned.format](report, plain))
    raise typer.Exit(EXIT_ERROR if failed else exit_code(report, config.fail_on))


@app.command()
@guarded("reading the status of {source} ↔ {target}")
def status(
    source: Annotated[Path, typer.Argument(help="English file or folder.")] = Path("en"),
    target: Annotated[Path, typer.Argument(help="Korean file or folder.")] = Path("ko"),
    source_rev: SourceRevOpt = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the whole English diff of stale chapters.")
    ] = False,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    config_path: ConfigOpt = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            help="Exit 1 when a chapter is in one of these states: outdated, untranslated, "
            "orphan (repeatable or comma-separated; default: outdated,untranslated), or never.",
            show_default=False,
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Per chapter: up-to-date, outdated (the English changed after translation: from git
    history, or what the check finds), untranslated or orphan, with the reasons. Exit 0 when no
    chapter is in a --fail-on state, 1 when one is, 2 on errors."""
    from transcheck import gitrepo
    from transcheck.config import ConfigError
    from transcheck.pairing import PairingError
    from transcheck.report import status as status_report
    from transcheck.status import STATES, chapter_status

    if output_format not in status_report.FORMATS:
        raise _fail(f"--format must be one of {', '.join(status_report.FORMATS)}")
    failing = _split(fail_on or ["outdated,untranslated"])
    unknown = [state for state in failing if state not in (*STATES, "never")]
    if unknown:
        raise _fail(f"--fail-on: unknown state {unknown[0]!r}; one of {', '.join(STATES)}, never")
    config = _config(config_path, None, None, None, None)
    try:
        chapters = chapter_status(source, target, config, source_rev=source_rev, diff=diff)
    except (PairingError, ConfigError, gitrepo.GitError) as error:
        raise _fail(str(error)) from None
    typer.echo(status_report.FORMATS[output_format](chapters), nl=False)
    failed = any(chapter.state in failing for chapter in chapters)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@app.command()
@guarded("aligning {source} ↔ {target}")
def align(
    source: SourceArg,
    target: TargetArg,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    config_path: ConfigOpt = None,
    blocks: Annotated[
        bool, typer.Option("--blocks", help="Also pair the blocks inside each section.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say which Markdown dialect each file is read as.")
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Show how the sections of two files align: EN line, heading, KO line, heading, confidence."""
    from transcheck.align.blocks import block_alignment
    from transcheck.api import align_files
    from transcheck.parse import InputError
    from transcheck.report import alignment as alignment_report
    from transcheck.report import block_alignment as block_report

    if output_format not in alignment_report.FORMATS:
        raise _fail(f"--format must be one of {', '.join(alignment_report.FORMATS)}")
    config = _config(config_path, None, None, None, None)
    try:
        alignment = align_files(source, target, config)
    except InputError as error:
        raise _fail(str(error)) from None
    if not (blocks or explain):
        typer.echo(alignment_report.FORMATS[output_format](alignment), nl=False)
        return
    sections = block_alignment(alignment, config.rewrite_link) if blocks else None
    typer.echo(block_report.FORMATS[output_format](alignment, sections, explain), nl=False)


@app.command()
def rules(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json or markdown.")
    ] = "text",
) -> None:
    """List every rule: code, name, default severity and one-line description."""
    from transcheck.checks import REGISTRY
    from transcheck.report import rules as rules_report

    if output_format not in rules_report.FORMATS:
        raise _fail(f"--format must be one of {', '.join(rules_report.FORMATS)}")
    typer.echo(rules_report.FORMATS[output_format](REGISTRY), nl=False)


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule code or name.")]) -> None:
    """Print a rule's documentation: Bad/Good example, the finding transcheck gives on a real
    example (run on the spot), and how to fix it."""
    from transcheck.checks import find_rule
    from transcheck.checks.registry import Example
    from transcheck.examples import run_example
    from transcheck.report import explain as explain_report

    found = find_rule(rule)
    if found is None:
        raise _fail(f"unknown rule {rule!r}; `transcheck rules` lists them")
    example = found.example
    run = run_example(found, example) if isinstance(example, Example) else None
    typer.echo(explain_report.render(found, run), nl=False)


@app.command()
def lsp(
    source: Annotated[
        Path | None, typer.Option("--source", help="The English tree (default: guessed per file).")
    ] = None,
    target: Annotated[
        Path | None, typer.Option("--target", help="The Korean tree (with --source).")
    ] = None,
    source_rev: SourceRevOpt = None,
) -> None:
    """Run the language server on stdin/stdout, for editors (needs `pip install 'transcheck[lsp]'`;
    setup: docs/editors.md)."""
    if (source is None) != (target is None):
        raise _fail("give --source and --target together")
    try:  # imported here: pygls is an optional extra, and other commands need not load it
        from transcheck.lsp.server import serve
        from transcheck.lsp.trees import Roots
    except ImportError as error:
        raise _fail(f"{error}: install the lsp extra: pip install 'transcheck[lsp]'") from None
    roots = Roots(source.absolute(), target.absolute()) if source and target else None
    serve(roots, source_rev)


def for_arguments(full: typer.Typer, args: Sequence[str]) -> typer.Typer:
    """The app that runs ``args``: ``full`` with only the command or command group the
    arguments name first, or with none for a bare ``--version``; ``full`` itself otherwise
    (group help, an unknown command). Typer builds the click parameters of every command it
    holds on each run (~20 ms with ours), and a run reads the parameters of one command only;
    the group's options, callback and settings stay, so that command's help, errors and exit
    codes are the same (tests/test_cli_dispatch.py compares them)."""
    if list(args) == ["--version"]:
        first = None
    elif args:
        first = args[0]
    else:
        return full
    commands = [c for c in full.registered_commands if _name(c) == first]
    groups = [g for g in full.registered_groups if g.name == first]
    if first is not None and not commands and not groups:
        return full  # not a command's name: an unknown command or an option
    pruned = copy.copy(full)  # a new app holding the same callback and settings
    pruned.registered_commands, pruned.registered_groups = commands, groups
    return pruned


def _name(command: CommandInfo) -> str:
    """A registered command's name, as typer derives it."""
    assert command.callback is not None
    return command.name or get_command_name(command.callback.__name__)


def main() -> None:
    """Console-script entry point. A usage error is one plain line and a hint, exit code 2."""
    try:
        _run_command()
    finally:
        # The process ends: the interpreter's last collections would walk every object left
        # (~25 ms after a one-chapter check) to free memory the system takes back anyway.
        gc.freeze()


def _run_command() -> None:
    """Run the command ``sys.argv`` names, and exit with its code."""
    try:
        code = for_arguments(app, sys.argv[1:])(standalone_mode=False)
    except click_errors.UsageError as error:
        if isinstance(error, getattr(click_errors, "NoArgsIsHelpError", ())):
            error.show()  # a bare command prints its help
        else:
            where = error.ctx.command_path if error.ctx is not None else "transcheck"
            typer.echo(f"transcheck: error: {error.format_message()}", err=True)
            typer.echo(f"(see `{where} --help`)", err=True)
        sys.exit(EXIT_ERROR)
    except click_errors.ClickException as error:
        typer.echo(f"transcheck: error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        typer.echo("transcheck: aborted", err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_CLEAN)
