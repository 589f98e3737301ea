"""A run builds only the command it runs (cli.for_arguments): the same output and exit code as
the whole app, for help, usage errors, a check, a command group and ``--version``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcheck.cli import app, for_arguments

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo"

ARGUMENTS = [
    ["check", "--help"],
    ["check"],
    ["check", "en"],
    ["check", "en", "ko", "--formt", "json"],
    ["check", "en", "ko", "--fail-on", "sometimes"],
    ["check", "en", "ko", "--format", "json"],
    ["check", "en/attention.md", "ko/attention.md", "--select", "TC2"],
    ["check", "missing", "ko"],
    ["align", "--help"],
    ["align", "en/attention.md", "ko/attention.md"],
    ["rules"],
    ["explain", "TC101"],
    ["explain"],
    ["status", "--help"],
    ["lsp", "--help"],
    ["glossary"],
    ["glossary", "--help"],
    ["glossary", "mine", "--help"],
    ["glossary", "mine", "en", "ko"],
    ["glossary", "nope"],
    ["--version"],
    ["--version", "check"],
    ["--help"],
    [],
    ["chek", "en", "ko"],
]


@pytest.mark.parametrize("args", ARGUMENTS, ids=" ".join)
def test_only_the_named_command_is_built_and_it_behaves_the_same(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for side in ("en", "ko"):
        shutil.copytree(DEMO / side, tmp_path / side)
    monkeypatch.chdir(tmp_path)
    pruned = for_arguments(app, args)
    named = {c.name or c.callback.__name__ for c in pruned.registered_commands}  # type: ignore[union-attr]
    named |= {g.name for g in pruned.registered_groups}
    if args[:1] == ["--version"] and len(args) == 1:
        assert named == set()
    elif args and args[0] in ("check", "align", "rules", "explain", "status", "lsp", "glossary"):
        assert named == {args[0]}
    else:
        assert pruned is app  # group help and unknown commands need every command
    runner = CliRunner()
    whole = runner.invoke(app, args)
    alone = runner.invoke(pruned, args)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )
    assert type(alone.exception) is type(whole.exception)
