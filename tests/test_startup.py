"""Start-up stays light: what `--version`, `import transcheck.cli` and a one-chapter check import.

No timing here (benchmarks/bench_startup.py measures it): the modules each process holds when it
exits, listed by a fresh interpreter, must leave out what only another command, another output
format or an optional extra needs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepos import commit, init
from transcheck.lazy import compiled, uncollected

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo"

# Never needed by a plain one-chapter text check: other formats, other commands, parallel runs,
# git archives, the language server, rich's progress bars (stderr is not a terminal here).
NOT_IN_A_CHECK = (
    "rich",
    "pygls",
    "lsprotocol",
    "pydantic",
    "multiprocessing",
    "concurrent.futures",
    "tarfile",
    "json",
    "statistics",
    "transcheck.report.html",
    "transcheck.report.html_chapter",
    "transcheck.report.json_format",
    "transcheck.report.sarif",
    "transcheck.report.github",
    "transcheck.report.markdown",
    "transcheck.report.rdjson",
    "transcheck.report.status",
    "transcheck.report.explain",
    "transcheck.chapterview",
    "transcheck.baseline",
    "transcheck.changes",  # git hunks to sections: a repository's history only
    "transcheck.fixes.session",
    "transcheck.fixes.apply",
    "transcheck.status",
    "transcheck.live",
    "transcheck.lsp",
    "transcheck.examples",
    "transcheck.glossary.importer",
    "transcheck.glossary.stats",
    "transcheck.glossary.chapters",
    "transcheck.glossary.mine",
    "transcheck.glossary.scan",
    "mdit_py_plugins.admon",  # MkDocs admonitions: built with an MkDocs page's parser only
    "hashlib",  # OpenSSL's start-up: transcheck.digests uses the interpreter's own SHA-256
)

# Nor by --version and the CLI's own import: the checks, the parser and their libraries.
NOT_AT_START = (
    *NOT_IN_A_CHECK,
    "markdown_it",
    "mdit_py_plugins",
    "yaml",
    "logging",  # markdown-it imports it; --debug is the CLI's only use
    "rapidfuzz",
    "transcheck.api",
    "transcheck.run",
    "transcheck.config",
    "transcheck.checks",
    "transcheck.parse",
    "transcheck.align",
    "transcheck.glossary.active",
    "transcheck.glossary.matcher",
)


# Run first in the process under test: at exit, it lists every module the process holds, those
# importlib.import_module loaded too (the packages' lazy names, glossary.matcher), which
# ``-X importtime`` does not log.
_AT_EXIT = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write(''.join(f'loaded {m}\\n' for m in sys.modules)))\n"
)


def imported(args: list[str], cwd: Path) -> set[str]:
    """The modules a fresh ``python ARGS`` (``-m MODULE ...`` or ``-c CODE``) holds when it
    exits (run in ``cwd``)."""
    if args[0] == "-m":
        code = f"import runpy\nrunpy.run_module({args[1]!r}, run_name='__main__', alter_sys=True)"
    else:
        code = args[1]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _AT_EXIT + code, *args[2:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {
        line.removeprefix("loaded ")
        for line in done.stderr.splitlines()
        if line.startswith("loaded ")
    }


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """The names (packages count with their submodules) found among ``modules``."""
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


def test_version_and_cli_import_leave_the_checks_out(tmp_path: Path) -> None:
    version = imported(["-m", "transcheck", "--version"], tmp_path)
    assert "transcheck.cli" in version  # the listing is read at all
    assert loaded(version, NOT_AT_START) == []
    cli = imported(["-c", "import transcheck.cli"], tmp_path)
    assert "typer" in cli
    assert loaded(cli, NOT_AT_START) == []


def test_a_one_chapter_check_loads_only_what_it_runs(tmp_path: Path) -> None:
    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
        shutil.copy(DEMO / side / "attention.md", tmp_path / side / "attention.md")
    pair = ["en/attention.md", "ko/attention.md"]
    modules = imported(["-m", "transcheck", "check", *pair, "--jobs", "2"], tmp_path)
    assert {"transcheck.checks.links", "markdown_it"} <= modules  # the check did run
    assert loaded(modules, NOT_IN_A_CHECK) == []


def test_hunks_are_mapped_to_sections_only_when_the_english_changed(tmp_path: Path) -> None:
    # In git, section-stale reads the English diff since the translation: transcheck.changes
    # maps its hunks to sections, and a chapter whose English did not change has none.
    pages = {
        f"{s}/attention.md": (DEMO / s / "attention.md").read_text("utf-8") for s in ("en", "ko")
    }
    commit(init(tmp_path), pages, "translated")
    pair = ["en/attention.md", "ko/attention.md"]
    assert "transcheck.changes" not in imported(["-m", "transcheck", "check", *pair], tmp_path)
    english = tmp_path / "en" / "attention.md"
    english.write_text(english.read_text("utf-8") + "\nA paragraph added.\n", "utf-8")
    assert "transcheck.changes" in imported(["-m", "transcheck", "check", *pair], tmp_path)


def test_html_parser_is_loaded_only_for_html_holding_more_than_plain_tags(tmp_path: Path) -> None:
    pages = {
        "en": '<div class="note">\n\nA note on the <span>cache</span>.\n\n</div>\n',
        "ko": '<div class="note">\n\n<span>캐시</span>에 관한 메모입니다.\n\n</div>\n',
    }
    for side, text in pages.items():
        (tmp_path / side).mkdir()
        (tmp_path / side / "note.md").write_text(text, encoding="utf-8")
    pair = ["en/note.md", "ko/note.md"]
    modules = imported(["-m", "transcheck", "check", *pair], tmp_path)
    assert "transcheck.parse.html" in modules  # the HTML was read: by the plain-tag patterns
    assert loaded(modules, ("html.parser", "transcheck.parse.htmlreader")) == []
    (tmp_path / "ko" / "note.md").write_text("<p>캐시에 관한 메모입니다.</p>\n", encoding="utf-8")
    modules = imported(["-m", "transcheck", "check", *pair], tmp_path)
    assert "html.parser" in modules  # text inside an HTML block: the standard parser reads it


def test_a_project_pyproject_that_does_not_configure_us_is_not_parsed(tmp_path: Path) -> None:
    for side in ("en", "ko"):
        (tmp_path / side).mkdir()
        shutil.copy(DEMO / side / "attention.md", tmp_path / side / "attention.md")
    project = '[project]\nname = "transcheck"\n\n[tool.mypy]\npackages = ["transcheck"]\n'
    (tmp_path / "pyproject.toml").write_text(project, encoding="utf-8")  # names us, no table
    pair = ["en/attention.md", "ko/attention.md"]
    modules = imported(["-m", "transcheck", "check", *pair], tmp_path)
    assert "transcheck.config" in modules
    assert "tomllib" not in modules


def test_the_commands_annotations_are_objects_not_strings() -> None:
    # typer would evaluate and compile each string annotation of the command it runs.
    import inspect

    from transcheck import cli

    commands = [info.callback for info in cli.app.registered_commands]
    assert cli.check in commands
    for command in commands:
        assert command is not None
        for name, annotation in inspect.get_annotations(inspect.unwrap(command)).items():
            assert not isinstance(annotation, str), (command.__name__, name)


def test_imports_run_uncollected_and_land_in_the_oldest_generation() -> None:
    import gc

    assert gc.isenabled()
    with uncollected():
        assert not gc.isenabled()
        made = [[] for _ in range(1000)]  # as an import's functions and classes would be
    assert gc.isenabled()
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(item) in young for item in made)
    assert any(item is made[0] for item in gc.get_objects(generation=2))
    gc.disable()
    try:
        with uncollected():
            pass
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def test_imports_uncollected_leave_a_callers_frozen_objects_frozen() -> None:
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with uncollected():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_command_that_loads_no_check_still_knows_every_config_key(tmp_path: Path) -> None:
    # The rule families declare their config groups (math, code, ...) when imported; a command
    # that imports no check must still accept them (config imports them before validating).
    for side in ("en", "ko"):
        shutil.copytree(DEMO / side, tmp_path / side)
    config = "math:\n  single_dollar: never\ncode:\n  translate_strings: false\n"
    (tmp_path / ".transcheck.yaml").write_text(config, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "transcheck", "glossary", "mine", "en", "ko"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Glossary candidates" in done.stdout


def test_a_pattern_compiled_on_first_use_is_compiled_once() -> None:
    pattern = compiled(r"[\uac00-\ud7a3]+")
    assert pattern() is pattern()
    assert pattern().findall("rank 행렬의 rank") == ["행렬의"]
    broken = compiled("(")  # not compiled yet: defining it cannot fail, using it does
    with pytest.raises(re.error):
        broken()
